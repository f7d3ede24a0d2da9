import { describe, expect, it } from 'vitest';
import { gridMinimum } from '../core/loss-surface.ts';
import { gridLowestText } from './grid-lowest.ts';

const spec = { w1: [-2, 2] as [number, number], w2: [-2, 2] as [number, number], b: 0, l2: 0 };

/** A 5×5 grid whose lowest value is at vertex (i, j). */
function lowestAt(i: number, j: number) {
  const values = new Float32Array(25).fill(1);
  values[j * 5 + i] = 0.25;
  return gridMinimum(values, { ...spec, size: 5 })!;
}

describe('the lowest-on-the-grid readout', () => {
  it('names the lowest vertex of a grid over every point', () => {
    expect(gridLowestText(lowestAt(2, 1), { size: 5, n: 300, total: 300 }, ['w1', 'w2'])).toBe(
      'Lowest on the grid: J = 0.25 at w1 = 0, w2 = −1',
    );
  });

  it('says when the grid sums a sample of the points, and whose lowest it is', () => {
    expect(gridLowestText(lowestAt(2, 1), { size: 5, n: 29, total: 1200 }, ['w11', 'w22'])).toBe(
      'Lowest on this quick grid (J of 29 of the 1,200 points): J = 0.25 at w11 = 0, w22 = −1',
    );
  });

  it('says when the lowest vertex is on the border: J keeps falling beyond the view', () => {
    for (const [i, j] of [
      [0, 2],
      [4, 2],
      [2, 0],
      [2, 4],
    ] as const) {
      expect(gridLowestText(lowestAt(i, j), { size: 5, n: 9, total: 9 }, ['w1', 'w2'])).toMatch(
        /, on the edge of the view: J keeps falling beyond it$/,
      );
    }
  });
});
