import { describe, expect, it } from 'vitest';
import overlap from './__fixtures__/overlap-mle.json';
import separable from './__fixtures__/separable-l2.json';
import imbalanced from './__fixtures__/imbalanced-l2.json';
import type { Columns, Label } from './dataset.ts';
import { toColumns } from './dataset.ts';
import { makeNormal, makeRng } from './random.ts';
import { classifySeparation, isLinearlySeparable } from './separability.ts';

type P = [number, number];

/** Points from a compact string: '0,0 1,2' is [[0, 0], [1, 2]]. */
function pts(s: string): P[] {
  return s.split(' ').map((xy) => xy.split(',').map(Number) as P);
}

function cols(red: P[], blue: P[]): Columns {
  return toColumns([
    ...red.map(([x1, x2]) => ({ x1, x2, label: 0 as const })),
    ...blue.map(([x1, x2]) => ({ x1, x2, label: 1 as const })),
  ]);
}

function fixtureColumns(f: { x: number[][]; y: number[] }, skip = -1): Columns {
  const points = f.x.map(([x1, x2], i) => ({ x1: x1!, x2: x2!, label: f.y[i] as Label }));
  return toColumns(points.filter((_, i) => i !== skip));
}

// An independent oracle: closed convex hulls meet iff a point of one class lies in a closed
// (possibly degenerate) triangle of the other, or a segment of one crosses a segment of the other.
const orient = (a: P, b: P, c: P) =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
const onSegment = (a: P, b: P, p: P) =>
  orient(a, b, p) === 0 &&
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

function segmentsMeet(a: P, b: P, c: P, d: P): boolean {
  const [o1, o2, o3, o4] = [orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)];
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return onSegment(a, b, c) || onSegment(a, b, d) || onSegment(c, d, a) || onSegment(c, d, b);
}

function inTriangle(a: P, b: P, c: P, p: P): boolean {
  if (orient(a, b, c) === 0) return onSegment(a, b, p) || onSegment(b, c, p) || onSegment(a, c, p);
  const s = [orient(a, b, p), orient(b, c, p), orient(c, a, p)];
  return s.every((v) => v >= 0) || s.every((v) => v <= 0);
}

function hullsMeet(red: P[], blue: P[]): boolean {
  const inHull = (pts: P[], p: P) =>
    pts.some((a, i) =>
      pts.some((b, j) => j >= i && pts.some((c, k) => k >= j && inTriangle(a, b, c, p))),
    );
  if (red.some((p) => inHull(blue, p)) || blue.some((p) => inHull(red, p))) return true;
  return red.some((a) =>
    red.some((b) => blue.some((c) => blue.some((d) => segmentsMeet(a, b, c, d)))),
  );
}

/** A second oracle: try the normal and the direction of every pair of points as the axis. */
function separatedByAnyPairAxis(red: P[], blue: P[]): boolean {
  const all = [...red, ...blue];
  const apart = (u: P) => {
    const proj = (v: P) => u[0] * v[0] + u[1] * v[1];
    const [r, b] = [red.map(proj), blue.map(proj)];
    return Math.max(...r) < Math.min(...b) || Math.max(...b) < Math.min(...r);
  };
  return all.some((p, i) =>
    all.some((q, j) => {
      if (j <= i) return false;
      const d: P = [q[0] - p[0], q[1] - p[1]];
      return apart(d) || apart([-d[1], d[0]]);
    }),
  );
}

function randomSet(rng: () => number): { red: P[]; blue: P[] } {
  const n = 3 + Math.floor(rng() * 10);
  const grid = [1, 2, 3, 5][Math.floor(rng() * 4)]!;
  const shape = Math.floor(rng() * 4); // 0: free, 1: on a line, 2: blue shifted right, 3: diagonal
  const shift = shape === 2 ? Math.floor(rng() * 4) : 0;
  const red: P[] = [];
  const blue: P[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.floor(rng() * (grid + 1));
    const b = shape === 1 ? 2 : shape === 3 ? a : Math.floor(rng() * (grid + 1));
    if (rng() < 0.5) red.push([a, b]);
    else blue.push([a + shift, b]);
  }
  return { red, blue };
}

