import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlotPoint } from './data-plot.ts';
import { PointSet } from '../core/point-set.ts';
import { HitGrid, nextInOrder, TAIL_MAX } from './hit-grid.ts';

// Pixels: x1 = 0 … 10 over 0 … 200 px, x2 = 0 … 10 over 150 … 0 px (y grows downward).
const toPixels = (x1: number, x2: number): [number, number] => [20 * x1, 150 - 15 * x2];

const coordinate = fc.double({ min: -2, max: 12, noNaN: true });
const pointsArb = fc
  .array(fc.tuple(coordinate, coordinate, fc.boolean()), { maxLength: 300 })
  .map((rows) =>
    rows.map(([x1, x2, blue], id): PlotPoint => ({
      id,
      x1,
      x2,
      label: blue ? 1 : 0,
      split: 'train',
    })),
  );

/** Every point checked: the nearest within r, the later one of equally near points. */
function bruteForce(points: readonly PlotPoint[], u: number, v: number, r: number) {
  let best: PlotPoint | undefined;
  let bestD = r * r;
  points.forEach((p) => {
    const [pu, pv] = toPixels(p.x1, p.x2);
    const d = (pu - u) ** 2 + (pv - v) ** 2;
    if (d <= bestD) [best, bestD] = [p, d];
  });
  return best;
}

describe('HitGrid (hit-testing a million points)', () => {
  it('finds what checking every point finds, anywhere on and around the plot', () => {
    fc.assert(
      fc.property(
        pointsArb,
        fc.double({ min: -20, max: 220, noNaN: true }),
        fc.double({ min: -20, max: 170, noNaN: true }),
        fc.double({ min: 1, max: 9, noNaN: true }),
        (points, u, v, r) => {
          const grid = new HitGrid(PointSet.of(points), toPixels, 200, 150, 9);
          // Only what can be under the pointer counts: on the plot (0 … 200 × 0 … 150).
          if (u < 0 || v < 0 || u > 200 || v > 150) return;
          expect(grid.find(u, v, r)).toEqual(bruteForce(points, u, v, r));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('extended by appended points, finds what a grid of them all finds', () => {
    fc.assert(
      fc.property(
        pointsArb,
        fc.nat(300),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 150, noNaN: true }),
        (points, k, u, v) => {
          const cut = Math.min(k, points.length);
          let set = PointSet.of(points.slice(0, cut));
          let grid: HitGrid | null = new HitGrid(set, toPixels, 200, 150, 9);
          // Added one at a time, as a person adds them (the columns grow into their room).
          for (const p of points.slice(cut)) {
            set = set.added(p, p.id);
            grid = grid?.extended(set) ?? null;
          }
          expect(grid?.find(u, v, 9)).toEqual(bruteForce(points, u, v, 9));
        },
      ),
      { numRuns: 300 },
    );
    const none = new HitGrid(PointSet.EMPTY, toPixels, 200, 150, 9);
    let many = PointSet.EMPTY;
    for (let i = 0; i <= TAIL_MAX; i++)
      many = many.added({ x1: 1, x2: 1, label: 0, split: 'train' }, i);
    expect(none.extended(many)).toBeNull(); // too many one by one: build a new grid
  });

  it('takes the point drawn on top of two at the same place, and misses beyond the radius', () => {
    const pts: PlotPoint[] = [
      { id: 1, x1: 5, x2: 5, label: 0, split: 'train' },
      { id: 2, x1: 5, x2: 5, label: 1, split: 'test' },
    ];
    const grid = new HitGrid(PointSet.of(pts), toPixels, 200, 150, 9);
    expect(grid.find(100, 75, 9)?.id).toBe(2);
    expect(grid.find(100 + 9.5, 75, 9)).toBeUndefined();
  });
});

describe('nextInOrder (the keyboard steps through the points in x order)', () => {
  it('steps as a sorted list would, going round at the ends', () => {
    fc.assert(
      fc.property(pointsArb, fc.nat(), fc.constantFrom<1 | -1>(1, -1), (list, k, dir) => {
        const points = PointSet.of(list);
        const sorted = [...list].sort((a, b) => a.x1 - b.x1 || a.x2 - b.x2 || a.id - b.id);
        if (sorted.length === 0) {
          expect(nextInOrder(points, null, dir)).toBeUndefined();
          return;
        }
        const i = k % sorted.length;
        const want = sorted[(i + dir + sorted.length) % sorted.length];
        expect(nextInOrder(points, sorted[i]!, dir)).toEqual(want);
        expect(nextInOrder(points, null, dir)).toEqual(dir === 1 ? sorted[0] : sorted.at(-1));
      }),
      { numRuns: 300 },
    );
  });
});
