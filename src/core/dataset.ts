import { fmtCount } from './count.ts';
import { withRoom } from './room.ts';

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

/** A box in data units: x1 from x0 to x1, x2 from y0 to y1. */
export interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The data as training and the page need them, made in one pass: both splits as columns (in the
 * points' order), the class counts of each split, and the bounding box of all the points.
 */
export interface SplitData {
  train: Columns;
  test: Columns;
  counts: { train: Record<Label, number>; test: Record<Label, number> };
  /** The bounding box of every point; null when there are none. */
  extent: Extent | null;
}

/** Points as columns: `label` 0/1, `test` 1 for a test point (the data worker's reply). */
export interface PointColumns {
  x1: Float64Array;
  x2: Float64Array;
  label: Uint8Array;
  test: Uint8Array;
}

/**
 * Splits columns of points (see {@link SplitData}); labels other than 1 count as 0. The split's
 * columns have room to grow (core/room.ts): a point added later is appended, not copied.
 */
export function splitColumns(c: PointColumns): SplitData {
  const n = c.x1.length;
  const { x1: u, x2: v, label, test: isTest } = c;
  // Plain counters and one branch a point: a million points in ~10 ms (counting into nested
  // records took ~130 ms here).
  let nTest = 0;
  let blueTest = 0;
  let blueTrain = 0;
  for (let i = 0; i < n; i++) {
    const blue = label[i] === 1 ? 1 : 0;
    if (isTest[i] === 1) {
      nTest++;
      blueTest += blue;
    } else blueTrain += blue;
  }
  const make = (m: number): Columns => ({
    n: m,
    x1: withRoom('f64', m),
    x2: withRoom('f64', m),
    y: withRoom('f64', m),
  });
  const train = make(n - nTest);
  const test = make(nTest);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    const y = label[i] === 1 ? 1 : 0;
    if (isTest[i] === 1) {
      test.x1[b] = u[i]!;
      test.x2[b] = v[i]!;
      test.y[b++] = y;
    } else {
      train.x1[a] = u[i]!;
      train.x2[a] = v[i]!;
      train.y[a++] = y;
    }
  }
  const counts = {
    train: { 0: n - nTest - blueTrain, 1: blueTrain },
    test: { 0: nTest - blueTest, 1: blueTest },
  };
  return { train, test, counts, extent: extentOf(u, v) };
}

/** The bounding box of points given as columns; null when there are none. */
export function extentOf(u: Float64Array, v: Float64Array): Extent | null {
  const n = u.length;
  if (n === 0) return null;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const a = u[i]!;
    const b = v[i]!;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  return { x0, x1, y0, y1 };
}

/** Points to columns (see {@link PointColumns}). */
export function pointColumns(points: readonly Point[]): PointColumns {
  const n = points.length;
  // With room to grow: a point added later is appended, not copied (core/room.ts).
  const c = {
    x1: withRoom('f64', n),
    x2: withRoom('f64', n),
    label: withRoom('u8', n),
    test: withRoom('u8', n),
  };
  points.forEach((p, i) => {
    c.x1[i] = p.x1;
    c.x2[i] = p.x2;
    c.label[i] = p.label;
    c.test[i] = p.split === 'test' ? 1 : 0;
  });
  return c;
}

/** {@link SplitData} of points. */
export const splitPoints = (points: readonly Point[]): SplitData =>
  splitColumns(pointColumns(points));

/**
 * What keeps the training split from teaching a boundary, in words, or null when it has both
 * classes. Training learns from the training points only: with none, or with one class only, the
 * optimum says "always that class" (or there is nothing to fit).
 */
export function trainingSplitProblem(data: readonly Point[] | SplitData): string | null {
  const d = 'counts' in data ? data : splitPoints(data);
  const total = d.train.n + d.test.n;
  if (d.train.n === 0)
    return total === 0
      ? 'There are no points to train on.'
      : `The training split is empty: all ${fmtCount(total)} points are test points, so there is nothing to train on.`;
  const c = d.counts.train;
  const missing = c[0] === 0 ? 'red (class 0)' : c[1] === 0 ? 'blue (class 1)' : null;
  if (!missing) return null;
  return `The training split has no ${missing} points: with one class only there is no boundary to learn.`;
}
