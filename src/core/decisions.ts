/**
 * Decisions at a threshold, and over all thresholds: the confusion matrix, precision, recall,
 * F1 and accuracy at p(blue) ≥ t; the ROC and precision–recall curves; ROC AUC and average
 * precision. Definitions and tie handling follow scikit-learn (`confusion_matrix`,
 * `precision_recall_fscore_support` with zero_division=0, `roc_curve`, `roc_auc_score`,
 * `precision_recall_curve`, `average_precision_score`): scores that tie move together, as one
 * step of the curves. Blue (class 1) is the positive class.
 */

/** Counts of a 2 × 2 confusion matrix: t = true, f = false, p = predicted blue, n = red. */
export interface Confusion {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

/** Scores (p(blue)) and labels (0 red, 1 blue) of the same points, in the same order. */
export interface Scored {
  scores: ArrayLike<number>;
  labels: ArrayLike<number>;
}

/** The confusion matrix of the rule "blue when p(blue) ≥ t". */
export function confusionAt({ scores, labels }: Scored, t: number): Confusion {
  const c: Confusion = { tn: 0, fp: 0, fn: 0, tp: 0 };
  for (let i = 0; i < scores.length; i++) {
    const blue = scores[i]! >= t;
    if (labels[i] === 1) {
      if (blue) c.tp++;
      else c.fn++;
    } else if (blue) c.fp++;
    else c.tn++;
  }
  return c;
}

/** Precision, recall and F1 of blue, and accuracy; a ratio with a zero denominator is 0. */
export function rates(c: Confusion): {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
} {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    precision,
    recall,
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    accuracy: ratio(c.tp + c.tn, c.tp + c.tn + c.fp + c.fn),
  };
}

/** One step of the curves: at threshold `t`, cumulative true and false positives. */
interface Step {
  t: number;
  tp: number;
  fp: number;
}

/** Distinct scores from high to low with the counts above or at each (ties in one step). */
function steps({ scores, labels }: Scored): { steps: Step[]; pos: number; neg: number } {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b]! - scores[a]!,
  );
  const out: Step[] = [];
  let tp = 0;
  let fp = 0;
  order.forEach((i, k) => {
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) out.push({ t: scores[i]!, tp, fp });
  });
  return { steps: out, pos: tp, neg: fp };
}

/** A curve as parallel arrays, with the threshold of each point (Infinity for the start). */
export interface Curve {
  x: number[];
  y: number[];
  thresholds: number[];
}

/**
 * The ROC curve (false-positive rate, true-positive rate), from (0, 0) at t = ∞ to (1, 1), one
 * point per distinct score (scikit-learn's `roc_curve` with drop_intermediate=False). Null when
 * a class is missing (the rates are undefined).
 */
export function rocCurve(s: Scored): Curve | null {
  const { steps: st, pos, neg } = steps(s);
  if (pos === 0 || neg === 0) return null;
  return {
    x: [0, ...st.map((p) => p.fp / neg)],
    y: [0, ...st.map((p) => p.tp / pos)],
    thresholds: [Infinity, ...st.map((p) => p.t)],
  };
}

/** Area under the ROC curve by the trapezoid rule (ties count half, as in scikit-learn). */
export function rocAuc(s: Scored): number {
  const c = rocCurve(s);
  if (!c) return Number.NaN;
  let area = 0;
  for (let i = 1; i < c.x.length; i++)
    area += ((c.x[i]! - c.x[i - 1]!) * (c.y[i]! + c.y[i - 1]!)) / 2;
  return area;
}

/**
 * The precision–recall curve (recall, precision), one point per distinct score from the highest
 * down (scikit-learn's `precision_recall_curve`, read in the other direction, without its final
 * (recall 0, precision 1) point). Null without blue points.
 */
export function prCurve(s: Scored): Curve | null {
  const { steps: st, pos } = steps(s);
  if (pos === 0) return null;
  return {
    x: st.map((p) => p.tp / pos),
    y: st.map((p) => p.tp / (p.tp + p.fp)),
    thresholds: st.map((p) => p.t),
  };
}

/** Average precision: Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct thresholds (no interpolation). */
export function averagePrecision(s: Scored): number {
  const c = prCurve(s);
  if (!c) return Number.NaN;
  let ap = 0;
  let lastRecall = 0;
  c.x.forEach((r, i) => {
    ap += (r - lastRecall) * c.y[i]!;
    lastRecall = r;
  });
  return ap;
}

/** A reliability diagram's bins that hold points: their range, count, mean p and share of blue. */
export interface CalibrationBin {
  low: number;
  high: number;
  count: number;
  meanPredicted: number;
  fractionBlue: number;
}

/**
 * The reliability diagram of `bins` equal-width bins of p (scikit-learn's `calibration_curve`,
 * strategy "uniform": a p on an inner edge belongs to the lower bin; empty bins are left out).
 */
export function calibration({ scores, labels }: Scored, bins = 10): CalibrationBin[] {
  const step = 1 / bins;
  const edges = Array.from({ length: bins - 1 }, (_, i) => (i + 1) * step);
  const sum = new Float64Array(bins);
  const blue = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]!;
    let b = 0;
    while (b < edges.length && edges[b]! < p) b++;
    sum[b]! += p;
    blue[b]! += labels[i]!;
    count[b]!++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    out.push({
      low: b * step,
      high: (b + 1) * step,
      count: count[b]!,
      meanPredicted: sum[b]! / count[b]!,
      fractionBlue: blue[b]! / count[b]!,
    });
  }
  return out;
}

/** The Brier score: the mean of (p − y)² (0 is perfect; always saying 0.5 scores 0.25). */
export function brierScore({ scores, labels }: Scored): number {
  if (scores.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < scores.length; i++) s += (scores[i]! - labels[i]!) ** 2;
  return s / scores.length;
}
