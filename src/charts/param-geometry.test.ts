import { contours } from 'd3-contour';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridCoord } from '../core/loss-surface.ts';
import { bandPath, contourToGrid } from '../core/surface-bands.ts';
import {
  arrowEnd,
  arrowHead,
  gridTransform,
  keyStep,
  ScreenTrail,
  screenPolyline,
  squareArea,
} from './param-geometry.ts';

/**
 * The reference mapping: one coordinate of a d3-contour ring to a weight, point by point (what the
 * page did before the bands were traced in grid units and placed by one transform).
 *
 * d3.contours treats grid value k as the unit cell [k, k + 1], sampled at its centre k + 0.5, and
 * closes rings along the outer cell edges 0 and `size`. Our grid values are *vertices*: value k
 * sits at lo + k·(hi − lo)/(size − 1). So coordinate c maps to lo + (c − 0.5)·step, and the outer
 * half cell (c < 0.5 or c > size − 0.5, where nothing was sampled) is clamped onto the range's
 * edge, so a filled band ends exactly at lo and hi.
 *
 * @param c a contour coordinate in [0, size]
 * @param range [lo, hi] of the grid, lo < hi
 * @param size vertices per side, ≥ 2
 */
function contourToWeight(c: number, range: readonly [number, number], size: number): number {
  return range[0] + (contourToGrid(c, size) * (range[1] - range[0])) / (size - 1);
}

/** Every ring point of the d3 contours of `values` (size × size) at `level`, in weights. */
function ringWeights(
  values: number[],
  size: number,
  level: number,
  w1: [number, number],
  w2: [number, number],
): [number, number][] {
  const [shape] = contours().size([size, size]).thresholds([level])(values);
  return shape!.coordinates
    .flat(2)
    .map((p) => [contourToWeight(p[0]!, w1, size), contourToWeight(p[1]!, w2, size)]);
}

describe('contourToWeight', () => {
  it('puts d3 coordinate k + 0.5 (the sample of value k) on grid vertex k', () => {
    for (const k of [0, 1, 4, 9]) {
      expect(contourToWeight(k + 0.5, [-2, 3], 10)).toBeCloseTo(gridCoord([-2, 3], 10, k), 12);
    }
  });

  it('clamps the outer half cell onto the range edges', () => {
    expect(contourToWeight(0, [-2, 3], 10)).toBe(-2);
    expect(contourToWeight(10, [-2, 3], 10)).toBe(3);
  });

  it('maps a 2-vertex grid from lo to hi', () => {
    expect(contourToWeight(0.5, [1, 5], 2)).toBe(1);
    expect(contourToWeight(1, [1, 5], 2)).toBe(3);
    expect(contourToWeight(1.5, [1, 5], 2)).toBe(5);
  });

  it('lands d3 contour lines of a linear ramp exactly where the ramp crosses the level', () => {
    // J = w1 on a 7 × 7 grid over [-3, 3]²: the level 0.25 must sit at w1 = 0.25.
    const size = 7;
    const range: [number, number] = [-3, 3];
    const values = Array.from({ length: size * size }, (_, k) => gridCoord(range, size, k % size));
    const pts = ringWeights(values, size, 0.25, range, range);
    // Off the outer border, every ring point is on the level line.
    const interior = pts.filter(([a, b]) => a > -3 && a < 3 && b > -3 && b < 3);
    expect(interior.length).toBeGreaterThan(0);
    for (const [w1] of interior) expect(w1).toBeCloseTo(0.25, 12);
    // The band J ≥ 0.25 reaches the right edge and the full w2 range, no further.
    expect(Math.max(...pts.map((p) => p[0]))).toBe(3);
    expect(Math.min(...pts.map((p) => p[1]))).toBe(-3);
    expect(Math.max(...pts.map((p) => p[1]))).toBe(3);
  });

  it('lands the level line of a 2 × 2 grid halfway between its vertices', () => {
    const pts = ringWeights([0, 1, 0, 1], 2, 0.5, [0, 1], [-1, 1]);
    const interior = pts.filter(([, b]) => b > -1 && b < 1);
    expect(pts.some(([a]) => a === 0.5)).toBe(true);
    for (const [a] of interior) expect(a).toBeCloseTo(0.5, 12);
  });

  it('lands contour lines of a ramp along w2 on rows (row-major values[j·size + i])', () => {
    const size = 5;
    const w2: [number, number] = [0, 8];
    const values = Array.from({ length: size * size }, (_, k) =>
      gridCoord(w2, size, Math.floor(k / size)),
    );
    const pts = ringWeights(values, size, 5, [-1, 1], w2);
    const interior = pts.filter(([x, y]) => x > -1 && x < 1 && y > 0 && y < 8);
    expect(interior.length).toBeGreaterThan(0);
    for (const [, y] of interior) expect(y).toBeCloseTo(5, 12);
  });
});

