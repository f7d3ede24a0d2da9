/**
 * Optimizer update rules on (w1, w2, b), in float64, shared by the CPU engines. Conventions match
 * TF.js's `tf.train.sgd`, `tf.train.momentum` and `tf.train.adam`, so every engine follows the
 * same trajectory.
 */
import type { TrainParams } from './engine.ts';

/** Mutable optimizer state: θ = (w1, w2, b), momentum/first moment m, second moment v, step t. */
export interface OptState {
  theta: Float64Array;
  m: Float64Array;
  v: Float64Array;
  t: number;
}

/** A fresh state at the given parameters. */
export function newOptState(w1: number, w2: number, b: number): OptState {
  return {
    theta: Float64Array.of(w1, w2, b),
    m: new Float64Array(3),
    v: new Float64Array(3),
    t: 0,
  };
}

/** Clears momentum, moments and step count; keeps θ. */
export function clearMoments(s: OptState): void {
  s.m.fill(0);
  s.v.fill(0);
  s.t = 0;
}

/** Applies one update with gradient g = (g1, g2, gb) (L2 already included). */
export function applyUpdate(s: OptState, p: TrainParams, g1: number, g2: number, gb: number): void {
  const th = s.theta;
  if (p.optimizer === 'sgd') {
    th[0]! -= p.lr * g1;
    th[1]! -= p.lr * g2;
    th[2]! -= p.lr * gb;
    return;
  }
  if (p.optimizer === 'momentum') {
    const m = s.m;
    m[0] = p.momentum * m[0]! + g1;
    m[1] = p.momentum * m[1]! + g2;
    m[2] = p.momentum * m[2]! + gb;
    th[0]! -= p.lr * m[0];
    th[1]! -= p.lr * m[1];
    th[2]! -= p.lr * m[2];
    return;
  }
  s.t += 1;
  const c1 = 1 - p.beta1 ** s.t;
  const c2 = 1 - p.beta2 ** s.t;
  const g = [g1, g2, gb];
  for (let k = 0; k < 3; k++) {
    const gk = g[k]!;
    s.m[k] = p.beta1 * s.m[k]! + (1 - p.beta1) * gk;
    s.v[k] = p.beta2 * s.v[k]! + (1 - p.beta2) * gk * gk;
    th[k]! -= (p.lr * (s.m[k]! / c1)) / (Math.sqrt(s.v[k]! / c2) + p.epsilon);
  }
}
