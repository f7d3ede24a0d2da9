/**
 * How large a full-batch gradient-descent step can be. The mean BCE is L-smooth with
 * L = λ_max(ΦᵀΦ / n) / 4 + l2, where Φ holds each point's features (x1, x2, and any of x1², x2²,
 * x1·x2) and a bias column of ones (σ' ≤ 1/4); descent on an L-smooth function is guaranteed to
 * decrease the loss for learning rates below 2 / L. Squared features change the scale a lot:
 * x1² of a point at x1 = 10 is 100, so L grows about as the fourth power of the data's spread.
 */
import type { Columns } from './dataset.ts';
import { featureFunctions, featureScaling, NO_FEATURES, type FeatureSet } from './features.ts';

/**
 * Largest eigenvalue of a symmetric k×k matrix (row-major, k = √length), by cyclic Jacobi sweeps.
 */
export function maxEigenSym(m: readonly number[]): number {
  const k = Math.round(Math.sqrt(m.length));
  const a = [...m];
  const diagSq = () => a.reduce((s, v, i) => (i % (k + 1) === 0 ? s + v * v : s), 0);
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q]! ** 2;
    if (off < 1e-30 * (diagSq() + 1e-300)) break;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) rotate(a, k, p, q);
  }
  return Math.max(...Array.from({ length: k }, (_, i) => a[i * k + i]!));
}

/** One Jacobi rotation zeroing a[p][q] (and a[q][p]). */
function rotate(a: number[], k: number, p: number, q: number): void {
  const apq = a[p * k + q]!;
  if (apq === 0) return;
  const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let r = 0; r < k; r++) {
    const arp = a[r * k + p]!;
    const arq = a[r * k + q]!;
    a[r * k + p] = c * arp - s * arq;
    a[r * k + q] = s * arp + c * arq;
  }
  for (let r = 0; r < k; r++) {
    const apr = a[p * k + r]!;
    const aqr = a[q * k + r]!;
    a[p * k + r] = c * apr - s * aqr;
    a[q * k + r] = s * apr + c * aqr;
  }
}

/** The 3×3 case (kept for its callers). */
export function maxEigenSym3(m: readonly number[]): number {
  return maxEigenSym(m);
}

/**
 * The smoothness constant L of J(w, b) = mean BCE + l2/2·‖w‖² on `cols` with these features —
 * along the standardized parameters when `standardize` — and the stable full-batch learning-rate
 * limit 2 / L. Both are NaN for empty data.
 */
export function smoothness(
  cols: Columns,
  l2 = 0,
  features: FeatureSet = NO_FEATURES,
  standardize = false,
): { L: number; maxStableLr: number } {
  const { n, x1, x2 } = cols;
  if (n === 0) return { L: Number.NaN, maxStableLr: Number.NaN };
  // Standardized, descent runs on θ' (core/features' Scaling): its features are (φ − μ)/σ, and
  // the raw L2 term l2/2·Σ(w'_j/σ_j)² curves it by up to l2/σ_j².
  const scale = standardize ? featureScaling(cols, features) : null;
  // Φ's columns (the bias last), then ΦᵀΦ a pair of columns at a time: tight loops over typed
  // arrays (a million points in a few ms; issue #14).
  const phi = featureFunctions(features).map((f, j) => {
    if (j < 2 && !scale) return j === 0 ? x1 : x2;
    const col = new Float64Array(n);
    const [mu, sd] = scale ? [scale.mean[j]!, scale.sd[j]!] : [0, 1];
    for (let i = 0; i < n; i++) col[i] = (f(x1[i]!, x2[i]!) - mu) / sd;
    return col;
  });
  const sums = momentSums(phi, n);
  const k = phi.length + 1;
  const m = new Array<number>(k * k);
  for (let a = 0; a < k; a++) {
    for (let c = a; c < k; c++) m[c * k + a] = m[a * k + c] = sums[a * k + c]! / n;
  }
  const penalty = scale ? Math.max(...scale.sd.map((v) => 1 / (v * v))) : 1;
  const L = maxEigenSym(m) / 4 + l2 * penalty;
  return { L, maxStableLr: 2 / L };
}

/**
 * ΦᵀΦ's upper triangle (row-major, k = columns + 1, the bias last), in one pass over the points:
 * each row of Φ is read once, not once per pair of columns.
 */
function momentSums(phi: readonly Float64Array[], n: number): Float64Array {
  const d = phi.length;
  const k = d + 1;
  const sums = new Float64Array(k * k);
  const row = new Float64Array(k);
  row[d] = 1;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) row[a] = phi[a]![i]!;
    for (let a = 0; a < k; a++) {
      const ra = row[a]!;
      for (let c = a; c < k; c++) sums[a * k + c]! += ra * row[c]!;
    }
  }
  return sums;
}
