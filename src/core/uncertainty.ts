/**
 * How sure the fitted model is: standard errors of (w1, w2, b) at the maximum-likelihood estimate,
 * as statsmodels' Logit reports them — the square roots of the diagonal of (AᵀWA)⁻¹, A = [x1, x2, 1]
 * over the training points, W = diag(p(1 − p)) — with z-values and 95 % Wald intervals, and the
 * 95 % interval of the logit (so of p(blue)) at any point. Only meaningful at a finite, unpenalised
 * optimum: with L2 > 0 the estimate is shrunk and these formulas do not give its spread.
 */
import type { Columns } from './dataset.ts';
import { sigmoid, type Weights } from './maths.ts';

/** The 97.5 % quantile of the standard normal: a 95 % two-sided interval is ± this many SE. */
export const Z95 = 1.959963984540054;

type Mat3 = [[number, number, number], [number, number, number], [number, number, number]];

export interface Uncertainty {
  /** (AᵀWA)⁻¹: the covariance of (w1, w2, b). */
  cov: Mat3;
  se: Weights;
  /** Estimate ÷ SE. */
  z: Weights;
  /** 95 % Wald intervals. */
  low: Weights;
  high: Weights;
}

/** The inverse of a symmetric 3 × 3 matrix, or null when it is singular (to rounding). */
function invert3(m: Mat3): Mat3 | null {
  const [[a, b, c], [, e, f], [, , i]] = m;
  const d = m[1][0];
  const g = m[2][0];
  const h = m[2][1];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  const scale = Math.abs(a) + Math.abs(e) + Math.abs(i);
  if (!Number.isFinite(det) || Math.abs(det) <= 1e-14 * scale ** 3) return null;
  const inv: Mat3 = [
    [A, -(b * i - c * h), b * f - c * e],
    [B, a * i - c * g, -(a * f - c * d)],
    [C, -(a * h - b * g), a * e - b * d],
  ];
  return inv.map((row) => row.map((v) => v / det)) as Mat3;
}

/** Standard errors etc. at `w` on the training columns, or null when AᵀWA is singular. */
export function standardErrors(cols: Columns, w: Weights): Uncertainty | null {
  const h: Mat3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < cols.n; i++) {
    const a = [cols.x1[i]!, cols.x2[i]!, 1];
    const p = sigmoid(w.w1 * a[0]! + w.w2 * a[1]! + w.b);
    const wt = p * (1 - p);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) h[r]![c]! += wt * a[r]! * a[c]!;
  }
  const cov = invert3(h);
  if (!cov) return null;
  const se = { w1: Math.sqrt(cov[0][0]), w2: Math.sqrt(cov[1][1]), b: Math.sqrt(cov[2][2]) };
  const each = (f: (k: 'w1' | 'w2' | 'b') => number): Weights => ({
    w1: f('w1'),
    w2: f('w2'),
    b: f('b'),
  });
  return {
    cov,
    se,
    z: each((k) => w[k] / se[k]),
    low: each((k) => w[k] - Z95 * se[k]),
    high: each((k) => w[k] + Z95 * se[k]),
  };
}

/** The logit at (x1, x2) and its standard error, aᵀΣa with a = (x1, x2, 1). */
export function logitSpread(u: Uncertainty, w: Weights, x1: number, x2: number) {
  const a = [x1, x2, 1];
  let v = 0;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) v += a[r]! * u.cov[r]![c]! * a[c]!;
  const z = w.w1 * x1 + w.w2 * x2 + w.b;
  return { z, se: Math.sqrt(Math.max(0, v)) };
}

/** The 95 % interval of p(blue) at (x1, x2): σ of the logit's interval. */
export function probabilityInterval(u: Uncertainty, w: Weights, x1: number, x2: number) {
  const { z, se } = logitSpread(u, w, x1, x2);
  return { low: sigmoid(z - Z95 * se), high: sigmoid(z + Z95 * se) };
}
