/**
 * The session's points as training and the page need them (as columns in their own order, both
 * splits as columns, the class counts, the bounding box), made once per points array and kept while the array lives: the
 * session never changes an array in place (every edit makes a new one), so the array is the key.
 * Data from the data worker arrive with theirs already made there (issue #14: no pass over a
 * million points on the page's main thread).
 */
import {
  pointColumns,
  splitColumns,
  type Columns,
  type Point,
  type PointColumns,
  type SplitData,
} from '../core/dataset.ts';
import { fmtInt } from './format.ts';

interface Known {
  columns: PointColumns;
  split: SplitData;
}

const known = new WeakMap<readonly Point[], Known>();

function knownOf(points: readonly Point[]): Known {
  let k = known.get(points);
  if (!k) {
    const columns = pointColumns(points);
    k = { columns, split: splitColumns(columns) };
    known.set(points, k);
  }
  return k;
}

/** The split data of `points` (made now if not known). */
export const splitOf = (points: readonly Point[]): SplitData => knownOf(points).split;

/** `points` as columns, in their order (made now if not known). */
export const columnsOf = (points: readonly Point[]): PointColumns => knownOf(points).columns;

/** Spare copies of split columns, each to be handed on once (see {@link takeSpare}). */
const spares = new WeakMap<object, Columns>();

/**
 * Records the columns and split data made elsewhere (the data worker) for `points`, and spare
 * copies of the split columns for the training worker.
 */
export function rememberSplit(
  points: readonly Point[],
  columns: PointColumns,
  d: SplitData,
  spare?: Pick<SplitData, 'train' | 'test'>,
): void {
  known.set(points, { columns, split: d });
  if (spare) {
    spares.set(d.train, spare.train);
    spares.set(d.test, spare.test);
  }
}

/**
 * A spare copy of these columns that nobody else holds (once: it is given away, to be
 * transferred to a worker), or undefined.
 */
export function takeSpare(columns: object): Columns | undefined {
  const spare = spares.get(columns);
  spares.delete(columns);
  return spare;
}

/** The plot's own summary: "N points: R red (class 0), B blue (class 1); T train, S test." */
export function dataSummary({ train, test, counts: c }: SplitData): string {
  const [red, blue] = [c.train[0] + c.test[0], c.train[1] + c.test[1]];
  return `${fmtInt(train.n + test.n)} points: ${fmtInt(red)} red (class 0), ${fmtInt(blue)} blue (class 1); ${fmtInt(train.n)} train, ${fmtInt(test.n)} test.`;
}
