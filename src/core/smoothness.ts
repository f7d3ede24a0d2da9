/**
 * How large a full-batch gradient-descent step can be. The mean BCE is L-smooth with
 * L = λ_max(XᵀX / n) / 4 + l2, where X has a bias column of ones (σ' ≤ 1/4); descent on an
 * L-smooth function is guaranteed to decrease the loss for learning rates below 2 / L.
 */
import type { Columns } from './dataset.ts';

/** Largest eigenvalue of a symmetric positive semi-definite 3×3 matrix (row-major), by Jacobi sweeps. */
export function maxEigenSym3(m: readonly number[]): number {
  const a = [...m];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[1]! ** 2 + a[2]! ** 2 + a[5]! ** 2;
    if (off < 1e-30 * (a[0]! ** 2 + a[4]! ** 2 + a[8]! ** 2 + 1e-300)) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = a[p * 3 + q]!;
      if (apq === 0) continue;
      const app = a[p * 3 + p]!;
      const aqq = a[q * 3 + q]!;
      const theta = (aqq - app) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k * 3 + p]!;
        const akq = a[k * 3 + q]!;
        a[k * 3 + p] = c * akp - s * akq;
        a[k * 3 + q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p * 3 + k]!;
        const aqk = a[q * 3 + k]!;
        a[p * 3 + k] = c * apk - s * aqk;
        a[q * 3 + k] = s * apk + c * aqk;
      }
    }
  }
  return Math.max(a[0]!, a[4]!, a[8]!);
}

/**
 * The smoothness constant L of J(w, b) = mean BCE + l2/2·‖w‖² on `cols`, and the stable
 * full-batch learning-rate limit 2 / L. Both are NaN for empty data.
 */
export function smoothness(cols: Columns, l2 = 0): { L: number; maxStableLr: number } {
  const { n, x1, x2 } = cols;
  if (n === 0) return { L: Number.NaN, maxStableLr: Number.NaN };
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const a = x1[i]!;
    const b = x2[i]!;
    s11 += a * a;
    s12 += a * b;
    s22 += b * b;
    s1 += a;
    s2 += b;
  }
  const lambda = maxEigenSym3([
    s11 / n,
    s12 / n,
    s1 / n,
    s12 / n,
    s22 / n,
    s2 / n,
    s1 / n,
    s2 / n,
    1,
  ]);
  const L = lambda / 4 + l2;
  return { L, maxStableLr: 2 / L };
}
