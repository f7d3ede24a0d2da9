import type { Weights } from './maths.ts';

/** One point of the loss curve: metrics of the weights after `epoch` epochs. */
export interface HistoryPoint {
  epoch: number;
  /** Mean binary cross-entropy on the training split (without the L2 term). */
  trainLoss: number;
  /** The training objective J = mean BCE + l2/2·‖w‖² (what descent minimises). */
  objective: number;
  /** Mean binary cross-entropy on the test split; NaN when the test split is empty. */
  testLoss: number;
  /** Fraction in [0, 1] classified right (p ≥ 0.5 ⇒ blue); NaN for an empty split. */
  trainAccuracy: number;
  testAccuracy: number;
}

/** Metrics of the current weights, computed in float64 on the exact data. */
export interface Snapshot extends HistoryPoint {
  weights: Weights;
  /** ‖∇J‖ on the training set, J including the L2 term. */
  gradNorm: number;
}
