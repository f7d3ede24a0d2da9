/**
 * Talks to the production training worker from inside a page, without any test hook in the app:
 * the worker's built URL is read from the page's resource timing, and a second instance of it is
 * started in the page to answer `measure` requests (engine timing and conformance runs).
 */
import type { Page } from '@playwright/test';
import type { DataArrays, EngineId, MeasureResult, TrainParams } from '../src/worker/protocol.ts';

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
      for (const [i, job] of jobs.entries()) {
        const train: DataArrays = job.blobs
          ? pageBlobs(job.blobs)
          : {
              x1: Float64Array.from(job.x1!),
              x2: Float64Array.from(job.x2!),
              y: Float64Array.from(job.y!),
            };
        const runId = 1000 + i;
        const result = await new Promise<MeasureResult>((resolve, reject) => {
          worker.onmessage = (e: MessageEvent) => {
            if (e.data.type === 'measured' && e.data.runId === runId) resolve(e.data.result);
            if (e.data.type === 'error' && e.data.runId === runId)
              reject(new Error(e.data.message));
          };
          worker.onerror = (e) => reject(new Error(e.message));
          const request = {
            engine: job.engine,
            train,
            params: job.params,
            epochs: job.epochs,
            maxMs: job.maxMs,
          };
          worker.postMessage({ type: 'measure', runId, request });
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
