import type { Columns, Label } from './dataset.ts';
import type { Weights } from './maths.ts';
import { logit, sigmoid } from './maths.ts';

/** Counts of a confusion matrix; positive means blue (label 1). */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** A prediction for one point. */
export interface Prediction {
  /** Probability of blue, in [0, 1]. */
  p: number;
  /** Log-odds of blue, w1·x1 + w2·x2 (+ the quadratic terms) + b. */
  logit: number;
  /** Predicted class: 1 (blue) when the logit is ≥ 0, i.e. p ≥ 0.5. */
  label: Label;
}

/**
 * Predicts the class of one point. The label follows the sign of the logit, the exact form of
 * the rule p ≥ 0.5 (p itself can round to 0.5 for tiny negative logits).
 */
export function predict(wts: Weights, x1: number, x2: number): Prediction {
  const z = logit(wts, x1, x2);
  return { p: sigmoid(z), logit: z, label: z >= 0 ? 1 : 0 };
}

/**
 * The confusion matrix of the rule "blue when the logit is ≥ 0".
 *
 * @returns Counts that add up to `cols.n`.
 */
export function confusion(cols: Columns, wts: Weights): Confusion {
  const { n, x1, x2, y } = cols;
  const counts: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < n; i++) {
    const blue = logit(wts, x1[i]!, x2[i]!) >= 0;
    if (y[i] === 1) {
      if (blue) counts.tp++;
      else counts.fn++;
    } else if (blue) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

/**
 * Share of points whose predicted class equals their label.
 *
 * @returns A fraction in [0, 1]; NaN when `cols.n` is 0.
 */
export function accuracy(cols: Columns, wts: Weights): number {
  const { tp, tn } = confusion(cols, wts);
  return (tp + tn) / cols.n;
}
