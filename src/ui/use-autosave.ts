import { useEffect, useRef } from 'react';
import type { Weights } from '../core/maths.ts';
import type { HistoryPoint, Snapshot } from '../core/progress.ts';
import type { SavedMark } from '../core/saved-session.ts';
import { Autosaver } from './autosaver.ts';
import type { SaveProblem } from './persistence.ts';
import type { SessionState } from './session.ts';

/** Save at most this often (ms), and this long after the last change at the latest. */
const EVERY_MS = 2_000;

interface Saved {
  session: SessionState;
  snapshot: Snapshot | null;
  history: readonly HistoryPoint[];
  marks: readonly SavedMark[];
}

/**
 * Autosaves the session (points, settings, weights, epoch, loss curve) to localStorage,
 * throttled (and at once when the page is hidden or left), so a reload or a crash brings it back. Reports a refusal (quota) once per data set.
 */
export function useAutosave(
  session: SessionState,
  snapshot: Snapshot | null,
  history: readonly HistoryPoint[],
  marks: readonly SavedMark[],
  onProblem: (problem: SaveProblem) => void,
  save: (
    storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
    s: SessionState,
    w: Weights,
    epoch: number,
    history: readonly HistoryPoint[],
    marks: readonly SavedMark[],
  ) => SaveProblem | null,
): void {
  const handlers = useRef({ onProblem, save });
  const saver = useRef<Autosaver<Saved> | null>(null);
  useEffect(() => {
    let reported: unknown = null;
    const a = new Autosaver<Saved>(({ session: s, snapshot: snap, history: curve, marks: m }) => {
      let storage: Storage;
      try {
        storage = window.localStorage;
      } catch {
        return;
      }
      const w = snap?.weights ?? { w1: 0, w2: 0, b: 0 };
      const problem = handlers.current.save(storage, s, w, snap?.epoch ?? 0, curve, m);
      if (problem && reported !== s.points) {
        reported = s.points;
        handlers.current.onProblem(problem);
      }
    }, EVERY_MS);
    saver.current = a;
    a.start();
    // A reload, a closed tab or a phone's app switch within EVERY_MS of a change saves it now.
    const flush = () => a.flush();
    const hidden = () => document.visibilityState === 'hidden' && a.flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      a.stop();
    };
  }, []);
  // Only a change is saved: the page re-renders for other reasons too (an idle page must not
  // write the same session every 2 s).
  const last = useRef<Saved | null>(null);
  useEffect(() => {
    handlers.current = { onProblem, save };
    const l = last.current;
    if (
      l?.session === session &&
      l.snapshot === snapshot &&
      l.history === history &&
      l.marks === marks
    )
      return;
    last.current = { session, snapshot, history, marks };
    saver.current?.changed(last.current);
  });
}
