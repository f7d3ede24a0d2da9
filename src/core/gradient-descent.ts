import type { Columns } from './dataset.ts';
import type { Weights } from './maths.ts';
import { objective } from './maths.ts';

/** Options of {@link runGradientDescent}. */
export interface GradientDescentOptions {
  /** Learning rate (step size), finite and > 0; the tutorial uses 0.01. */
  lr: number;
  /** L2 penalty strength, finite and ≥ 0; default 0. */
  l2?: number;
  /** Number of full-batch epochs, an integer ≥ 0. */
  epochs: number;
  /** Starting parameters; default w = 0, b = 0. */
  init?: Weights;
  /** Epoch counts (integers in [0, epochs]) at which to record weights and loss; 0 = start. */
  checkpoints?: readonly number[];
}

/** One recorded state of a run. */
export interface Checkpoint {
  weights: Weights;
  /** The objective J (mean BCE + l2/2·‖w‖², nats) at `weights`, i.e. after that epoch. */
  loss: number;
}

/** Result of {@link runGradientDescent}. */
export interface GradientDescentResult {
  /** Parameters after the last epoch. */
  weights: Weights;
  /** Recorded states keyed by epoch count, in ascending order. */
  checkpoints: Map<number, Checkpoint>;
}

/**
 * Runs `epochs` epochs of plain full-batch gradient descent in float64. Each epoch computes
 * p_i = σ(w·x_i + b) for every point, then updates w ← w − lr·(mean((p − y)·x) + l2·w) and
 * b ← b − lr·mean(p − y). Allocates nothing per epoch.
 *
 * @param cols Training data; with `cols.n` = 0 the result is NaN.
 * @param wts Starting parameters (not modified).
 * @param lr Learning rate, > 0.
 * @param l2 L2 penalty strength, ≥ 0.
 * @param epochs Number of epochs, an integer ≥ 0.
 * @returns The parameters after the last epoch.
 */
export function gdEpochs(
  cols: Columns,
  wts: Weights,
  lr: number,
  l2: number,
  epochs: number,
): Weights {
  const { n, x1, x2, y } = cols;
  let { w1, w2, b } = wts;
  for (let e = 0; e < epochs; e++) {
    let s1 = 0;
    let s2 = 0;
    let s0 = 0;
    for (let i = 0; i < n; i++) {
      const a = x1[i]!;
      const c = x2[i]!;
      // 1 / (1 + e^−z) is exact enough here and never NaN: e^−z = ∞ just gives p = 0.
      const r = 1 / (1 + Math.exp(-(w1 * a + w2 * c + b))) - y[i]!;
      s1 += r * a;
      s2 += r * c;
      s0 += r;
    }
    w1 -= lr * (s1 / n + l2 * w1);
    w2 -= lr * (s2 / n + l2 * w2);
    b -= lr * (s0 / n);
  }
  return { w1, w2, b };
}

function checkOptions(lr: number, l2: number, epochs: number, marks: readonly number[]): void {
  if (!(Number.isFinite(lr) && lr > 0))
    throw new RangeError(`invalid lr; not a finite number > 0: ${lr}`);
  if (!(Number.isFinite(l2) && l2 >= 0)) {
    throw new RangeError(`invalid l2; not a finite number ≥ 0: ${l2}`);
  }
  if (!(Number.isInteger(epochs) && epochs >= 0)) {
    throw new RangeError(`invalid epochs; not an integer ≥ 0: ${epochs}`);
  }
  for (const c of marks) {
    if (!(Number.isInteger(c) && c >= 0 && c <= epochs)) {
      throw new RangeError(`invalid checkpoint; not an integer in [0, ${epochs}]: ${c}`);
    }
  }
}

/**
 * The tutorial's training loop: {@link gdEpochs} run in stretches between checkpoints, with the
 * weights and the objective recorded at each checkpoint.
 *
 * @param cols Training data.
 * @param opts See {@link GradientDescentOptions}.
 * @throws RangeError for a non-positive `lr`, a negative `l2`, a fractional or negative `epochs`,
 *   or a checkpoint outside [0, epochs].
 */
export function runGradientDescent(
  cols: Columns,
  opts: GradientDescentOptions,
): GradientDescentResult {
  const { lr, l2 = 0, epochs, init = { w1: 0, w2: 0, b: 0 }, checkpoints: marks = [] } = opts;
  checkOptions(lr, l2, epochs, marks);
  const sorted = [...new Set(marks)].sort((p, q) => p - q);
  const checkpoints = new Map<number, Checkpoint>();
  let weights: Weights = { ...init };
  let done = 0;
  for (const mark of sorted) {
    weights = gdEpochs(cols, weights, lr, l2, mark - done);
    done = mark;
    checkpoints.set(mark, { weights, loss: objective(cols, weights, l2) });
  }
  weights = gdEpochs(cols, weights, lr, l2, epochs - done);
  return { weights, checkpoints };
}
