import { useEffect, useRef } from 'react';
import type { Weights } from '../core/maths.ts';
import type { HistoryPoint, Snapshot } from '../core/progress.ts';
import type { SessionState } from './session.ts';

/** Save at most this often (ms), and this long after the last change at the latest. */
const EVERY_MS = 2_000;

/**
 * Autosaves the session (points, settings, weights, epoch) to localStorage, throttled, so a
 * reload or a crash brings it back. Reports a refusal (quota) once per data set, not every save.
 */
export function useAutosave(
  session: SessionState,
  snapshot: Snapshot | null,
  history: readonly HistoryPoint[],
  onError: (message: string) => void,
  save: (
    storage: Pick<Storage, 'setItem'>,
    s: SessionState,
    w: Weights,
    epoch: number,
    history: readonly HistoryPoint[],
  ) => string | null,
): void {
  const latest = useRef({ session, snapshot, history });
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reported = useRef<unknown>(null);
  const handlers = useRef({ onError, save });
  useEffect(() => {
    latest.current = { session, snapshot, history };
    handlers.current = { onError, save };
    if (timer.current) return;
    const wait = Math.max(0, last.current + EVERY_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      const { session: s, snapshot: snap, history: curve } = latest.current;
      let storage: Storage;
      try {
        storage = window.localStorage;
      } catch {
        return;
      }
      const error = handlers.current.save(
        storage,
        s,
        snap?.weights ?? { w1: 0, w2: 0, b: 0 },
        snap?.epoch ?? 0,
        curve,
      );
      if (error && reported.current !== s.points) {
        reported.current = s.points;
        handlers.current.onError(error);
      }
    }, wait);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      // Forget the cleared timer: a remount (React's StrictMode mounts twice) must save again.
      timer.current = null;
    },
    [],
  );
}