describe('gridTransform', () => {
  const grid = { w1: [-2, 3] as [number, number], w2: [1, 5] as [number, number], size: 11 };
  const toPx = (w1: number, w2: number): [number, number] => [40 + 60 * w1, 300 - 60 * w2];
  const apply = (t: string, [u, v]: [number, number]): [number, number] => {
    const [a, b, c, d, e, f] = /matrix\((.*)\)/.exec(t)![1]!.split(',').map(Number);
    return [a! * u + c! * v + e!, b! * u + d! * v + f!];
  };

  it('puts grid vertex (i, j) where toPx puts (w1_i, w2_j)', () => {
    const t = gridTransform(grid, toPx);
    for (const [i, j] of [
      [0, 0],
      [10, 10],
      [3, 7],
      [10, 0],
    ] as [number, number][]) {
      const want = toPx(gridCoord(grid.w1, 11, i), gridCoord(grid.w2, 11, j));
      const got = apply(t, [i, j]);
      expect(got[0]).toBeCloseTo(want[0], 9);
      expect(got[1]).toBeCloseTo(want[1], 9);
    }
  });

  it('with bandPath, draws every ring point where the weights map it (within 1/100 cell)', () => {
    // A bowl on a 24 × 24 grid: its bands, placed by the transform, against each d3 coordinate
    // mapped through contourToWeight and toPx one by one.
    const size = 24;
    const g = { w1: [-3, 2] as [number, number], w2: [-1, 4] as [number, number], size };
    const values = Array.from({ length: size * size }, (_, k) => {
      const [i, j] = [k % size, Math.floor(k / size)];
      return (i - 9.3) ** 2 + 0.5 * (j - 14.1) ** 2;
    });
    const shapes = contours().size([size, size]).thresholds([5, 40])(values);
    const t = gridTransform(g, toPx);
    const cellPx = (60 * 5) / (size - 1);
    for (const shape of shapes) {
      const drawn = [...bandPath(shape.coordinates, size).matchAll(/[ML]([-\d.]+),([-\d.]+)/g)];
      const want = shape.coordinates.flat(2);
      expect(drawn).toHaveLength(want.length);
      drawn.forEach((m, k) => {
        const got = apply(t, [Number(m[1]), Number(m[2])]);
        const p = want[k]!;
        const ref = toPx(contourToWeight(p[0]!, g.w1, size), contourToWeight(p[1]!, g.w2, size));
        expect(Math.abs(got[0] - ref[0])).toBeLessThanOrEqual(0.005 * cellPx + 1e-9);
        expect(Math.abs(got[1] - ref[1])).toBeLessThanOrEqual(0.005 * cellPx + 1e-9);
      });
    }
  });
});

describe('arrowEnd', () => {
  it('points along −g with y flipped for the screen, at the given length', () => {
    const tip = arrowEnd([100, 100], 3, 4, 40)!;
    expect(tip[0]).toBeCloseTo(100 - 24, 12);
    expect(tip[1]).toBeCloseTo(100 + 32, 12);
    expect(Math.hypot(tip[0] - 100, tip[1] - 100)).toBeCloseTo(40, 12);
  });

  it('has the same length for a tiny and a huge gradient', () => {
    for (const g of [1e-9, 1e300]) {
      const tip = arrowEnd([0, 0], g, g, 40)!;
      expect(Math.hypot(tip[0], tip[1])).toBeCloseTo(40, 9);
    }
  });

  it('is null for a zero, NaN or infinite gradient', () => {
    expect(arrowEnd([0, 0], 0, 0, 40)).toBeNull();
    expect(arrowEnd([0, 0], NaN, 1, 40)).toBeNull();
    expect(arrowEnd([0, 0], Infinity, 1, 40)).toBeNull();
    expect(arrowEnd([0, 0], 1e-14, 0, 40)).toBeNull();
  });
});

