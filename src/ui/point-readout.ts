/** Words for one point and for one classification: what the plot and the Classify form say. */
import { CLASS_NAMES, type Point } from '../core/dataset.ts';
import { bceFromLogit, logit, sigmoid, type Weights } from '../core/maths.ts';
import type { Prediction } from '../core/metrics.ts';
import { fmtNum } from './format.ts';

/** "red (class 0)". */
const className = (label: 0 | 1) => `${CLASS_NAMES[label]} (class ${label})`;

/**
 * The readout of a point under the pointer or the keyboard crosshair: where it is, its class and
 * split, and — with a model — p(blue) there and the point's own loss, −ln p(its class).
 */
export function pointReadout(p: Point, model: Weights | null): string[] {
  const where = `x1 = ${fmtNum(p.x1)}, x2 = ${fmtNum(p.x2)}: ${className(p.label)}, ${p.split === 'train' ? 'training' : 'test'} point`;
  if (!model) return [where];
  const z = logit(model, p.x1, p.x2);
  return [
    where,
    `p(blue) = ${fmtNum(sigmoid(z), 3)}; its loss −ln p(${CLASS_NAMES[p.label]}) = ${fmtNum(bceFromLogit(z, p.label), 3)}`,
  ];
}

/** What the model says at a point: a class, or "on the boundary" where w·x + b = 0 exactly. */
export function verdict(pred: Prediction): string {
  return pred.logit === 0 ? 'on the boundary (neither class)' : className(pred.label);
}

/** The Classify readout: "(1, 1): p(blue) = 0.0123 → red (class 0), logit −4.38". */
export function classificationText(x1: number, x2: number, pred: Prediction): string {
  return `(${fmtNum(x1)}, ${fmtNum(x2)}): p(blue) = ${fmtNum(pred.p)} → ${verdict(pred)}, logit ${fmtNum(pred.logit)}`;
}

/** The short label beside the classify marker on the plot. */
export function probeLabel(pred: Prediction): string {
  return `p(blue) ${fmtNum(pred.p, 3)} → ${pred.logit === 0 ? 'on the boundary' : CLASS_NAMES[pred.label]}`;
}
