import type { LabelledPoint, Point } from './dataset.ts';
import { makeRng, shuffleInPlace } from './random.ts';

/** The default share of points held out for testing, as in the tutorial (scikit-learn's 0.33). */
export const DEFAULT_TEST_FRACTION = 0.33;

/** The default split seed, as in the tutorial (`random_state=42`). */
export const DEFAULT_SPLIT_SEED = 42;

function checkTestFraction(testFraction: number): void {
  // Written as a negation so that NaN is rejected too.
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`invalid testFraction; not in (0, 1): ${testFraction}`);
  }
}

/**
 * Indices of the test items for a seeded split of `n` items.
 *
 * @returns A boolean mask of length `n`; `true` marks a test item. Exactly
 *   `ceil(testFraction · n)` entries are `true`.
 */
function testMask(n: number, testFraction: number, seed: number): boolean[] {
  checkTestFraction(testFraction);
  const order = shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    makeRng(seed),
  );
  const nTest = Math.ceil(testFraction * n);
  const mask = new Array<boolean>(n).fill(false);
  for (let k = 0; k < nTest; k++) mask[order[k] as number] = true;
  return mask;
}

/**
 * Splits items into a training and a test set with a seeded shuffle.
 *
 * The test set has `ceil(testFraction · n)` items, as in scikit-learn's `train_test_split`
 * (300 items at 0.33 give 99 test and 201 train items). Both outputs keep the original order.
 * For very small `n` the training set may be empty.
 *
 * @param items The items to split (not modified).
 * @param testFraction Share of items in the test set, in the open interval (0, 1); default 0.33.
 * @param seed Seed of the shuffle; default 42. The same seed always gives the same split.
 * @throws RangeError if `testFraction` is not in (0, 1) (NaN included).
 */
export function trainTestSplit<T>(
  items: readonly T[],
  testFraction = DEFAULT_TEST_FRACTION,
  seed = DEFAULT_SPLIT_SEED,
): { train: T[]; test: T[] } {
  const mask = testMask(items.length, testFraction, seed);
  const train: T[] = [];
  const test: T[] = [];
  items.forEach((item, i) => (mask[i] ? test : train).push(item));
  return { train, test };
}

/**
 * Returns copies of the points, in the same order, with `split` set by {@link trainTestSplit}'s
 * rule (same test-set size and the same seeded choice of test points).
 *
 * @param points Points with or without a previous `split` (not modified).
 * @param testFraction Share of test points, in (0, 1); default 0.33.
 * @param seed Seed of the shuffle; default 42.
 * @throws RangeError if `testFraction` is not in (0, 1).
 */
export function assignSplit(
  points: readonly LabelledPoint[],
  testFraction = DEFAULT_TEST_FRACTION,
  seed = DEFAULT_SPLIT_SEED,
): Point[] {
  const mask = testMask(points.length, testFraction, seed);
  return points.map((p, i) => ({
    x1: p.x1,
    x2: p.x2,
    label: p.label,
    split: mask[i] ? 'test' : 'train',
  }));
}