describe('isLinearlySeparable', () => {
  it('says false for the overlapping fixtures (overlap-mle, imbalanced-l2)', () => {
    expect(isLinearlySeparable(fixtureColumns(overlap))).toBe(false);
    expect(isLinearlySeparable(fixtureColumns(imbalanced))).toBe(false);
    expect(classifySeparation(fixtureColumns(overlap))).toBe('overlap');
  });

  it('says false for separable-l2: red point 4 (0.634166, 1.651202) lies inside a triangle of blue points', () => {
    const c = fixtureColumns(separable);
    expect(isLinearlySeparable(c)).toBe(false);
    expect(classifySeparation(c)).toBe('overlap');
    // A certificate, found by brute force: the red point lies inside a triangle of three blues.
    const culprit = separable.x[4] as P;
    expect(separable.y[4]).toBe(0);
    const blues = separable.x.filter((_, i) => separable.y[i] === 1) as P[];
    expect(hullsMeet([culprit], blues)).toBe(true);
  });

  it('says true for separable-l2 once its one crossing red point (index 4) is removed', () => {
    const c = fixtureColumns(separable, 4);
    expect(isLinearlySeparable(c)).toBe(true);
    expect(classifySeparation(c)).toBe('strict');
  });

  it('agrees with a brute-force hull-intersection oracle on 200 seeded small sets (n 3..12)', () => {
    const rng = makeRng(2024);
    const tally = { separable: 0, notSeparable: 0, oneClass: 0 };
    for (let t = 0; t < 200; t++) {
      const { red, blue } = randomSet(rng);
      const expected = red.length === 0 || blue.length === 0 || !hullsMeet(red, blue);
      expect(isLinearlySeparable(cols(red, blue)), JSON.stringify({ red, blue })).toBe(expected);
      if (red.length === 0 || blue.length === 0) tally.oneClass++;
      else if (expected) tally.separable++;
      else tally.notSeparable++;
    }
    // The generator must exercise both answers, not just one.
    expect(tally.separable).toBeGreaterThan(30);
    expect(tally.notSeparable).toBeGreaterThan(30);
  });

  it('agrees with an all-pairs separating-axis oracle on 100 seeded sets of 20 to 80 points', () => {
    // Bigger hulls than above, so the rotating calipers walk many vertices.
    const rng = makeRng(77);
    let separableCount = 0;
    for (let t = 0; t < 100; t++) {
      const n = 20 + Math.floor(rng() * 61);
      const shift = Math.floor(rng() * 40);
      const red: P[] = [];
      const blue: P[] = [];
      for (let i = 0; i < n; i++) {
        const p: P = [Math.floor(rng() * 30), Math.floor(rng() * 30)];
        if (i % 2 === 0) red.push(p);
        else blue.push([p[0] + shift, p[1] + Math.floor(shift / 3)]);
      }
      const expected = separatedByAnyPairAxis(red, blue);
      expect(isLinearlySeparable(cols(red, blue)), JSON.stringify({ red, blue })).toBe(expected);
      if (expected) separableCount++;
    }
    expect(separableCount).toBeGreaterThan(20);
    expect(separableCount).toBeLessThan(80);
  });

  it('says true, trivially, when only one class is present or there are no points', () => {
    expect(isLinearlySeparable(cols(pts('0,0 1,1 2,0'), []))).toBe(true);
    expect(isLinearlySeparable(cols([], pts('5,5')))).toBe(true);
    expect(classifySeparation(cols([], []))).toBe('one-class');
  });

  it('says false when a point carries both labels', () => {
    expect(isLinearlySeparable(cols(pts('1,1'), pts('1,1')))).toBe(false);
    expect(classifySeparation(cols(pts('1,1'), pts('1,1')))).toBe('overlap');
    expect(classifySeparation(cols(pts('1,1 0,0'), pts('1,1 3,0')))).toBe('touching');
  });
});

