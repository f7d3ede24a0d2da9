/** A class label: 0 is the red class, 1 the blue (positive) class. */
export type Label = 0 | 1;

/** Which part of the data a point belongs to. */
export type Split = 'train' | 'test';

/** One labelled point in the plane; coordinates are in data units. */
export interface Point {
  x1: number;
  x2: number;
  label: Label;
  split: Split;
}

/** The fields of a point that the maths needs. */
export interface LabelledPoint {
  x1: number;
  x2: number;
  label: Label;
}

/**
 * A data set as parallel columns (struct of arrays), for tight numeric loops.
 * All three arrays have length `n`; `y[i]` is 0 or 1.
 */
export interface Columns {
  n: number;
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
}

/** No points: columns of length 0 (safe to share: nothing can be written into them). */
export const EMPTY_COLUMNS: Columns = Object.freeze({
  n: 0,
  x1: new Float64Array(0),
  x2: new Float64Array(0),
  y: new Float64Array(0),
});

/** Display names of the classes, indexed by {@link Label}. */
export const CLASS_NAMES = ['red', 'blue'] as const;

/**
 * Copies points into {@link Columns}.
 *
 * @param points Any number of points (0 allowed); only `x1`, `x2` and `label` are read.
 * @returns Fresh columns of length `points.length`.
 * @throws RangeError if a coordinate is not finite or a label is not 0 or 1.
 */
export function toColumns(points: readonly LabelledPoint[]): Columns {
  const n = points.length;
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const y = new Float64Array(n);
  points.forEach((p, i) => {
    if (!Number.isFinite(p.x1) || !Number.isFinite(p.x2)) {
      throw new RangeError(`invalid point ${i}; coordinates not finite: (${p.x1}, ${p.x2})`);
    }
    if (p.label !== 0 && p.label !== 1) {
      throw new RangeError(`invalid point ${i}; label not 0 or 1: ${String(p.label)}`);
    }
    x1[i] = p.x1;
    x2[i] = p.x2;
    y[i] = p.label;
  });
  return { n, x1, x2, y };
}

/**
 * Counts points per class.
 *
 * @returns `{0: number of red points, 1: number of blue points}`.
 */
export function countByLabel(points: readonly { label: Label }[]): Record<Label, number> {
  const counts: Record<Label, number> = { 0: 0, 1: 0 };
  for (const p of points) counts[p.label] += 1;
  return counts;
}

/**
 * What keeps the training split from teaching a boundary, in words, or null when it has both
 * classes. Training learns from the training points only: with none, or with one class only, the
 * optimum says "always that class" (or there is nothing to fit).
 */
export function trainingSplitProblem(points: readonly Point[]): string | null {
  const train = points.filter((p) => p.split === 'train');
  if (train.length === 0)
    return points.length === 0
      ? 'There are no points to train on.'
      : `The training split is empty: all ${points.length.toLocaleString('en-US')} points are test points, so there is nothing to train on.`;
  const c = countByLabel(train);
  const missing = c[0] === 0 ? 'red (class 0)' : c[1] === 0 ? 'blue (class 1)' : null;
  if (!missing) return null;
  return `The training split has no ${missing} points: with one class only there is no boundary to learn.`;
}
