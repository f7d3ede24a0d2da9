/**
 * The loss surface over (w1, w2) at a fixed bias b: J(w1, w2, b) = mean BCE + l2/2·(w1² + w2²)
 * on a size × size grid of weight pairs. This is the float64 reference every grid engine (GPU
 * shader, TF.js, JavaScript) is checked against, plus the small pure helpers the parameter-space
 * view needs (grid coordinates, the lowest cell, a view range that holds the path).
 */
import type { Columns } from './dataset.ts';
import { featureFunctions, featureSetOfWeights, weightKeys } from './features.ts';
import { softplus, weightNormSq, type Weights } from './maths.ts';

/** A parameter of the model: a weight or the bias. */
export type ParamKey = 'w1' | 'w2' | 'w11' | 'w22' | 'w12' | 'b';

/**
 * A plane through parameter space: the grid's columns vary `axes[0]`, its rows `axes[1]`, and
 * every other parameter is held at its value in `at` (whose quadratic fields say the features).
 */
export interface Slice {
  axes: readonly [ParamKey, ParamKey];
  at: Weights;
}

/** The parameters of the model these weights belong to, b last. */
export function paramKeys(w: Weights): ParamKey[] {
  return [...weightKeys(featureSetOfWeights(w)), 'b'];
}

/** A parameter's value (0 for a quadratic weight the model does not have). */
export function paramOf(w: Weights, k: ParamKey): number {
  return w[k] ?? 0;
}

/** Which grid to compute. Grid vertices include both ends of each range. */
export interface GridSpec {
  /** w1 range [lo, hi], lo < hi: grid column i sits at lo + i·(hi − lo)/(size − 1). */
  w1: readonly [number, number];
  /** w2 range [lo, hi], lo < hi: grid row j sits at lo + j·(hi − lo)/(size − 1). */
  w2: readonly [number, number];
  /** The bias held fixed. */
  b: number;
  /** L2 penalty on w (not b), ≥ 0. */
  l2: number;
  /** Vertices per side, 2 … 512. */
  size: number;
  /**
   * A slice through other parameters: the ranges `w1` and `w2` are then those of `axes[0]` and
   * `axes[1]`, and `b` is ignored (it is in `at`, or an axis). Absent: the (w1, w2) plane at b.
   */
  slice?: Slice;
}

/** Largest grid side any engine computes. */
export const MAX_GRID_SIZE = 512;

/**
 * Checks a spec at the edge, with the bad value in the message.
 *
 * @throws Error for a non-integer size outside 2…512, an empty or non-finite range, a non-finite
 *   b or a negative l2.
 */
export function checkGridSpec(s: GridSpec): void {
  if (!Number.isInteger(s.size) || s.size < 2 || s.size > MAX_GRID_SIZE)
    throw new Error(`invalid grid size; not an integer in [2, ${MAX_GRID_SIZE}]: ${s.size}`);
  for (const [name, r] of [
    ['w1', s.w1],
    ['w2', s.w2],
  ] as const) {
    if (!(Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1]))
      throw new Error(`invalid ${name} range; need finite lo < hi: [${r[0]}, ${r[1]}]`);
  }
  if (!Number.isFinite(s.b)) throw new Error(`invalid b; not finite: ${s.b}`);
  if (s.slice) {
    const [u, v] = s.slice.axes;
    const keys = paramKeys(s.slice.at);
    if (u === v || !keys.includes(u) || !keys.includes(v))
      throw new Error(`invalid slice; need two different parameters of the model: ${u}, ${v}`);
    if (!Object.values(s.slice.at).every(Number.isFinite))
      throw new Error('invalid slice; the held weights are not finite');
  }
  if (!(s.l2 >= 0 && Number.isFinite(s.l2))) throw new Error(`invalid l2; not ≥ 0: ${s.l2}`);
}

/** The weight at grid index i (0 … size − 1) of a range. */
export function gridCoord(range: readonly [number, number], size: number, i: number): number {
  return range[0] + ((range[1] - range[0]) * i) / (size - 1);
}

