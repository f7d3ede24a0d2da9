import { describe, expect, it } from 'vitest';
import { withHead, type HistoryPoint } from './progress.ts';

const point = (epoch: number, w1: number, loss = 0.5): HistoryPoint => ({
  epoch,
  weights: { w1, w2: 0, b: 0 },
  trainLoss: loss,
  objective: loss,
  testLoss: loss,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  data: 3,
  l2: 0,
});

describe('withHead: the loss curve ends where the readouts are once training stops', () => {
  const curve = [point(0, 0, 0.69), point(98, 1, 0.54)];

  it('a pause or a Step between recorded epochs adds the shown weights as the last point', () => {
    const head = { ...point(100, 1.1, 0.53), gradNorm: 1, gradient: { g1: 0, g2: 0, gb: 0 } };
    const got = withHead(curve, head);
    expect(got.map((h) => h.epoch)).toEqual([0, 98, 100]);
    expect(got.at(-1)).toEqual(point(100, 1.1, 0.53)); // the snapshot's extras are not carried
  });

  it('a jump at a recorded epoch adds a second point there: the curve drops at that epoch', () => {
    const got = withHead(curve, point(98, 4, 0.3));
    expect(got.map((h) => [h.epoch, h.trainLoss])).toEqual([
      [0, 0.69],
      [98, 0.54],
      [98, 0.3],
    ]);
  });

  it('leaves the curve as it is when it already ends there, when running, or when it leads', () => {
    expect(withHead(curve, point(98, 1, 0.54))).toBe(curve);
    expect(withHead(curve, null)).toBe(curve);
    expect(withHead(curve, point(50, 0.5))).toBe(curve); // replayed by time travel
    expect(withHead([], point(0, 0))).toEqual([point(0, 0)]);
  });
});
