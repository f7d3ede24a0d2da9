/**
 * The plain float64 engine: a tight JavaScript loop over typed arrays. At small N it is the
 * fastest engine on a machine without a GPU (no dispatch cost at all), and it is the float64
 * ground truth that the other engines are checked against. Quadratic features (x1², x2², x1·x2)
 * are computed on the fly from (x1, x2) in the same loop.
 */
import { EMPTY_COLUMNS, type Columns } from '../../core/dataset.ts';
import { featureList, type QuadFeature } from '../../core/features.ts';
import type { Weights } from '../../core/maths.ts';
import { makeRng, shuffleInPlace } from '../../core/random.ts';
import { DEFAULT_PARAMS, type Engine, type TrainParams } from './engine.ts';
import {
  applyUpdate,
  clearMoments,
  newOptState,
  scalingFor,
  weightsOf,
  type OptState,
} from './optimizer-state.ts';

/** Which quadratic features are on, as flags, for the inner loop. */
export interface Quad {
  sq1: boolean;
  sq2: boolean;
  cross: boolean;
}
export const quadOf = (list: readonly QuadFeature[]): Quad => ({
  sq1: list.includes('x1sq'),
  sq2: list.includes('x2sq'),
  cross: list.includes('x1x2'),
});

/**
 * Mean gradient of the BCE over indices [from, to) of `idx` (or of all points) into `grad`
 * (θ's layout), L2 included.
 */
export function batchGradient(
  data: Columns,
  theta: Float64Array,
  q: Quad,
  l2: number,
  grad: Float64Array,
  idx: number[] | null,
  from: number,
  to: number,
): void {
  if (!q.sq1 && !q.sq2 && !q.cross) return linearGradient(data, theta, l2, grad, idx, from, to);
  const { x1, x2, y } = data;
  const t = unpackTheta(theta, q);
  const { w1, w2, w11, w22, w12, b } = t;
  let s1 = 0;
  let s2 = 0;
  let s11 = 0;
  let s22 = 0;
  let s12 = 0;
  let sb = 0;
  for (let j = from; j < to; j++) {
    const i = idx ? idx[j]! : j;
    const a = x1[i]!;
    const c = x2[i]!;
    const z = w1 * a + w2 * c + w11 * a * a + w22 * c * c + w12 * a * c + b;
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : 1 - 1 / (1 + Math.exp(z));
    const r = p - y[i]!;
    s1 += r * a;
    s2 += r * c;
    s11 += r * a * a;
    s22 += r * c * c;
    s12 += r * a * c;
    sb += r;
  }
  writeGradient(grad, q, t, { s1, s2, s11, s22, s12, sb }, to - from, l2);
}

/** θ's parameters by name, and where each quadratic weight sits (0 and unused when it is off). */
export function unpackTheta(theta: Float64Array, q: Quad) {
  const k = theta.length;
  const i11 = 2;
  const i22 = i11 + (q.sq1 ? 1 : 0);
  const i12 = i22 + (q.sq2 ? 1 : 0);
  return {
    w1: theta[0]!,
    w2: theta[1]!,
    w11: q.sq1 ? theta[i11]! : 0,
    w22: q.sq2 ? theta[i22]! : 0,
    w12: q.cross ? theta[i12]! : 0,
    b: theta[k - 1]!,
    i11,
    i22,
    i12,
    ib: k - 1,
  };
}

/** The residual sums Σ (p − y)·φ of `m` points. */
export interface ResidualSums {
  s1: number;
  s2: number;
  s11: number;
  s22: number;
  s12: number;
  sb: number;
}

/** The mean gradient of `m` points' residual sums, L2 on every weight but b, into `grad`. */
export function writeGradient(
  grad: Float64Array,
  q: Quad,
  t: ReturnType<typeof unpackTheta>,
  s: ResidualSums,
  m: number,
  l2: number,
): void {
  grad[0] = s.s1 / m + l2 * t.w1;
  grad[1] = s.s2 / m + l2 * t.w2;
  if (q.sq1) grad[t.i11] = s.s11 / m + l2 * t.w11;
  if (q.sq2) grad[t.i22] = s.s22 / m + l2 * t.w22;
  if (q.cross) grad[t.i12] = s.s12 / m + l2 * t.w12;
  grad[t.ib] = s.sb / m;
}

/** {@link batchGradient} of the straight-line model: the tutorial's loop, nothing else in it. */
function linearGradient(
  data: Columns,
  theta: Float64Array,
  l2: number,
  grad: Float64Array,
  idx: number[] | null,
  from: number,
  to: number,
): void {
  const { x1, x2, y } = data;
  const w1 = theta[0]!;
  const w2 = theta[1]!;
  const b = theta[2]!;
  let s1 = 0;
  let s2 = 0;
  let sb = 0;
  for (let j = from; j < to; j++) {
    const i = idx ? idx[j]! : j;
    const a = x1[i]!;
    const c = x2[i]!;
    const z = w1 * a + w2 * c + b;
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : 1 - 1 / (1 + Math.exp(z));
    const r = p - y[i]!;
    s1 += r * a;
    s2 += r * c;
    sb += r;
  }
  const m = to - from;
  grad[0] = s1 / m + l2 * w1;
  grad[1] = s2 / m + l2 * w2;
  grad[2] = sb / m;
}

/** Creates the float64 JavaScript engine. */
export function createJsEngine(): Engine {
  let data = EMPTY_COLUMNS;
  let params: TrainParams = { ...DEFAULT_PARAMS };
  let quad = quadOf([]);
  let state: OptState = newOptState({ w1: 0, w2: 0, b: 0 }, params.features);
  let grad = new Float64Array(3);
  let rng = makeRng(params.seed);
  let order: number[] = [];

  const epoch = (): void => {
    const n = data.n;
    if (n === 0) return;
    const bs = params.batchSize;
    if (bs <= 0 || bs >= n) {
      batchGradient(data, state.theta, quad, params.l2, grad, null, 0, n);
      applyUpdate(state, params, grad);
      return;
    }
    if (order.length !== n) order = Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(order, rng);
    for (let from = 0; from < n; from += bs) {
      batchGradient(data, state.theta, quad, params.l2, grad, order, from, Math.min(n, from + bs));
      applyUpdate(state, params, grad);
    }
  };

  /** A state for the model of the current features, at `w`. */
  const stateAt = (w: Weights): void => {
    state = newOptState(w, params.features, scalingFor(data, params));
    grad = new Float64Array(state.theta.length);
    quad = quadOf(featureList(params.features));
  };

  return {
    id: 'js-f64',
    precision: 'float64',
    supports: () => true,
    setData(train) {
      data = train;
      order = [];
      // Standardized coordinates are the data's: new data, new coordinates (moments restart).
      if (params.standardize === 'on') stateAt(weightsOf(state, params.features));
    },
    setParams(next) {
      const before = params;
      params = { ...next };
      if (next.features !== before.features || next.standardize !== before.standardize) {
        stateAt(weightsOf(state, before.features));
      } else if (next.optimizer !== before.optimizer) clearMoments(state);
      if (next.seed !== before.seed) rng = makeRng(next.seed);
    },
    setWeights(w) {
      stateAt(w);
      rng = makeRng(params.seed);
    },
    run(epochs): Weights {
      for (let e = 0; e < epochs; e++) epoch();
      return weightsOf(state, params.features);
    },
    dispose() {
      data = EMPTY_COLUMNS;
    },
  };
}