/**
 * J on the grid in float64, row-major: value[j·size + i] = J(w1_i, w2_j, b). O(size²·n).
 *
 * @returns size² values in nats; J of an empty data set is the L2 term alone.
 */
export function lossGridF64(cols: Columns, spec: GridSpec): Float64Array {
  checkGridSpec(spec);
  if (spec.slice) return sliceGridF64(cols, spec, spec.slice);
  const { size, b, l2 } = spec;
  const out = new Float64Array(size * size);
  const { x1, x2, y, n } = cols;
  for (let j = 0; j < size; j++) {
    const w2 = gridCoord(spec.w2, size, j);
    for (let i = 0; i < size; i++) {
      const w1 = gridCoord(spec.w1, size, i);
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const z = w1 * x1[k]! + w2 * x2[k]! + b;
        sum += softplus(z) - y[k]! * z;
      }
      out[j * size + i] = (n > 0 ? sum / n : 0) + 0.5 * l2 * (w1 * w1 + w2 * w2);
    }
  }
  return out;
}

/** The weights at grid vertex (u, v) of a slice. */
export function sliceWeights(slice: Slice, u: number, v: number): Weights {
  return { ...slice.at, [slice.axes[0]]: u, [slice.axes[1]]: v };
}

/**
 * J on a slice's grid in float64, row-major: value[j·size + i] = J at the slice's weights with
 * axes[0] = column i's value and axes[1] = row j's. Each point's two axis features and the rest
 * of its logit are computed once, so a cell costs what a (w1, w2) cell does. O(size²·n).
 */
export function sliceGridF64(cols: Columns, spec: GridSpec, slice: Slice): Float64Array {
  const { size, l2 } = spec;
  const { n, x1, x2, y } = cols;
  const set = featureSetOfWeights(slice.at);
  const keys = paramKeys(slice.at);
  const fns = [...featureFunctions(set), () => 1];
  const fnOf = (k: ParamKey) => fns[keys.indexOf(k)] ?? (() => 0);
  const [fu, fv] = slice.axes.map(fnOf) as [(typeof fns)[number], (typeof fns)[number]];
  const a = new Float64Array(n);
  const c = new Float64Array(n);
  const rest = new Float64Array(n);
  const held = sliceWeights(slice, 0, 0);
  for (let k = 0; k < n; k++) {
    a[k] = fu(x1[k]!, x2[k]!);
    c[k] = fv(x1[k]!, x2[k]!);
    let z = 0;
    keys.forEach((key, m) => (z += paramOf(held, key) * fns[m]!(x1[k]!, x2[k]!)));
    rest[k] = z;
  }
  const penalised = (k: ParamKey) => (k === 'b' ? 0 : 1);
  const heldPenalty = weightNormSq(held);
  const out = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    const v = gridCoord(spec.w2, size, j);
    for (let i = 0; i < size; i++) {
      const u = gridCoord(spec.w1, size, i);
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const z = u * a[k]! + v * c[k]! + rest[k]!;
        sum += softplus(z) - y[k]! * z;
      }
      const norm =
        heldPenalty + penalised(slice.axes[0]) * u * u + penalised(slice.axes[1]) * v * v;
      out[j * size + i] = (n > 0 ? sum / n : 0) + 0.5 * l2 * norm;
    }
  }
  return out;
}

/** The lowest grid value and where it is. */
export interface GridMinimum {
  i: number;
  j: number;
  w1: number;
  w2: number;
  value: number;
}

/** The lowest finite value of a grid (first one on ties), or null if none is finite. */
export function gridMinimum(values: ArrayLike<number>, spec: GridSpec): GridMinimum | null {
  let best = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (Number.isFinite(v) && (best < 0 || v < values[best]!)) best = k;
  }
  if (best < 0) return null;
  const i = best % spec.size;
  const j = Math.floor(best / spec.size);
  return {
    i,
    j,
    w1: gridCoord(spec.w1, spec.size, i),
    w2: gridCoord(spec.w2, spec.size, j),
    value: values[best]!,
  };
}

