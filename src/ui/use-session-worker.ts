/**
 * The training worker, kept in step with the session: a restarted worker is replayed from the
 * current session, and every later change of hyper-parameters, engine or data is sent once — only
 * real changes, never on the first render (starting the worker sent them already).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { SessionState } from './session.ts';
import { toArrays } from './split-arrays.ts';
import { useTrainer, type Replay } from './use-trainer.ts';

export function useSessionWorker(
  session: SessionState,
  /** Weights a restored session starts from; used by the first worker only. */
  restoredWeights: Replay['weights'],
) {
  const startWeights = useRef(restoredWeights);
  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  });
  const replay = useCallback((): Replay => {
    const s = sessionRef.current;
    const weights = startWeights.current;
    startWeights.current = null; // only the first worker starts from the saved weights
    return {
      weights,
      hyper: s.hyper,
      engine: s.engine,
      train: toArrays(s.points, 'train'),
      test: toArrays(s.points, 'test'),
    };
  }, []);
  const trainer = useTrainer(replay);
  const { post, newRun } = trainer;

  // What the worker was last sent; the recipe sends all at once and updates this itself.
  const sent = useRef({ hyper: session.hyper, engine: session.engine, data: session.dataVersion });
  useEffect(() => {
    if (JSON.stringify(sent.current.hyper) === JSON.stringify(session.hyper)) return;
    sent.current.hyper = session.hyper;
    post({ type: 'set-params', params: session.hyper });
  }, [session.hyper, post]);
  useEffect(() => {
    if (sent.current.engine === session.engine) return;
    sent.current.engine = session.engine;
    post({ type: 'choose-engine', engine: session.engine });
  }, [session.engine, post]);
  useEffect(() => {
    if (sent.current.data === session.dataVersion) return;
    sent.current.data = session.dataVersion;
    if (session.restart) newRun();
    post({
      type: 'load-data',
      train: toArrays(session.points, 'train'),
      test: toArrays(session.points, 'test'),
      keepWeights: !session.restart,
    });
  }, [session.dataVersion, session.points, session.restart, post, newRun]);

  /** The recipe sent this hyper-parameter set and data itself: the effects must not resend. */
  const markSent = useCallback((hyper: SessionState['hyper'], dataVersion: number) => {
    sent.current = { ...sent.current, hyper, data: dataVersion };
  }, []);

  return { ...trainer, markSent };
}
