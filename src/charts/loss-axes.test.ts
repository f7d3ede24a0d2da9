import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../core/progress.ts';
import { epochAxisEnd, lossExtent, quarterDecade } from './loss-axes.ts';

describe('the loss plot’s axes step out instead of sliding every frame', () => {
  it('a log epoch axis ends at the next 1, 2 or 5 × 10^k, at most 2.5 × the epoch', () => {
    expect([10, 11, 20, 21, 50, 51, 200_000].map((e) => epochAxisEnd(e, true, 5))).toEqual([
      10, 20, 20, 50, 50, 100, 200_000,
    ]);
    fc.assert(
      fc.property(fc.double({ min: 10, max: 1e9, noNaN: true }), (e) => {
        const end = epochAxisEnd(e, true, 5);
        expect(end).toBeGreaterThanOrEqual(e * (1 - 1e-12));
        expect(end).toBeLessThanOrEqual(2.5 * e);
        // It holds still while the run grows into it.
        expect(epochAxisEnd(end, true, 5)).toBe(end);
      }),
    );
  });

  it('a linear epoch axis ends at d3’s nice value above the epoch', () => {
    expect(epochAxisEnd(1234, false, 5)).toBe(1400);
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1e9 }), (e) => {
        const end = epochAxisEnd(e, false, 5);
        expect(end).toBeGreaterThanOrEqual(e);
        expect(end).toBeLessThanOrEqual(2 * e);
      }),
    );
  });

  it('the loss axis’s ends are quarter decades outside the losses', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e6, noNaN: true }), (v) => {
        const lo = quarterDecade(v, Math.floor);
        const hi = quarterDecade(v, Math.ceil);
        expect(lo).toBeLessThanOrEqual(v * (1 + 1e-12));
        expect(lo).toBeGreaterThan(v / 10 ** 0.25 / (1 + 1e-12));
        expect(hi).toBeGreaterThanOrEqual(v * (1 - 1e-12));
        expect(hi).toBeLessThan(v * 10 ** 0.25 * (1 + 1e-12));
      }),
    );
  });
});

describe('lossExtent', () => {
  const h = (trainLoss: number, testLoss: number, objective = trainLoss) =>
    ({ epoch: 1, trainLoss, testLoss, objective }) as unknown as HistoryPoint;

  it('spans the positive, finite losses of the curves, the lanes and the gaps ≥ 1e−12', () => {
    const pts = [h(0.7, Number.NaN), h(0.3, 0.4), h(Number.POSITIVE_INFINITY, 0), h(0.2, -1)];
    const gapOf = (p: HistoryPoint) => p.objective - 0.19;
    const [least, most] = lossExtent(pts, [[{ value: 2.5 }, { value: Number.NaN }]], gapOf);
    expect(most).toBe(2.5);
    expect(least).toBeCloseTo(0.01, 12); // the gap 0.2 − 0.19
  });

  it('is empty (Infinity, −Infinity) without any loss, so the axis keeps its defaults', () => {
    expect(lossExtent([h(Number.NaN, 0)], [], () => Number.NaN)).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
  });
});