/** A square view range over (w1, w2). */
export interface WeightRange {
  w1: [number, number];
  w2: [number, number];
}

/**
 * Weights beyond this magnitude are left out of a view range: they belong to a run that is
 * diverging (finite for a few more epochs on its way to Infinity), not to a picture worth framing.
 */
export const MAX_VIEW_WEIGHT = 1e6;

const framable = (p: Pick<Weights, 'w1' | 'w2'>) =>
  Math.abs(p.w1) <= MAX_VIEW_WEIGHT && Math.abs(p.w2) <= MAX_VIEW_WEIGHT;

/**
 * The smallest square range, centred on the points' bounding box, that holds every point with a
 * 15 % margin, and at least ±`minHalf` around its centre. The origin is always included, because
 * training starts there and the picture needs a fixed reference. Non-finite points and points
 * beyond ±MAX_VIEW_WEIGHT are ignored, so the range is always finite.
 */
export function fitWeightRange(
  points: readonly Pick<Weights, 'w1' | 'w2'>[],
  minHalf = 2,
): WeightRange {
  let lo1 = 0;
  let hi1 = 0;
  let lo2 = 0;
  let hi2 = 0;
  for (const p of points) {
    if (!framable(p)) continue; // also false for NaN
    lo1 = Math.min(lo1, p.w1);
    hi1 = Math.max(hi1, p.w1);
    lo2 = Math.min(lo2, p.w2);
    hi2 = Math.max(hi2, p.w2);
  }
  const c1 = (lo1 + hi1) / 2;
  const c2 = (lo2 + hi2) / 2;
  const half = Math.max(minHalf, 0.5 * 1.3 * Math.max(hi1 - lo1, hi2 - lo2));
  return { w1: [c1 - half, c1 + half], w2: [c2 - half, c2 + half] };
}

/** The bounding box of some weights: what {@link fitWeightRange} and {@link rangeHolds} read. */
export interface WeightBox {
  lo1: number;
  hi1: number;
  lo2: number;
  hi2: number;
}

/**
 * `box` grown by the framable ones of `points` (null: no framable point yet). Folding a long path
 * in as it grows costs only its new points; fitWeightRange and rangeHolds give the same answers on
 * {@link boxCorners} of the result as on all the points.
 */
export function growBox(
  box: WeightBox | null,
  points: readonly Pick<Weights, 'w1' | 'w2'>[],
): WeightBox | null {
  let b = box;
  for (const p of points) {
    if (!framable(p)) continue;
    if (b === null) b = { lo1: p.w1, hi1: p.w1, lo2: p.w2, hi2: p.w2 };
    else if (p.w1 < b.lo1 || p.w1 > b.hi1 || p.w2 < b.lo2 || p.w2 > b.hi2)
      b = {
        lo1: Math.min(b.lo1, p.w1),
        hi1: Math.max(b.hi1, p.w1),
        lo2: Math.min(b.lo2, p.w2),
        hi2: Math.max(b.hi2, p.w2),
      };
  }
  return b;
}

/** Two opposite corners of `box` (none for null). */
export function boxCorners(box: WeightBox | null): Pick<Weights, 'w1' | 'w2'>[] {
  return box
    ? [
        { w1: box.lo1, w2: box.lo2 },
        { w1: box.hi1, w2: box.hi2 },
      ]
    : [];
}

/** Whether every point lies inside the inner `inner` fraction (0…1) of the range. */
export function rangeHolds(
  r: WeightRange,
  points: readonly Pick<Weights, 'w1' | 'w2'>[],
  inner = 0.9,
): boolean {
  const m1 = ((1 - inner) / 2) * (r.w1[1] - r.w1[0]);
  const m2 = ((1 - inner) / 2) * (r.w2[1] - r.w2[0]);
  return points.every(
    (p) =>
      !framable(p) ||
      (p.w1 >= r.w1[0] + m1 &&
        p.w1 <= r.w1[1] - m1 &&
        p.w2 >= r.w2[0] + m2 &&
        p.w2 <= r.w2[1] - m2),
  );
}
