/**
 * The React side of the training worker: one TrainerClient for the page's lifetime, its state
 * subscribed with useSyncExternalStore, and every change of the session's versioned inputs
 * (data, settings) handed to it once. What it shows is derived for the inputs on screen.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { SessionState } from './session.ts';
import { inputsOf, syncData, syncSettings, syncSpeed } from './session-sync.ts';
import { TrainerClient, type ResumePoint, type Transport } from './trainer-client.ts';
import { viewOf } from './trainer-view.ts';

const newWorker = () =>
  new Worker(new URL('../worker/worker.ts', import.meta.url), {
    type: 'module',
    name: 'logreg-trainer',
  });

/**
 * The first worker starts as this module loads, before React renders the page, so that its
 * start-up (WebGL shaders compile in ~0.3 s on software WebGL) overlaps the first render. What it
 * says before the client listens is kept and handed over in order.
 */
let early: { worker: Worker; said: MessageEvent[]; failed: ErrorEvent[] } | null = (() => {
  if (typeof Worker === 'undefined') return null;
  const said: MessageEvent[] = [];
  const failed: ErrorEvent[] = [];
  const worker = newWorker();
  worker.onmessage = (e) => said.push(e);
  worker.onerror = (e) => {
    e.preventDefault();
    failed.push(e);
  };
  return { worker, said, failed };
})();

/** A real worker behind the client's transport (the early one, the first time). */
function spawnWorker(): Transport {
  const first = early;
  early = null;
  const worker = first?.worker ?? newWorker();
  const t: Transport = {
    post: (msg, transfer = []) => worker.postMessage(msg, transfer),
    onMessage: null,
    onCrash: null,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (e) => t.onMessage?.(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    t.onCrash?.(e.message);
  };
  // Replay what the early worker said (and a crash, after it), once the client listens.
  if (first && (first.said.length || first.failed.length))
    queueMicrotask(() => {
      first.said.forEach((e) => t.onMessage?.(e.data));
      first.failed.forEach((e) => t.onCrash?.(e.message));
    });
  return t;
}

export function useTrainer(session: SessionState, restored: ResumePoint | null) {
  const [client] = useState(
    () =>
      new TrainerClient(spawnWorker, inputsOf(session), (fn) => {
        requestAnimationFrame(fn);
      }),
  );
  const from = useRef(restored);
  useEffect(() => {
    client.start(from.current);
    return () => client.stop();
  }, [client]);

  const { settingsVersion, hyper, engine, dataVersion, points, speed } = session;
  const latest = useRef(session);
  useEffect(() => {
    latest.current = session;
  });
  useEffect(() => {
    syncSettings(client, latest.current);
  }, [client, settingsVersion, hyper, engine]);
  useEffect(() => {
    syncSpeed(client, latest.current);
  }, [client, speed]);
  useEffect(() => {
    if (dataVersion === client.dataVersion) return;
    // Only weights reported after this point are worth resuming from after a remount.
    from.current = null;
    syncData(client, latest.current);
  }, [client, dataVersion, points]);

  const state = useSyncExternalStore(client.subscribe, client.getState);
  const view = useMemo(
    () => viewOf(state, { data: dataVersion, l2: hyper.l2, features: hyper.features }),
    [state, dataVersion, hyper.l2, hyper.features],
  );
  return { client, view };
}
