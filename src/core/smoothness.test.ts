import { describe, expect, it } from 'vitest';
import overlap from './__fixtures__/overlap-mle.json';
import { toColumns } from './dataset.ts';
import { gdEpochs } from './gradient-descent.ts';
import { objective } from './maths.ts';
import { maxEigenSym3, smoothness } from './smoothness.ts';

const cols = toColumns(
  overlap.x.map((p, i) => ({ x1: p[0]!, x2: p[1]!, label: overlap.y[i] as 0 | 1 })),
);

describe('maxEigenSym3', () => {
  it('finds the largest eigenvalue of a diagonal matrix', () => {
    expect(maxEigenSym3([1, 0, 0, 0, 5, 0, 0, 0, 2])).toBe(5);
  });
  it('agrees with the closed form for [[2,1,0],[1,2,0],[0,0,1]] (eigenvalues 3, 1, 1)', () => {
    expect(maxEigenSym3([2, 1, 0, 1, 2, 0, 0, 0, 1])).toBeCloseTo(3, 12);
  });
  it('agrees with power iteration on a dense matrix', () => {
    const m = [4, 1.5, -2, 1.5, 3, 0.5, -2, 0.5, 6];
    let v = [1, 1, 1];
    for (let i = 0; i < 500; i++) {
      const u = [0, 1, 2].map(
        (r) => m[r * 3]! * v[0]! + m[r * 3 + 1]! * v[1]! + m[r * 3 + 2]! * v[2]!,
      );
      const norm = Math.hypot(...u);
      v = u.map((x) => x / norm);
    }
    const mv = [0, 1, 2].map(
      (r) => m[r * 3]! * v[0]! + m[r * 3 + 1]! * v[1]! + m[r * 3 + 2]! * v[2]!,
    );
    expect(maxEigenSym3(m)).toBeCloseTo(Math.hypot(...mv), 9);
  });
});

describe('smoothness', () => {
  it('gives NaN for empty data', () => {
    expect(
      smoothness({ n: 0, x1: new Float64Array(), x2: new Float64Array(), y: new Float64Array() }).L,
    ).toBeNaN();
  });

  it('adds the L2 penalty to L', () => {
    expect(smoothness(cols, 0.5).L - smoothness(cols, 0).L).toBeCloseTo(0.5, 12);
  });

  it('separates converging from non-converging full-batch descent on overlapping data', () => {
    const { maxStableLr } = smoothness(cols);
    const finalLoss = (lr: number) => {
      let w = { w1: 0, w2: 0, b: 0 };
      const losses: number[] = [];
      for (let e = 0; e < 40; e++) {
        w = gdEpochs(cols, w, lr, 0, 50);
        losses.push(objective(cols, w));
      }
      return losses;
    };
    const below = finalLoss(0.95 * maxStableLr);
    // Below the bound the loss never rises.
    for (let i = 1; i < below.length; i++)
      expect(below[i]!).toBeLessThanOrEqual(below[i - 1]! + 1e-12);
    // Far above it, descent keeps bouncing well above the optimum (0.4855).
    const above = finalLoss(10 * maxStableLr);
    expect(Math.max(...above.slice(-10))).toBeGreaterThan(overlap.optimum.objective + 0.05);
  });
});
