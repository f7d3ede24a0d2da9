/**
 * Optimizer update rules on θ = (w1, w2, [quadratic weights…,] b), in float64, shared by the CPU
 * engines. Conventions match TF.js's `tf.train.sgd`, `tf.train.momentum` and `tf.train.adam`, so
 * every engine follows the same trajectory.
 */
import {
  featureScaling,
  fromStandardized,
  fromTheta,
  gradientToStandardized,
  toStandardized,
  toTheta,
  type FeatureSet,
  type Scaling,
} from '../../core/features.ts';
import type { Weights } from '../../core/maths.ts';
import type { TrainParams } from './engine.ts';

/** Mutable optimizer state: θ (./features.ts order), momentum/first moment m, second moment v, step t. */
export interface OptState {
  /** The raw θ, which the gradient kernels read. */
  theta: Float64Array;
  m: Float64Array;
  v: Float64Array;
  t: number;
  /**
   * With "Standardize features": the scaling, the standardized θ' the optimizer moves (m and v
   * are then θ'’s), and a buffer for the gradient along θ'. θ is recomputed from θ' each step.
   */
  std?: { scaling: Scaling; theta: Float64Array; g: Float64Array };
}

/** A fresh state at the given weights, for the model of these features (standardized if given). */
export function newOptState(w: Weights, features: FeatureSet, scaling?: Scaling | null): OptState {
  const theta = Float64Array.from(toTheta(w, features));
  const k = theta.length;
  const s: OptState = { theta, m: new Float64Array(k), v: new Float64Array(k), t: 0 };
  if (scaling) {
    const std = Float64Array.from(toStandardized(theta, scaling));
    s.std = { scaling, theta: std, g: new Float64Array(k) };
    fromStandardized(std, scaling, theta); // θ exactly as θ' gives it, from the first step on
  }
  return s;
}

/** The state's weights. */
export function weightsOf(s: OptState, features: FeatureSet): Weights {
  return fromTheta(s.theta, features);
}

/** Clears momentum, moments and step count; keeps θ. */
export function clearMoments(s: OptState): void {
  s.m.fill(0);
  s.v.fill(0);
  s.t = 0;
}

/**
 * Applies one update with gradient g (θ's layout, L2 already included); with standardization, to
 * θ' along the gradient in θ'’s coordinates, and θ follows.
 */
export function applyUpdate(s: OptState, p: TrainParams, g: ArrayLike<number>): void {
  if (s.std) {
    gradientToStandardized(g, s.std.scaling, s.std.g);
    step(s, s.std.theta, p, s.std.g);
    fromStandardized(s.std.theta, s.std.scaling, s.theta);
    return;
  }
  step(s, s.theta, p, g);
}

/** One optimizer step on the parameters `th` with gradient g. */
function step(s: OptState, th: Float64Array, p: TrainParams, g: ArrayLike<number>): void {
  const k = th.length;
  if (p.optimizer === 'sgd') {
    for (let i = 0; i < k; i++) th[i]! -= p.lr * g[i]!;
    return;
  }
  if (p.optimizer === 'momentum') {
    const m = s.m;
    for (let i = 0; i < k; i++) {
      m[i] = p.momentum * m[i]! + g[i]!;
      th[i]! -= p.lr * m[i]!;
    }
    return;
  }
  s.t += 1;
  const c1 = 1 - p.beta1 ** s.t;
  const c2 = 1 - p.beta2 ** s.t;
  for (let i = 0; i < k; i++) {
    const gi = g[i]!;
    s.m[i] = p.beta1 * s.m[i]! + (1 - p.beta1) * gi;
    s.v[i] = p.beta2 * s.v[i]! + (1 - p.beta2) * gi * gi;
    th[i]! -= (p.lr * (s.m[i]! / c1)) / (Math.sqrt(s.v[i]! / c2) + p.epsilon);
  }
}

/** The scaling the optimizer uses on `train` with these settings: null unless standardizing. */
export function scalingFor(
  train: { n: number; x1: ArrayLike<number>; x2: ArrayLike<number> },
  p: Pick<TrainParams, 'features' | 'standardize'>,
): Scaling | null {
  return p.standardize === 'on' ? featureScaling(train, p.features) : null;
}