describe('arrowHead', () => {
  it('is a closed triangle whose first point is the tip', () => {
    const d = arrowHead([0, 0], [10, 0]);
    expect(d.startsWith('M10,0L')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
  });
});

describe('screenPolyline', () => {
  const id = (w1: number, w2: number): [number, number] => [w1, w2];

  it('drops points closer than minPx but keeps the first and the last', () => {
    const path = [0, 0.1, 0.2, 0.3, 5, 5.1].map((v) => ({ w1: v, w2: 0 }));
    expect(screenPolyline(path, id, 1)).toEqual([
      [0, 0],
      [5, 0],
      [5.1, 0],
    ]);
  });

  it('turns non-finite weights into a single gap', () => {
    const path = [
      { w1: 0, w2: 0 },
      { w1: NaN, w2: 0 },
      { w1: 0, w2: Infinity },
      { w1: 3, w2: 3 },
    ];
    expect(screenPolyline(path, id)).toEqual([[0, 0], null, [3, 3]]);
  });

  it('clamps exploding weights to the pixel limit', () => {
    expect(screenPolyline([{ w1: 1e30, w2: -1e30 }], id, 1, 1e5)).toEqual([[1e5, -1e5]]);
  });

  it('returns nothing for an empty path', () => {
    expect(screenPolyline([], id)).toEqual([]);
  });
});

describe('ScreenTrail', () => {
  const id = (w1: number, w2: number): [number, number] => [w1, w2];
  // Small steps (many dropped), gaps and explosions: every branch of the fold.
  const v = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, 1e30) },
  );
  const w = fc.record({ w1: v, w2: v });

  it('gives screenPolyline of the whole path as it grows by chunks, its last point live', () => {
    fc.assert(
      fc.property(
        fc.array(w, { maxLength: 80 }),
        fc.array(fc.nat(12), { minLength: 1, maxLength: 10 }),
        fc.array(w, { minLength: 10, maxLength: 10 }),
        (curve, chunks, live) => {
          const trail = new ScreenTrail(1);
          let n = 0;
          chunks.forEach((c, k) => {
            n = Math.min(curve.length, n + c);
            // The curve so far (the same objects each time), then this frame's live weights.
            const path = [...curve.slice(0, n), live[k]!];
            expect(trail.of(path, id)).toEqual(screenPolyline(path, id, 1));
          });
          // Time travel (a shorter path) and another path start over, with the same answer.
          const back = curve.slice(0, Math.floor(n / 2));
          expect(trail.of(back, id)).toEqual(screenPolyline(back, id, 1));
          const other = curve.map((p) => ({ ...p }));
          expect(trail.of(other, id)).toEqual(screenPolyline(other, id, 1));
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  it('maps the path again after reset (new scales), and not before', () => {
    const path = [0, 1, 2, 3].map((k) => ({ w1: k, w2: k }));
    const trail = new ScreenTrail(0.5);
    let calls = 0;
    const counted = (a: number, b: number): [number, number] => (calls++, [a, b]);
    trail.of(path, counted);
    trail.of([...path, { w1: 4, w2: 4 }], counted);
    expect(calls).toBe(4 + 2); // 4 + (the old last point, now settled) + the new live one
    const twice = (a: number, b: number): [number, number] => [2 * a, 2 * b];
    trail.reset();
    expect(trail.of(path, twice)).toEqual(screenPolyline(path, twice, 0.5));
  });
});

describe('keyStep', () => {
  const range = { w1: [-5, 5] as [number, number], w2: [0, 10] as [number, number] };

  it('moves by the fraction of the range, w2 up', () => {
    const w = keyStep({ w1: 0, w2: 5 }, [1, 1], range, 1 / 50);
    expect(w.w1).toBeCloseTo(0.2, 12);
    expect(w.w2).toBeCloseTo(5.2, 12);
  });

  it('stops at the edge of the range', () => {
    expect(keyStep({ w1: 4.99, w2: 0.01 }, [1, -1], range, 1 / 10)).toEqual({ w1: 5, w2: 0 });
  });

  it('does not pull a weight that is already outside the range back in with a jump', () => {
    expect(keyStep({ w1: 40, w2: 5 }, [-1, 0], range, 1 / 10).w1).toBeCloseTo(39, 12);
  });
});

describe('squareArea', () => {
  const m = { top: 10, right: 10, bottom: 30, left: 40 };

  it('is the largest square inside the margins, centred in the spare width', () => {
    expect(squareArea(450, 340, m)).toEqual({ x0: 90, y0: 10, side: 300 });
  });

  it('never has a side below 1 px', () => {
    expect(squareArea(10, 10, m).side).toBe(1);
  });
});
