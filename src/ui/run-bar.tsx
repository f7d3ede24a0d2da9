import { memo, useId, type ReactNode, type RefObject } from 'react';
import { SPEED_IDS, SPEEDS, type Speed } from '../core/settings.ts';
import { LearningRateSlider } from './learning-rate-slider.tsx';

interface Props {
  running: boolean;
  lr: number;
  maxStableLr: number;
  /** Whether the stable limit applies (full-batch plain SGD). */
  fullBatch: boolean;
  speed: Speed;
  onPlayPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onRecipe: () => void;
  onLr: (lr: number) => void;
  onSpeed: (s: Speed) => void;
  /** The Play/Pause button, for the skip link. */
  playRef: RefObject<HTMLButtonElement | null>;
  /** The notice area, shown under the controls. */
  children?: ReactNode;
}

/**
 * The controls a person steers a run with: Play/Pause, Step, Reset, the tutorial recipe, the
 * learning rate and the speed, with the messages beside them. On a phone this bar stays on
 * screen while the plot scrolls (CSS: sticky).
 */
export const RunBar = memo(function RunBar({ playRef, ...p }: Props) {
  const speedId = useId();
  return (
    <section className="run-bar" aria-label="Run" id="run">
      <div className="buttons">
        <button
          ref={playRef}
          type="button"
          className="primary"
          onClick={p.onPlayPause}
          aria-keyshortcuts="Space"
        >
          {p.running ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={p.onStep} disabled={p.running}>
          Step
        </button>
        <button type="button" onClick={p.onReset}>
          Reset
        </button>
        <button type="button" onClick={p.onRecipe}>
          Run tutorial recipe
        </button>
      </div>
      <div className="run-dials">
        <LearningRateSlider
          value={p.lr}
          maxStableLr={p.maxStableLr}
          fullBatch={p.fullBatch}
          onChange={p.onLr}
        />
        <div className="field speed-field">
          <label htmlFor={speedId}>Speed</label>
          <select
            id={speedId}
            value={p.speed}
            aria-describedby={`${speedId}-hint`}
            onChange={(e) => p.onSpeed(e.currentTarget.value as Speed)}
          >
            {SPEED_IDS.map((id) => (
              <option key={id} value={id}>
                {SPEEDS[id].label}
              </option>
            ))}
          </select>
          <span id={`${speedId}-hint`} className="field-hint">
            Wall time only: every pace computes the same epochs and numbers.
          </span>
        </div>
      </div>
      {p.children}
    </section>
  );
});
