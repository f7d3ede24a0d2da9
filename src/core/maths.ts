import type { Columns } from './dataset.ts';
import {
  featureFunctions,
  featureSetOfWeights,
  fromTheta,
  quadraticTerm,
  toTheta,
} from './features.ts';

/**
 * Parameters of the model p(blue | x) = σ(w1·x1 + w2·x2 + w11·x1² + w22·x2² + w12·x1·x2 + b).
 * The quadratic weights are present exactly when their feature is on (see ./features.ts).
 */
export interface Weights {
  w1: number;
  w2: number;
  b: number;
  /** Weight of x1² (feature on when present). */
  w11?: number;
  /** Weight of x2² (feature on when present). */
  w22?: number;
  /** Weight of x1·x2 (feature on when present). */
  w12?: number;
}

/** Partial derivatives of the objective with respect to w1, w2 and b (and each quadratic weight). */
export interface Gradient {
  g1: number;
  g2: number;
  gb: number;
  g11?: number;
  g22?: number;
  g12?: number;
}

/** The objective and its gradient at one point, from one pass over the data. */
export interface LossAndGradient extends Gradient {
  loss: number;
}

/**
 * The logistic function σ(z) = 1 / (1 + e^−z), computed without overflow.
 *
 * @param z A logit; any number, ±Infinity included.
 * @returns A probability in [0, 1] (exactly 0 or 1 only where float64 cannot tell the difference).
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  // For z < 0, e^−z could overflow; e^z cannot.
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * softplus(z) = log(1 + e^z), computed without overflow as max(z, 0) + log1p(e^−|z|).
 *
 * @returns A number ≥ 0; ≈ z for large z and ≈ e^z for very negative z.
 */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * log σ(z) = −softplus(−z), finite for every finite z (≈ z for very negative z).
 *
 * @returns A number ≤ 0, in nats.
 */
export function logSigmoid(z: number): number {
  return -softplus(-z);
}

/**
 * Binary cross-entropy of a logit against a label, softplus(z) − y·z, computed stably as
 * max(z, 0) − y·z + log1p(e^−|z|). A logit of 1000 costs ≈ 1000 nats when y = 0 and ≈ 0 when
 * y = 1.
 *
 * @param z Logit (any finite number).
 * @param y Target probability, normally the label 0 or 1.
 * @returns Loss in nats, ≥ 0 for y in [0, 1].
 */
export function bceFromLogit(z: number, y: number): number {
  return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * The model's logit (log-odds of blue) at a point: w1·x1 + w2·x2 (+ the quadratic terms) + b.
 */
export function logit(wts: Weights, x1: number, x2: number): number {
  return wts.w1 * x1 + wts.w2 * x2 + quadraticTerm(wts, x1, x2) + wts.b;
}

/** ‖w‖², the squared norm of every weight but b (what the L2 penalty measures). */
export function weightNormSq(w: Weights): number {
  return w.w1 * w.w1 + w.w2 * w.w2 + (w.w11 ?? 0) ** 2 + (w.w22 ?? 0) ** 2 + (w.w12 ?? 0) ** 2;
}

/**
 * J(w, b) = mean binary cross-entropy + (l2 / 2)·(w1² + w2²); the bias is not penalised.
 *
 * @param cols The data; NaN is returned when `cols.n` is 0.
 * @param wts The parameters.
 * @param l2 L2 penalty strength, ≥ 0; default 0.
 * @returns The objective in nats per point.
 */
export function objective(cols: Columns, wts: Weights, l2 = 0): number {
  const { n, x1, x2, y } = cols;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += bceFromLogit(logit(wts, x1[i]!, x2[i]!), y[i]!);
  }
  return sum / n + 0.5 * l2 * weightNormSq(wts);
}

/**
 * The objective and its gradient in a single pass over the data:
 * ∂J/∂w = mean((p − y)·x) + l2·w and ∂J/∂b = mean(p − y), with p = σ(logit).
 *
 * @param cols The data; every entry is NaN when `cols.n` is 0.
 * @param wts The parameters.
 * @param l2 L2 penalty strength, ≥ 0; default 0.
 */
export function lossAndGradient(cols: Columns, wts: Weights, l2 = 0): LossAndGradient {
  const set = featureSetOfWeights(wts);
  if (set !== 'none') return featureLossAndGradient(cols, wts, l2);
  const { n, x1, x2, y } = cols;
  const { w1, w2, b } = wts;
  let loss = 0;
  let s1 = 0;
  let s2 = 0;
  let s0 = 0;
  for (let i = 0; i < n; i++) {
    const xi1 = x1[i]!;
    const xi2 = x2[i]!;
    const yi = y[i]!;
    const z = w1 * xi1 + w2 * xi2 + b;
    const r = sigmoid(z) - yi;
    loss += bceFromLogit(z, yi);
    s1 += r * xi1;
    s2 += r * xi2;
    s0 += r;
  }
  return {
    loss: loss / n + 0.5 * l2 * (w1 * w1 + w2 * w2),
    g1: s1 / n + l2 * w1,
    g2: s2 / n + l2 * w2,
    gb: s0 / n,
  };
}

/** {@link lossAndGradient} for a model with quadratic features, in θ order (./features.ts). */
function featureLossAndGradient(cols: Columns, wts: Weights, l2: number): LossAndGradient {
  const set = featureSetOfWeights(wts);
  const fns = featureFunctions(set);
  const theta = toTheta(wts, set);
  const d = fns.length;
  const sums = new Float64Array(d + 1);
  let loss = 0;
  for (let i = 0; i < cols.n; i++) {
    const a = cols.x1[i]!;
    const c = cols.x2[i]!;
    const z = logit(wts, a, c);
    const r = sigmoid(z) - cols.y[i]!;
    loss += bceFromLogit(z, cols.y[i]!);
    for (let k = 0; k < d; k++) sums[k]! += r * fns[k]!(a, c);
    sums[d]! += r;
  }
  const g = Array.from(sums, (s, k) => s / cols.n + (k < d ? l2 * theta[k]! : 0));
  const gw = fromTheta(g, set);
  const out: LossAndGradient = {
    loss: loss / cols.n + 0.5 * l2 * weightNormSq(wts),
    g1: gw.w1,
    g2: gw.w2,
    gb: gw.b,
  };
  if (gw.w11 !== undefined) out.g11 = gw.w11;
  if (gw.w22 !== undefined) out.g22 = gw.w22;
  if (gw.w12 !== undefined) out.g12 = gw.w12;
  return out;
}

/**
 * The gradient of {@link objective}; see {@link lossAndGradient} for the formulas.
 *
 * @param l2 L2 penalty strength, ≥ 0; default 0.
 */
export function gradient(cols: Columns, wts: Weights, l2 = 0): Gradient {
  const { loss: _loss, ...g } = lossAndGradient(cols, wts, l2);
  return g;
}

/**
 * The Euclidean norm ‖(g1, g2, [g11, g22, g12,] gb)‖ of a gradient.
 */
export function gradientNorm(g: Gradient): number {
  return Math.hypot(g.g1, g.g2, g.gb, g.g11 ?? 0, g.g22 ?? 0, g.g12 ?? 0);
}
