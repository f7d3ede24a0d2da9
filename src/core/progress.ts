import type { Gradient, Weights } from './maths.ts';

/** One point of the loss curve: the weights after `epoch` epochs and their metrics. */
export interface HistoryPoint {
  epoch: number;
  /** The weights at this epoch (time travel and the parameter-space path replay them). */
  weights: Weights;
  /** Mean binary cross-entropy on the training split (without the L2 term). */
  trainLoss: number;
  /** The training objective J = mean BCE + l2/2·‖w‖² (what descent minimises). */
  objective: number;
  /** Mean binary cross-entropy on the test split; NaN when the test split is empty. */
  testLoss: number;
  /** Fraction in [0, 1] classified right (p ≥ 0.5 ⇒ blue); NaN for an empty split. */
  trainAccuracy: number;
  testAccuracy: number;
  /**
   * The data version and L2 these numbers were computed with (set by the trainer). Time travel
   * recomputes a gradient, and the loss plot draws J − J*, only for points of the data and L2 on
   * screen. Absent on points restored from an older save.
   */
  data?: number;
  l2?: number;
}

/** Metrics of the current weights, computed in float64 on the exact data. */
export interface Snapshot extends HistoryPoint {
  /** ‖∇J‖ on the training set, J including the L2 term. */
  gradNorm: number;
  /** ∇J itself (the parameter-space view draws −∇J as an arrow). */
  gradient: Gradient;
}
