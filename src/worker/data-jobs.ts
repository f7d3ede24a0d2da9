/**
 * The data worker's jobs (issue #14): making a preset's points and parsing a CSV file, off the
 * page's main thread, with progress. Pure apart from `post`; tested in Node.
 */
import { parsePointsCsv, repeatsNote } from '../core/csv.ts';
import {
  pointColumns,
  splitColumns,
  type Columns,
  type Point,
  type PointColumns,
} from '../core/dataset.ts';
import { makePreset } from '../core/datasets.ts';
import { assignSplit } from '../core/split.ts';
import type { DataJob, DataJobReply } from './protocol.ts';

/**
 * The reply: the columns and, made here too, the splits the page needs and a spare copy of them
 * that the page hands on to the training worker (a copy of a million points on the page's main
 * thread takes ~80 ms here; this one costs the page nothing).
 */
function done(columns: PointColumns, note?: string): DataJobReply {
  const split = splitColumns(columns);
  const copy = (c: Columns): Columns => ({
    n: c.n,
    x1: c.x1.slice(),
    x2: c.x2.slice(),
    y: c.y.slice(),
  });
  return {
    type: 'done',
    columns,
    split,
    spare: { train: copy(split.train), test: copy(split.test) },
    ...(note ? { note } : {}),
  };
}

/** Every buffer of a reply, to transfer rather than copy. */
export function replyBuffers(reply: DataJobReply): ArrayBuffer[] {
  if (reply.type !== 'done') return [];
  const { columns: c, split, spare } = reply;
  const splits = [split.train, split.test, spare.train, spare.test];
  const arrays = [c.x1, c.x2, c.label, c.test, ...splits.flatMap((d) => [d.x1, d.x2, d.y])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * Runs a job, posting progress (0…1) now and then, and returns the reply to post last. A CSV
 * without a split column is split 33 % / 67 % with seed 42, as the tutorial does.
 */
export function runDataJob(job: DataJob, progress: (fraction: number) => void): DataJobReply {
  try {
    if (job.type === 'preset') {
      return done(pointColumns(makePreset(job.id, job.options, progress)));
    }
    if (job.type === 'csv-file') return { type: 'failed', error: 'the file was not read' };
    const r = parsePointsCsv(job.text, (f) => progress(0.9 * f));
    if (!r.ok) return { type: 'failed', error: r.error };
    const points: Point[] = r.hasSplit
      ? r.points.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label, split: p.split ?? 'train' }))
      : assignSplit(r.points, 0.33, 42);
    return done(pointColumns(points), r.repeats ? repeatsNote(r.repeats) : undefined);
  } catch (e) {
    return { type: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}