describe('classifySeparation', () => {
  it('calls hulls that share an edge or a vertex touching, not separable', () => {
    const square = pts('0,0 1,0 1,1 0,1');
    const moved = (dx: number, dy = 0) => square.map(([a, b]): P => [a + dx, b + dy]);
    expect(classifySeparation(cols(square, moved(1)))).toBe('touching');
    expect(classifySeparation(cols(square, moved(1, 1)))).toBe('touching');
    expect(isLinearlySeparable(cols(square, moved(1, 1)))).toBe(false);
    expect(classifySeparation(cols(square, moved(0.5)))).toBe('overlap');
    expect(classifySeparation(cols(square, moved(1.001)))).toBe('strict');
  });

  it('handles collinear classes: apart, end to end, interleaved, and on parallel lines', () => {
    expect(classifySeparation(cols(pts('0,0 1,0 2,0'), pts('3,0 4,0')))).toBe('strict');
    expect(classifySeparation(cols(pts('0,0 1,0 2,0'), pts('2,0 4,0')))).toBe('touching');
    expect(classifySeparation(cols(pts('0,0 2,0'), pts('1,0 3,0')))).toBe('overlap');
    expect(classifySeparation(cols(pts('0,0 5,0'), pts('0,1 5,1')))).toBe('strict');
    expect(classifySeparation(cols(pts('0,0 2,2'), pts('0,2 2,0')))).toBe('overlap');
    expect(classifySeparation(cols(pts('0,0 0,0 0,0'), pts('0,0')))).toBe('overlap');
  });

  it('calls a point on a polygon edge touching and a point inside it overlap', () => {
    const tri = pts('0,0 4,0 0,4');
    expect(classifySeparation(cols(tri, pts('2,2')))).toBe('touching');
    expect(classifySeparation(cols(tri, pts('1,1')))).toBe('overlap');
    expect(classifySeparation(cols(tri, pts('3,3')))).toBe('strict');
  });

  it('decides 1,000,000 points: separable blobs, one point out of place, hulls with 500,000 vertices', () => {
    const normal = makeNormal(makeRng(1), 0, 1);
    const blobs = toColumns(
      Array.from({ length: 1_000_000 }, (_, i) => {
        const label: Label = i % 2 === 0 ? 0 : 1;
        let x1: number;
        do x1 = normal();
        while (Math.abs(x1) < 0.1);
        return { x1: Math.abs(x1) * (label === 1 ? 1 : -1), x2: normal(), label };
      }),
    );
    expect(isLinearlySeparable(blobs)).toBe(true);
    // One red point moved into the middle of the blue blob spoils it.
    expect(blobs.y[0]).toBe(0);
    const spoiled = { ...blobs, x1: Float64Array.from(blobs.x1), x2: Float64Array.from(blobs.x2) };
    spoiled.x1[0] = 1;
    spoiled.x2[0] = 0;
    expect(classifySeparation(spoiled)).toBe('overlap');
    expect(isLinearlySeparable(circles(1_000_000, 2.5))).toBe(true);
    expect(classifySeparation(circles(200_000, 1.9))).toBe('overlap');
  }, 30_000);
});

/** Red points on the unit circle, blue on the same circle moved right by `dx`. */
function circles(n: number, dx: number): Columns {
  return toColumns(
    Array.from({ length: n }, (_, i) => {
      const t = (4 * Math.PI * Math.floor(i / 2)) / n;
      const label: Label = i % 2 === 0 ? 0 : 1;
      return { x1: Math.cos(t) + (label === 1 ? dx : 0), x2: Math.sin(t), label };
    }),
  );
}
