/**
 * The float64 JavaScript grid engine. Bit for bit the same arithmetic as `lossGridF64` (same
 * products, same association, same summation order), only faster: each row's w2·x2 products are
 * computed once and reused across the row, and softplus is inlined.
 */
import type { Columns } from '../../core/dataset.ts';
import { checkGridSpec, gridCoord, sliceGridF64, type GridSpec } from '../../core/loss-surface.ts';
import type { GridEngine } from './grid-engine.ts';

/**
 * J on the grid in float64, row-major: values[j·size + i] = J(w1_i, w2_j, b); identical to
 * `lossGridF64`. O(size²·n) time, O(n) extra memory.
 *
 * @throws Error for a bad spec (see `checkGridSpec`).
 */
export function lossGridJs(cols: Columns, spec: GridSpec): Float64Array {
  checkGridSpec(spec);
  if (spec.slice) return sliceGridF64(cols, spec, spec.slice);
  const { size, l2 } = spec;
  const out = new Float64Array(size * size);
  const w1s = Float64Array.from({ length: size }, (_, i) => gridCoord(spec.w1, size, i));
  const row = new Float64Array(cols.n);
  for (let j = 0; j < size; j++) {
    const w2 = gridCoord(spec.w2, size, j);
    for (let k = 0; k < cols.n; k++) row[k] = w2 * cols.x2[k]!;
    for (let i = 0; i < size; i++) {
      const w1 = w1s[i]!;
      const sum = rowSum(cols, row, w1, spec.b);
      out[j * size + i] = (cols.n > 0 ? sum / cols.n : 0) + 0.5 * l2 * (w1 * w1 + w2 * w2);
    }
  }
  return out;
}

/** Σ_k softplus(z_k) − y_k·z_k with z_k = w1·x1_k + w2x2_k + b, summed in order k = 0…n−1. */
function rowSum(cols: Columns, w2x2: Float64Array, w1: number, b: number): number {
  const { x1, y, n } = cols;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const z = w1 * x1[k]! + w2x2[k]! + b;
    const softplus = (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
    sum += softplus - y[k]! * z;
  }
  return sum;
}

/** The float64 JavaScript grid engine (its results are rounded to float32 only on return). */
export function createJsGridEngine(): GridEngine {
  let data: Columns = {
    n: 0,
    x1: new Float64Array(0),
    x2: new Float64Array(0),
    y: new Float64Array(0),
  };
  return {
    id: 'js-f64',
    setData(cols) {
      data = cols;
    },
    compute: (spec) => Float32Array.from(lossGridJs(data, spec)),
    dispose() {
      data = { n: 0, x1: new Float64Array(0), x2: new Float64Array(0), y: new Float64Array(0) };
    },
  };
}

/**
 * J from per-vertex BCE sums: sum/n + l2/2·(w1² + w2²), in float64, rounded to float32 once.
 * The float32 engines sum on their device and finish here.
 *
 * @param sums size² sums of BCE over the n points, row-major as `lossGridF64`.
 */
export function finishGrid(sums: ArrayLike<number>, n: number, spec: GridSpec): Float32Array {
  const { size, l2 } = spec;
  const out = new Float32Array(size * size);
  for (let j = 0; j < size; j++) {
    const w2 = gridCoord(spec.w2, size, j);
    for (let i = 0; i < size; i++) {
      const w1 = gridCoord(spec.w1, size, i);
      const k = j * size + i;
      out[k] = (n > 0 ? sums[k]! / n : 0) + 0.5 * l2 * (w1 * w1 + w2 * w2);
    }
  }
  return out;
}
