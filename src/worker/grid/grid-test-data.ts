/** Test data shared by the grid engines' unit tests (not shipped: only tests import it). */
import type { Columns } from '../../core/dataset.ts';
import type { GridSpec } from '../../core/loss-surface.ts';
import { makeNormal, makeRng } from '../../core/random.ts';

/** Two noisy Gaussian blobs, labels alternating; the same n and seed give the same points. */
export function randomCols(n: number, seed: number): Columns {
  const normal = makeNormal(makeRng(seed), 0, 1.5);
  const cols = { n, x1: new Float64Array(n), x2: new Float64Array(n), y: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    cols.y[k] = k % 2;
    cols.x1[k] = normal() + 2 * (k % 2);
    cols.x2[k] = normal() - (k % 2);
  }
  return cols;
}

/** A small grid around the blobs' optimum region; `over` changes any field. */
export const gridSpec = (over: Partial<GridSpec> = {}): GridSpec => ({
  w1: [-3, 2],
  w2: [-1.5, 4],
  b: 0.25,
  l2: 0,
  size: 17,
  ...over,
});
