/**
 * Gradient pulls: each training point's share of the gradient of the mean cross-entropy,
 * gᵢ = (pᵢ − yᵢ)·(x1ᵢ, x2ᵢ, 1)/n. Their sum is ∇J without the L2 term. A point the model already
 * gets right with confidence pulls little (pᵢ − yᵢ ≈ 0); a misclassified one pulls hard. On
 * separable data every pull shrinks but none vanishes, which is why ‖w‖ grows for ever.
 */
import { featureFunctions, featureSetOfWeights } from './features.ts';
import type { Columns } from './dataset.ts';
import { logit, sigmoid, type Gradient, type Weights } from './maths.ts';

export interface Pulls {
  /** pᵢ − yᵢ for each point: the signed strength of its pull (−1 … 1). */
  residual: Float64Array;
  /** ‖gᵢ‖ over (w1, w2, b): how hard each point pulls. */
  norm: Float64Array;
  /** Σ gᵢ = ∇ of the mean cross-entropy (no L2 term). */
  sum: Gradient;
  /** Indices of the points that pull hardest, strongest first (at most `top`). */
  strongest: number[];
}

export function gradientPulls(cols: Columns, w: Weights, top = 5): Pulls {
  const { n, x1, x2, y } = cols;
  const residual = new Float64Array(n);
  const norm = new Float64Array(n);
  // A point pulls every weight: by (p − y)·φ(x)/n, φ = (x1, x2, [features…,] 1).
  const fns = featureFunctions(featureSetOfWeights(w));
  let g1 = 0;
  let g2 = 0;
  let gb = 0;
  for (let i = 0; i < n; i++) {
    const r = sigmoid(logit(w, x1[i]!, x2[i]!)) - y[i]!;
    residual[i] = r;
    norm[i] = (Math.abs(r) * Math.hypot(...fns.map((f) => f(x1[i]!, x2[i]!)), 1)) / n;
    g1 += r * x1[i]!;
    g2 += r * x2[i]!;
    gb += r;
  }
  const strongest = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => norm[b]! - norm[a]!)
    .slice(0, Math.min(top, n));
  return { residual, norm, sum: { g1: g1 / n, g2: g2 / n, gb: gb / n }, strongest };
}
