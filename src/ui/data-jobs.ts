/**
 * Big data off the page's main thread (issue #14): a data worker makes a preset's points or
 * parses a CSV file and hands back columns; the page turns them into points a slice at a time,
 * so no task blocks the page, and reports progress all along. Without Worker (Node tests) the
 * same work runs here.
 */
import { parsePointsCsv } from '../core/csv.ts';
import { type Point, type PointColumns } from '../core/dataset.ts';
import type { PlotPoint } from '../charts/data-plot.ts';
import { makePreset } from '../core/datasets.ts';
import { assignSplit } from '../core/split.ts';
import type { DataJob, DataJobReply } from '../worker/protocol.ts';
import { rememberSplit } from './split-arrays.ts';

/** Above this many points a preset is made in the data worker (below, at once). */
export const WORKER_POINTS = 20_000;
/** Points turned into objects per slice (a few ms each). */
const SLICE = 50_000;

export type Progress = (fraction: number) => void;
/** The points, numbered from the `firstId` the job was given. */
export type JobResult = { ok: true; points: PlotPoint[] } | { ok: false; error: string };

/** Yields to the page: input, rendering and frames get in between two slices. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs a job in a fresh data worker; resolves with its last reply. `stop` ends it early. */
function inWorker(job: DataJob, progress: Progress, stop: AbortSignal): Promise<DataJobReply> {
  return new Promise<DataJobReply>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../worker/data-worker.ts', import.meta.url), {
        type: 'module',
        name: 'logreg-data',
      });
    } catch (e) {
      resolve({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
      return;
    }
    const end = (reply: DataJobReply) => {
      worker.terminate();
      resolve(reply);
    };
    stop.addEventListener('abort', () => end({ type: 'failed', error: 'replaced' }));
    worker.onmessage = (e: MessageEvent<DataJobReply>) => {
      if (e.data.type === 'progress') return progress(e.data.fraction);
      end(e.data);
    };
    worker.onmessageerror = () =>
      end({ type: 'failed', error: 'the data worker’s answer was unreadable' });
    worker.onerror = (e) => {
      e.preventDefault();
      end({ type: 'failed', error: e.message || 'the data worker failed' });
    };
    worker.postMessage(job);
  });
}

/** Numbers points from `firstId`. */
const numbered = (points: readonly Point[], firstId: number): PlotPoint[] =>
  points.map((p, i) => ({ x1: p.x1, x2: p.x2, label: p.label, split: p.split, id: firstId + i }));

/** The same job here, for where there is no Worker. */
function inline(job: DataJob, firstId: number): JobResult {
  try {
    if (job.type === 'preset')
      return { ok: true, points: numbered(makePreset(job.id, job.options), firstId) };
    const r = parsePointsCsv(job.text);
    if (!r.ok) return { ok: false, error: r.error };
    const points: Point[] = r.hasSplit
      ? r.points.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label, split: p.split ?? 'train' }))
      : assignSplit(r.points, 0.33, 42);
    return { ok: true, points: numbered(points, firstId) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Columns to points numbered from `firstId`, a slice at a time; null once `stop` says the result
 * is not wanted.
 */
async function toPoints(
  c: PointColumns,
  firstId: number,
  progress: Progress,
  stop: AbortSignal,
): Promise<PlotPoint[] | null> {
  const n = c.x1.length;
  const points: PlotPoint[] = new Array<PlotPoint>(n);
  for (let from = 0; from < n; from += SLICE) {
    if (stop.aborted) return null;
    const to = Math.min(n, from + SLICE);
    for (let i = from; i < to; i++) {
      points[i] = {
        x1: c.x1[i]!,
        x2: c.x2[i]!,
        label: c.label[i] === 1 ? 1 : 0,
        split: c.test[i] === 1 ? 'test' : 'train',
        id: firstId + i,
      };
    }
    progress(to / n);
    if (to < n) await yieldToPage();
  }
  return points;
}

/**
 * Makes the points of `job`, numbered from `firstId`: in the data worker (progress 0…0.8), then
 * into points here (0.8…1); the splits the worker made with them are remembered for these points
 * (see split-arrays.ts). Never throws: a failure is a result with the error in words. Aborting
 * `stop` ends the worker and the slicing at once (the result is then a failure nobody reads).
 */
export async function runDataJob(
  job: DataJob,
  progress: Progress = () => {},
  stop: AbortSignal = new AbortController().signal,
  firstId = 0,
): Promise<JobResult> {
  if (typeof Worker === 'undefined') return inline(job, firstId);
  const reply = await inWorker(job, (f) => progress(0.8 * f), stop);
  if (reply.type === 'failed') return { ok: false, error: reply.error };
  if (reply.type !== 'done') return { ok: false, error: 'the data worker stopped early' };
  const points = await toPoints(reply.columns, firstId, (f) => progress(0.8 + 0.2 * f), stop);
  if (!points) return { ok: false, error: 'replaced' };
  rememberSplit(points, reply.columns, reply.split, reply.spare);
  return { ok: true, points };
}
