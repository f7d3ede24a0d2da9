/**
 * Big data off the page's main thread (issue #14): a data worker makes a preset's points or
 * parses a CSV file and hands back columns, their split and a spare copy for training, with
 * progress all along; the page keeps the columns as they came (a PointSet). Without Worker (Node
 * tests) the same work runs here.
 */
import { parsePointsCsv, repeatsNote, unreadable } from '../core/csv.ts';
import { type Point } from '../core/dataset.ts';
import { PointSet } from '../core/point-set.ts';
import { adoptRoom } from '../core/room.ts';
import { makePreset } from '../core/datasets.ts';
import { assignSplit } from '../core/split.ts';
import type { DataJob, DataJobReply } from '../worker/protocol.ts';
import { rememberSpare } from './split-arrays.ts';

/** Above this many points a preset is made in the data worker (below, at once). */
export const WORKER_POINTS = 20_000;

export type Progress = (fraction: number) => void;
/** Made points, and what to say of them beside "Imported …" (repeated rows); or why none. */
export type JobResult =
  { ok: true; points: PointSet; note?: string } | { ok: false; error: string };

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

/** A file's text; a read that fails says so in words (as the data worker does). */
async function readText(file: Blob): Promise<string> {
  try {
    return await file.text();
  } catch (e) {
    throw new Error(unreadable(e), { cause: e });
  }
}

/** The same job here, for where there is no Worker. */
async function inline(job: DataJob): Promise<JobResult> {
  try {
    if (job.type === 'preset')
      return { ok: true, points: PointSet.of(makePreset(job.id, job.options)) };
    const r = parsePointsCsv(job.type === 'csv' ? job.text : await readText(job.file));
    if (!r.ok) return { ok: false, error: r.error };
    const points: Point[] = r.hasSplit
      ? r.points.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label, split: p.split ?? 'train' }))
      : assignSplit(r.points, 0.33, 42);
    const note = r.repeats ? repeatsNote(r.repeats) : undefined;
    return { ok: true, points: PointSet.of(points), ...(note ? { note } : {}) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Makes the points of `job` in the data worker, with progress, as a set of the worker's columns
 * and split (nothing is copied or turned into objects here), and keeps the worker's spare copy of
 * the split for training (split-arrays.ts). Never throws: a failure is a result with the error in
 * words. Aborting `stop` ends the worker at once (the result is then a failure nobody reads).
 */
export async function runDataJob(
  job: DataJob,
  progress: Progress = () => {},
  stop: AbortSignal = new AbortController().signal,
): Promise<JobResult> {
  if (typeof Worker === 'undefined') return inline(job);
  const reply = await inWorker(job, progress, stop);
  if (reply.type === 'failed') return { ok: false, error: reply.error };
  if (reply.type !== 'done') return { ok: false, error: 'the data worker stopped early' };
  if (reply.spare) rememberSpare(reply.split, reply.spare);
  // Made with room after them (pointColumns, splitColumns): an added point grows into it.
  const { columns: c, split: s } = reply;
  adoptRoom(c.x1, c.x2, c.label, c.test, ...[s.train, s.test].flatMap((d) => [d.x1, d.x2, d.y]));
  const points = new PointSet(reply.columns, 0, reply.split);
  return { ok: true, points, ...(reply.note ? { note: reply.note } : {}) };
}
