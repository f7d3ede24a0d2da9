/**
 * Optimizer update rules on θ = (w1, w2, [quadratic weights…,] b), in float64, shared by the CPU
 * engines. Conventions match TF.js's `tf.train.sgd`, `tf.train.momentum` and `tf.train.adam`, so
 * every engine follows the same trajectory.
 */
import { fromTheta, toTheta, type FeatureSet } from '../../core/features.ts';
import type { Weights } from '../../core/maths.ts';
import type { TrainParams } from './engine.ts';

/** Mutable optimizer state: θ (./features.ts order), momentum/first moment m, second moment v, step t. */
export interface OptState {
  theta: Float64Array;
  m: Float64Array;
  v: Float64Array;
  t: number;
}

/** A fresh state at the given weights, for the model of these features. */
export function newOptState(w: Weights, features: FeatureSet): OptState {
  const theta = Float64Array.from(toTheta(w, features));
  return { theta, m: new Float64Array(theta.length), v: new Float64Array(theta.length), t: 0 };
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

/** Applies one update with gradient g (θ's layout, L2 already included). */
export function applyUpdate(s: OptState, p: TrainParams, g: ArrayLike<number>): void {
  const th = s.theta;
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
