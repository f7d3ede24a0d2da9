/**
 * Talks to the production training worker from inside a page, without any test hook in the app:
 * the worker's built URL is read from the page's resource timing, and a second instance of it is
 * started in the page to answer `measure` requests (engine timing and conformance runs).
 */
import type { Page } from '@playwright/test';
import type {
  DataArrays,
  EngineId,
  MeasureResult,
  RaceEngineId,
  RaceLane,
  RaceLaneState,
  SurfaceResult,
  TrainParams,
} from '../src/worker/protocol.ts';

/** A plain-array form of a measure request (what crosses into page.evaluate). */
export interface MeasureJob {
  engine: EngineId;
  /** The data, or `blobs` to have the page generate that many points (large N). */
  x1?: number[];
  x2?: number[];
  y?: number[];
  blobs?: number;
  params: TrainParams;
  epochs: number;
  maxMs: number;
}

/** Runs the jobs one after another in one fresh worker; returns their results in order. */
export async function measureInWorker(page: Page, jobs: MeasureJob[]): Promise<MeasureResult[]> {
  return page.evaluate(async (jobs) => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/worker-[^/]+\.js$/.test(e.name));
    if (!entry) throw new Error('the training worker script was not loaded by the page');
    // The same generator as `blobs` below, inlined: page.evaluate cannot close over it.
    function pageBlobs(n: number): DataArrays {
      let s = 7;
      const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
      const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const d = { x1: new Float64Array(n), x2: new Float64Array(n), y: new Float64Array(n) };
      for (let i = 0; i < n; i++) {
        const label = i % 2;
        d.x1[i] = normal() + 2.5 * label;
        d.x2[i] = normal() + 2 * label;
        d.y[i] = label;
      }
      return d;
    }
    const worker = new Worker(entry.name, { type: 'module' });
    const results: MeasureResult[] = [];
    try {
      for (const job of jobs) {
        const train: DataArrays = job.blobs
          ? pageBlobs(job.blobs)
          : {
              x1: Float64Array.from(job.x1!),
              x2: Float64Array.from(job.x2!),
              y: Float64Array.from(job.y!),
            };
        const result = await new Promise<MeasureResult>((resolve, reject) => {
          worker.onmessage = (e: MessageEvent) => {
            // The worker handles one message at a time: the next answer is this job's.
            if (e.data.type === 'measured') resolve(e.data.result);
            if (e.data.type === 'error') reject(new Error(e.data.message));
          };
          worker.onerror = (e) => reject(new Error(e.message));
          const request = {
            engine: job.engine,
            train,
            params: job.params,
            epochs: job.epochs,
            maxMs: job.maxMs,
          };
          worker.postMessage({ type: 'measure', request });
        });
        results.push(result);
      }
    } finally {
      worker.terminate();
    }
    return results;
  }, jobs);
}

/** Gaussian blobs (red around (0,0), blue around (2.5, 2)), deterministic, as plain arrays. */
export function blobs(n: number, seed = 7): { x1: number[]; x2: number[]; y: number[] } {
  let s = seed >>> 0;
  const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const x1: number[] = [];
  const x2: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    x1.push(normal() + 2.5 * label);
    x2.push(normal() + 2 * label);
    y.push(label);
  }
  return { x1, x2, y };
}

/** A loss-surface job in plain arrays: grid spec, engine and data. */
export interface SurfaceJob {
  engine: EngineId;
  w1: [number, number];
  w2: [number, number];
  b: number;
  size: number;
  l2: number;
  x1?: number[];
  x2?: number[];
  y?: number[];
  /** Generate this many blob points in the page instead (large N). */
  blobs?: number;
}

/** A SurfaceResult with its values as a plain array (what crosses out of page.evaluate). */
export type SurfaceAnswer = Omit<SurfaceResult, 'values'> & { values: number[] };

/** Computes each loss-surface job in one fresh production worker, in order. */
export async function surfaceInWorker(page: Page, jobs: SurfaceJob[]): Promise<SurfaceAnswer[]> {
  return page.evaluate(async (jobs) => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/worker-[^/]+\.js$/.test(e.name));
    if (!entry) throw new Error('the training worker script was not loaded by the page');
    function pageBlobs(n: number) {
      let s = 7;
      const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
      const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const d = { x1: new Float64Array(n), x2: new Float64Array(n), y: new Float64Array(n) };
      for (let i = 0; i < n; i++) {
        d.x1[i] = normal() + 2.5 * (i % 2);
        d.x2[i] = normal() + 2 * (i % 2);
        d.y[i] = i % 2;
      }
      return d;
    }
    const worker = new Worker(entry.name, { type: 'module' });
    const out: SurfaceAnswer[] = [];
    try {
      for (const [i, job] of jobs.entries()) {
        const train = job.blobs
          ? pageBlobs(job.blobs)
          : {
              x1: Float64Array.from(job.x1!),
              x2: Float64Array.from(job.x2!),
              y: Float64Array.from(job.y!),
            };
        const result = await new Promise<SurfaceResult>((resolve, reject) => {
          worker.onmessage = (e: MessageEvent) => {
            if (e.data.type === 'loss-surface' && e.data.result.id === i) resolve(e.data.result);
            if (e.data.type === 'error') reject(new Error(e.data.message));
          };
          worker.onerror = (e) => reject(new Error(e.message));
          const { engine, w1, w2, b, size, l2 } = job;
          const request = { id: i, engine, w1, w2, b, size, l2, train };
          worker.postMessage({ type: 'loss-surface', request });
        });
        out.push({ ...result, values: Array.from(result.values) });
      }
    } finally {
      worker.terminate();
    }
    return out;
  }, jobs);
}

/** A race in plain arrays. */
export interface RaceJob {
  engine: RaceEngineId;
  lanes: RaceLane[];
  epochs: number;
  params: TrainParams;
  x1: number[];
  x2: number[];
  y: number[];
}

/** The final state of a race run in a fresh production worker, with its engine and timing. */
export interface RaceAnswer {
  engine: RaceEngineId;
  epoch: number;
  lanes: RaceLaneState[];
  ms: number;
  /** Every progress message's epoch, in order (to check the race streams as it goes). */
  epochsSeen: number[];
}

/** Runs one race to its end in a fresh production worker (all lanes from zero weights). */
export async function raceInWorker(page: Page, job: RaceJob): Promise<RaceAnswer> {
  return page.evaluate(async (job) => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/worker-[^/]+\.js$/.test(e.name));
    if (!entry) throw new Error('the training worker script was not loaded by the page');
    const worker = new Worker(entry.name, { type: 'module' });
    const epochsSeen: number[] = [];
    const t0 = performance.now();
    try {
      return await new Promise<RaceAnswer>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent) => {
          const m = e.data;
          if (m.type === 'error') reject(new Error(m.message));
          if (m.type !== 'race-progress' || m.raceId !== 1) return;
          epochsSeen.push(m.epoch);
          if (m.status !== 'running')
            resolve({
              engine: m.engine,
              epoch: m.epoch,
              lanes: m.lanes,
              ms: performance.now() - t0,
              epochsSeen,
            });
        };
        worker.onerror = (e) => reject(new Error(e.message));
        const train = {
          x1: Float64Array.from(job.x1),
          x2: Float64Array.from(job.x2),
          y: Float64Array.from(job.y),
        };
        const request = {
          id: 1,
          lanes: job.lanes,
          epochs: job.epochs,
          engine: job.engine,
          train,
          params: job.params,
        };
        worker.postMessage({ type: 'race', request });
      });
    } finally {
      worker.terminate();
    }
  }, job);
}
