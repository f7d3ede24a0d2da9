/**
 * Spare copies of a data set's split columns from the data worker, each handed on once to the
 * training worker (transferred, so the page copies nothing: issue #14), and the plot's summary.
 */
import { type Columns, type SplitData } from '../core/dataset.ts';
import { fmtInt } from './format.ts';

/** Spare copies of split columns, each to be handed on once (see {@link takeSpare}). */
const spares = new WeakMap<object, Columns>();

/** Records spare copies of the split columns of `d` for the training worker. */
export function rememberSpare(d: SplitData, spare: Pick<SplitData, 'train' | 'test'>): void {
  spares.set(d.train, spare.train);
  spares.set(d.test, spare.test);
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

/**
 * The plot's own summary: "N points: R red (class 0), B blue (class 1); T train, S test.", and
 * which of them the plot shows when Show is not "Train and test".
 */
export function dataSummary(
  { train, test, counts: c }: SplitData,
  show: 'both' | 'train' | 'test' = 'both',
): string {
  const [red, blue] = [c.train[0] + c.test[0], c.train[1] + c.test[1]];
  const shown =
    show === 'both' ? '' : ` Shown: the ${show === 'train' ? 'training' : 'test'} points only.`;
  return `${fmtInt(train.n + test.n)} points: ${fmtInt(red)} red (class 0), ${fmtInt(blue)} blue (class 1); ${fmtInt(train.n)} train, ${fmtInt(test.n)} test.${shown}`;
}
