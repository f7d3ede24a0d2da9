/**
 * The page's side of the worker: starts it, sends typed messages stamped with the current run id,
 * drops stale replies, accumulates the loss curve, and restarts a crashed worker from the last
 * weights it reported.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MaxMargin } from '../core/max-margin.ts';
import type {
  DataArrays,
  EngineChoice,
  EngineInfo,
  FromWorker,
  HistoryPoint,
  Hyper,
  OptimumResult,
  RaceEngineId,
  RaceLaneState,
  RacePoint,
  Report,
  Snapshot,
  SurfaceResult,
  ToWorker,
} from '../worker/protocol.ts';

/** Distributes `Omit` over a union, so each message keeps its own fields. */
type WithoutRunId<T> = T extends unknown ? Omit<T, 'runId'> : never;
export type Command = WithoutRunId<ToWorker>;

export interface EngineStatus {
  engine: string;
  choice: EngineChoice;
  precision: string;
  renderer: string;
  hardware: boolean;
  reason: string;
  engines: EngineInfo[];
}

export interface TrainerView {
  engine: EngineStatus | null;
  snapshot: Snapshot | null;
  epochsPerSecond: number;
  running: boolean;
  /** The loss curve of the current run, oldest first. */
  history: HistoryPoint[];
  reports: Report[];
  notices: string[];
  diverged: Extract<FromWorker, { type: 'diverged' }> | null;
  done: boolean;
  /** The exact optimum for the current data and L2 (from the worker), or why there is none. */
  optimum: OptimumResult | null;
  /** The maximum-margin line, when the data are separable and L2 = 0. */
  maxMargin: MaxMargin | null;
  /** The latest loss surface over (w1, w2) from the worker. */
  surface: SurfaceResult | null;
  /** The learning-rate race, once one was started. */
  race: RaceView | null;
}

/** A learning-rate race as the page shows it: every lane's state and loss curve so far. */
export interface RaceView {
  raceId: number;
  engine: RaceEngineId;
  epoch: number;
  epochs: number;
  running: boolean;
  epochsPerSecond: number;
  lanes: RaceLaneState[];
  history: RacePoint[];
}

/** The report table keeps the latest this many rows (the tutorial prints 20). */
const MAX_REPORTS = 20;

const EMPTY: TrainerView = {
  engine: null,
  snapshot: null,
  epochsPerSecond: 0,
  running: false,
  history: [],
  reports: [],
  notices: [],
  diverged: null,
  done: false,
  optimum: null,
  maxMargin: null,
  surface: null,
  race: null,
};

/** What the page must re-send to a fresh worker to put it back where the old one was. */
export interface Replay {
  hyper: Hyper;
  engine: EngineChoice;
  train: DataArrays;
  test: DataArrays;
  /** Weights to start from (a restored session), instead of the initial ones. */
  weights?: { weights: Snapshot['weights']; epoch: number } | null;
}

interface Restore {
  snapshot: Snapshot | null;
  running: boolean;
}

