import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../core/progress.ts';
import { m4Path } from './decimate.ts';
import { lossExtent } from './loss-axes.ts';
import { LossCurves } from './loss-curves.ts';

const point = (epoch: number, trainLoss: number): HistoryPoint =>
  ({
    epoch,
    trainLoss,
    testLoss: trainLoss * 1.1,
    objective: trainLoss,
    data: 1,
    l2: 0,
  }) as HistoryPoint;
const run = (n: number, from = 0, shift = 0) =>
  Array.from({ length: n }, (_, i) =>
    point(from + i + 1, 1 / (from + i + 2) + shift + 0.3 * Math.sin(i)),
  );
const x = (e: number) => 40 + 20 * Math.log10(e);
const y = (v: number) => 200 - 30 * Math.log10(v);
const direct = (pts: readonly HistoryPoint[]) =>
  m4Path({
    n: pts.length,
    x: (i) => x(pts[i]!.epoch),
    y: (i) => (pts[i]!.trainLoss > 0 ? y(pts[i]!.trainLoss) : Number.NaN),
  });

describe('the loss plot’s curves, folded in as the run grows', () => {
  it('draw what one pass over the whole history draws, at every frame', () => {
    const c = new LossCurves();
    const all = run(3000);
    for (const n of [0, 1, 5, 200, 201, 1500, 3000]) {
      const pts = all.slice(0, n); // the page gets a new array each frame, the same points
      expect(c.path('train', 'k', pts, x, y, (h) => h.trainLoss)).toBe(direct(pts));
    }
  });

  it('start over on new scales, a shorter history, or another run of the same length', () => {
    const c = new LossCurves();
    const a = run(500);
    c.path('train', 'k', a, x, y, (h) => h.trainLoss);
    const x2 = (e: number) => 10 + 40 * Math.log10(e);
    expect(c.path('train', 'k2', a, x2, y, (h) => h.trainLoss)).toBe(
      m4Path({ n: a.length, x: (i) => x2(a[i]!.epoch), y: (i) => y(a[i]!.trainLoss) }),
    );
    const short = a.slice(0, 100);
    expect(c.path('train', 'k2', short, x2, y, (h) => h.trainLoss)).toBe(
      m4Path({ n: short.length, x: (i) => x2(short[i]!.epoch), y: (i) => y(short[i]!.trainLoss) }),
    );
    const b = run(600, 0, 0.5); // a new run: other points from epoch 1
    c.path('train', 'k', a, x, y, (h) => h.trainLoss);
    expect(c.path('train', 'k', b, x, y, (h) => h.trainLoss)).toBe(direct(b));
  });

  it('carry the loss extent forward, and start over with another J*', () => {
    const c = new LossCurves();
    const all = run(1000);
    const gapOf = (h: HistoryPoint) => h.objective - 0.05;
    for (const n of [10, 400, 1000]) {
      const pts = all.slice(0, n);
      expect(c.extent('J*=0.05', pts, [[{ value: 9 }]], gapOf)).toEqual(
        lossExtent(pts, [[{ value: 9 }]], gapOf),
      );
    }
    const other = (h: HistoryPoint) => h.objective - 0.2;
    expect(c.extent('J*=0.2', all, [], other)).toEqual(lossExtent(all, [], other));
  });
});
