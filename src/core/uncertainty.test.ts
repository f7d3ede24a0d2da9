import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/decisions.json';
import source from './__fixtures__/overlap-mle.json';
import { toColumns } from './dataset.ts';
import { solveReference } from './reference-solver.ts';
import { logitSpread, probabilityInterval, standardErrors, Z95 } from './uncertainty.ts';

const train = toColumns(
  source.x.slice(0, 200).map(([x1, x2], i) => ({ x1: x1!, x2: x2!, label: source.y[i] as 0 | 1 })),
);

describe('standard errors at the maximum-likelihood estimate', () => {
  it('equal statsmodels’ formula computed by NumPy, at scikit-learn’s optimum', () => {
    const u = standardErrors(train, fixture.optimum)!;
    for (const k of ['w1', 'w2', 'b'] as const) expect(u.se[k]).toBeCloseTo(fixture.se[k], 11);
    u.cov.forEach((row, r) =>
      row.forEach((v, c) => expect(v).toBeCloseTo(fixture.cov[r]![c]!, 11)),
    );
    expect(u.z.w1).toBeCloseTo(fixture.optimum.w1 / fixture.se.w1, 10);
    expect(u.low.b).toBeCloseTo(fixture.optimum.b - Z95 * fixture.se.b, 10);
  });

  it('at the app’s own float64 optimum agree with scikit-learn’s to 1e-6', () => {
    const opt = solveReference(train, 0);
    expect(opt.status).toBe('optimum');
    if (opt.status !== 'optimum') return;
    const u = standardErrors(train, opt.weights)!;
    for (const k of ['w1', 'w2', 'b'] as const) {
      expect(opt.weights[k]).toBeCloseTo(fixture.optimum[k], 6);
      expect(u.se[k]).toBeCloseTo(fixture.se[k], 6);
    }
  });

  it('gives p(blue) an interval around σ(logit) that widens away from the data', () => {
    const u = standardErrors(train, fixture.optimum)!;
    const w = fixture.optimum;
    const near = probabilityInterval(u, w, 0.5, 0.5);
    const p = 1 / (1 + Math.exp(-(w.w1 * 0.5 + w.w2 * 0.5 + w.b)));
    expect(near.low).toBeLessThan(p);
    expect(near.high).toBeGreaterThan(p);
    expect(logitSpread(u, w, 0.5, 30).se).toBeGreaterThan(5 * logitSpread(u, w, 0.5, 0.5).se);
  });

  it('is null when AᵀWA is singular (all points on one line)', () => {
    const line = toColumns(
      [0, 1, 2, 3].map((i) => ({ x1: i, x2: 2 * i, label: (i % 2) as 0 | 1 })),
    );
    expect(standardErrors(line, { w1: 0.1, w2: 0.1, b: 0 })).toBeNull();
  });
});