export function useTrainer(replay: () => Replay) {
  const [view, setView] = useState<TrainerView>(EMPTY);
  const workerRef = useRef<Worker | null>(null);
  const runId = useRef(1);
  /** The race the page last asked for; older races' messages are dropped. */
  const raceId = useRef(0);
  const last = useRef<Restore>({
    snapshot: null,
    running: false,
  });
  const replayRef = useRef(replay);
  useEffect(() => {
    replayRef.current = replay;
  });
  const startRef = useRef<(from: Restore | null) => void>(() => {});

  const post = useCallback((cmd: Command) => {
    workerRef.current?.postMessage({ ...cmd, runId: runId.current } as ToWorker);
  }, []);

  const onMessage = useCallback(
    (msg: FromWorker) => {
      // Replies to an older run are dropped; 'ready' and 'notice' describe the worker itself (its
      // engine, a missing WebGL), are never stale, and may come before the first run is set up.
      // A race outlives runs (Reset, new data): its messages are matched by race id instead.
      if (msg.type === 'race-progress') {
        if (msg.raceId !== raceId.current) return;
      } else if (msg.runId !== runId.current && msg.type !== 'ready' && msg.type !== 'notice')
        return;
      setView((v) => reduceView(v, msg));
      if (msg.type === 'progress') {
        last.current = { snapshot: msg.snapshot, running: msg.running };
        // Acknowledge once the browser has drawn this update: backpressure, one message per frame.
        requestAnimationFrame(() => post({ type: 'frame-ack' }));
      }
    },
    [post],
  );

  const start = useCallback(
    (restoreFrom: Restore | null) => {
      const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), {
        type: 'module',
        name: 'logreg-trainer',
      });
      workerRef.current = worker;
      worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        const from = last.current;
        worker.terminate();
        setView((v) => ({
          ...v,
          running: false,
          race: v.race && { ...v.race, running: false }, // a race dies with its worker
          notices: [
            ...v.notices,
            `The training worker crashed (${e.message || 'unknown error'}); it was restarted${from.snapshot ? ` from epoch ${from.snapshot.epoch.toLocaleString('en-US')}` : ''} with the same data and weights.`,
          ],
        }));
        startRef.current(from);
      };
      const r = replayRef.current();
      post({ type: 'set-params', params: r.hyper });
      post({ type: 'choose-engine', engine: r.engine });
      post({ type: 'load-data', train: r.train, test: r.test, keepWeights: false });
      if (!restoreFrom?.snapshot && r.weights) {
        post({ type: 'set-weights', weights: r.weights.weights, epoch: r.weights.epoch });
      } else if (restoreFrom?.snapshot) {
        post({
          type: 'set-weights',
          weights: restoreFrom.snapshot.weights,
          epoch: restoreFrom.snapshot.epoch,
        });
        if (restoreFrom.running) post({ type: 'play' });
      }
    },
    [onMessage, post],
  );

  useEffect(() => {
    startRef.current = start;
    start(null);
    return () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    };
  }, [start]);

  /** Starts a new run: replies to older runs are dropped and the curve starts over. */
  const newRun = useCallback(() => {
    runId.current += 1;
    setView((v) => ({
      ...v,
      history: [],
      reports: [],
      diverged: null,
      done: false,
    }));
  }, []);

  const dismissNotice = useCallback(
    (i: number) => setView((v) => ({ ...v, notices: v.notices.filter((_, k) => k !== i) })),
    [],
  );
  const clearDiverged = useCallback(() => setView((v) => ({ ...v, diverged: null })), []);
  /** Starts a race: forgets the last one and returns the new race's id. */
  const nextRace = useCallback(() => {
    raceId.current += 1;
    setView((v) => ({ ...v, race: null }));
    return raceId.current;
  }, []);

  return { view, post, newRun, dismissNotice, clearDiverged, nextRace, worker: workerRef };
}

function reduceView(v: TrainerView, msg: FromWorker): TrainerView {
  switch (msg.type) {
    case 'ready':
      return {
        ...v,
        engine: {
          engine: msg.engine,
          choice: msg.choice,
          precision: msg.precision,
          renderer: msg.renderer,
          hardware: msg.hardware,
          reason: msg.reason,
          engines: msg.engines,
        },
      };
    case 'progress': {
      return {
        ...v,
        snapshot: msg.snapshot,
        epochsPerSecond: msg.epochsPerSecond,
        running: msg.running,
        history: msg.history.length ? [...v.history, ...msg.history] : v.history,
        reports: msg.reports.length
          ? [...v.reports, ...msg.reports].slice(-MAX_REPORTS)
          : v.reports,
        done: msg.running ? false : v.done,
      };
    }
    case 'done':
      return { ...v, running: false, done: true };
    case 'diverged':
      return { ...v, running: false, diverged: msg };
    case 'notice':
    case 'error':
      return { ...v, notices: [...v.notices.slice(-4), msg.message] };
    case 'optimum':
      return { ...v, optimum: msg.result, maxMargin: msg.maxMargin };
    case 'measured':
      return v;
    case 'loss-surface':
      return msg.result.error ? v : { ...v, surface: msg.result };
    case 'race-progress': {
      const { type: _t, runId: _r, history, ...rest } = msg;
      const earlier = v.race?.raceId === msg.raceId ? v.race.history : [];
      return { ...v, race: { ...rest, history: [...earlier, ...history] } };
    }
  }
}
