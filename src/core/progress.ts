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

/**
 * The loss curve as the person should read it when training has stopped: the recorded points,
 * then the weights shown now (`head`) when they are newer than the last recorded point or differ
 * from it at the same epoch (a pause or a Step between the curve's log-spaced epochs, a jump to
 * the optimum). `head` null (training runs: the curve catches up within a frame) leaves it as is.
 */
export function withHead(
  history: readonly HistoryPoint[],
  head: HistoryPoint | null,
): readonly HistoryPoint[] {
  if (!head) return history;
  const last = history.at(-1);
  if (last && last.epoch > head.epoch) return history; // time travel went back: the curve leads
  if (last?.epoch === head.epoch && sameWeights(last.weights, head.weights)) return history;
  const { epoch, weights, trainLoss, objective, testLoss, trainAccuracy, testAccuracy } = head;
  const point = { epoch, weights, trainLoss, objective, testLoss, trainAccuracy, testAccuracy };
  const stamps = {
    ...(head.data !== undefined ? { data: head.data } : {}),
    ...(head.l2 !== undefined ? { l2: head.l2 } : {}),
  };
  return [...history, { ...point, ...stamps }];
}

function sameWeights(a: Weights, b: Weights): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Weights>;
  return [...keys].every((k) => Object.is(a[k], b[k]));
}
