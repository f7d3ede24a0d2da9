/**
 * The data worker's jobs (issue #14): making a preset's points and parsing a CSV file, off the
 * page's main thread, with progress. Pure apart from `post`; tested in Node.
 */
import { parsePointsCsv } from '../core/csv.ts';
import type { Point } from '../core/dataset.ts';
import { makePreset } from '../core/datasets.ts';
import { assignSplit } from '../core/split.ts';
import type { DataJob, DataJobReply, PointColumns } from './protocol.ts';

/** Points as transferable columns. */
export function toPointColumns(points: readonly Point[]): PointColumns {
  const n = points.length;
  const c = {
    x1: new Float64Array(n),
    x2: new Float64Array(n),
    label: new Uint8Array(n),
    test: new Uint8Array(n),
  };
  points.forEach((p, i) => {
    c.x1[i] = p.x1;
    c.x2[i] = p.x2;
    c.label[i] = p.label;
    c.test[i] = p.split === 'test' ? 1 : 0;
  });
  return c;
}

/**
 * Runs a job, posting progress (0…1) now and then, and returns the reply to post last. A CSV
 * without a split column is split 33 % / 67 % with seed 42, as the tutorial does.
 */
export function runDataJob(job: DataJob, progress: (fraction: number) => void): DataJobReply {
  try {
    if (job.type === 'preset') {
      return { type: 'done', columns: toPointColumns(makePreset(job.id, job.options, progress)) };
    }
    const r = parsePointsCsv(job.text, (f) => progress(0.9 * f));
    if (!r.ok) return { type: 'failed', error: r.error };
    const points: Point[] = r.hasSplit
      ? r.points.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label, split: p.split ?? 'train' }))
      : assignSplit(r.points, 0.33, 42);
    return { type: 'done', columns: toPointColumns(points) };
  } catch (e) {
    return { type: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}
