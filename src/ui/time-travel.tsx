import { useEffect, useRef, useState } from 'react';
import type { HistoryPoint } from '../core/progress.ts';
import { fmtInt } from './format.ts';
import { fmtCount } from '../core/count.ts';

interface Props {
  /** The run's log-spaced snapshots, oldest first (epoch 0 … the latest sample). */
  history: readonly HistoryPoint[];
  /** The snapshot being replayed, or null for the live model. */
  index: number | null;
  onIndex: (index: number | null) => void;
}

/** Seconds a full replay from epoch 0 to the latest snapshot takes. */
const REPLAY_SECONDS = 6;

/**
 * The time-travel scrubber: one slider over the run's snapshots, whose last stop is "live".
 * Moving it replays the boundary, the loss marker and the parameter-space path at that epoch;
 * "Replay" animates it from epoch 0; "Back to live" returns to the training model.
 */
export function TimeTravel({ history, index, onIndex }: Props) {
  const live = history.length;
  const at = index ?? live;
  const [replaying, setReplaying] = useState(false);
  const onIndexRef = useRef(onIndex);
  useEffect(() => {
    onIndexRef.current = onIndex;
  });

  useEffect(() => {
    if (!replaying || live === 0) return;
    const start = performance.now();
    let id = requestAnimationFrame(function frame(now) {
      const i = Math.floor(((now - start) / (REPLAY_SECONDS * 1000)) * live);
      if (i >= live) {
        onIndexRef.current(null);
        setReplaying(false);
        return;
      }
      onIndexRef.current(i);
      id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, [replaying, live]);

  const epochAt = (i: number) => history[i]?.epoch ?? 0;
  const text =
    at >= live
      ? `live${live ? `, latest snapshot epoch ${fmtInt(epochAt(live - 1))}` : ''}`
      : `epoch ${fmtInt(epochAt(at))}`;
  return (
    <div className="time-travel">
      <label htmlFor="time-travel">Time travel</label>
      <input
        id="time-travel"
        type="range"
        min={0}
        max={live}
        step={1}
        value={at}
        disabled={live === 0}
        aria-valuetext={text}
        onChange={(ev) => {
          setReplaying(false);
          const i = Number(ev.currentTarget.value);
          onIndex(i >= live ? null : i);
        }}
      />
      <output htmlFor="time-travel" aria-live="off" className="value">
        {at >= live ? 'live' : `epoch ${fmtInt(epochAt(at))}`}
      </output>
      <button
        type="button"
        disabled={live === 0}
        onClick={() => setReplaying((r) => !r)}
        aria-pressed={replaying}
      >
        Watch the run again
      </button>
      {index !== null && (
        <button
          type="button"
          onClick={() => {
            setReplaying(false);
            onIndex(null);
          }}
        >
          Back to live
        </button>
      )}
      <p className="field-hint">
        {fmtCount(history.length)} snapshot{history.length === 1 ? '' : 's'} at log-spaced epochs
        (and every report epoch). Moving the slider pauses training.
      </p>
    </div>
  );
}
