import { polygonHull } from 'd3-polygon';
import type { Columns } from './dataset.ts';

/**
 * How the two classes of a data set relate geometrically.
 * - `one-class`: a class is empty (trivially separable).
 * - `strict`: a line has every red point strictly on one side and every blue point strictly on
 *   the other (the convex hulls are disjoint): complete separation.
 * - `touching`: no strict separator, but a line has the classes on opposite closed sides without
 *   both lying on it (the hulls meet only at their boundaries): quasi-complete separation.
 * - `overlap`: neither; the hulls' relative interiors intersect.
 * With no L2 penalty, logistic regression has a finite optimum only for `overlap`.
 */
export type Separation = 'one-class' | 'strict' | 'touching' | 'overlap';

type Vec = readonly [number, number];

/** Outcome of one candidate separating direction: 1 strict, 0 touching, −1 neither. */
type Score = 1 | 0 | -1;

function pointsByClass(cols: Columns): [Vec[], Vec[]] {
  const red: Vec[] = [];
  const blue: Vec[] = [];
  for (let i = 0; i < cols.n; i++) {
    (cols.y[i] === 1 ? blue : red).push([cols.x1[i]!, cols.x2[i]!]);
  }
  return [red, blue];
}

/**
 * The convex hull as 1 point, 2 distinct segment ends, or a strictly convex counterclockwise
 * polygon (no repeated or collinear vertices) of 3 or more vertices.
 */
function convexShape(points: Vec[]): Vec[] {
  const [p, q] = points as [Vec, Vec?];
  if (points.length < 3) return q === undefined || (q[0] === p[0] && q[1] === p[1]) ? [p] : [p, q];
  // d3 returns 2 points (possibly equal) for collinear or identical input, else a strict hull.
  const hull = polygonHull(points as [number, number][]) as Vec[];
  if (hull.length < 3) return convexShape(hull);
  let twiceArea = 0;
  hull.forEach((v, i) => {
    const w = hull[(i + 1) % hull.length]!;
    twiceArea += v[0] * w[1] - w[0] * v[1];
  });
  return twiceArea > 0 ? hull : hull.reverse();
}

/** Cross product (q − p) × (r − p): > 0 when r is left of the directed line p → q. */
function cross(p: Vec, q: Vec, r: Vec): number {
  return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
}

function scoreOfGap(maxInside: number): Score {
  if (maxInside < 0) return 1;
  return maxInside === 0 ? 0 : -1;
}

/**
 * Best score over the edge lines of polygon `a` (≥ 3 counterclockwise vertices) with all of `b`
 * outside the edge. Rotating calipers: the vertex of `b` reaching furthest inside an edge moves
 * counterclockwise as the edges turn, so all edges cost O(|a| + |b|) in total.
 */
function edgeScore(a: Vec[], b: Vec[]): Score {
  const ka = a.length;
  const kb = b.length;
  let best: Score = -1;
  let j = -1;
  for (let i = 0; i < ka; i++) {
    const p = a[i]!;
    const q = a[(i + 1) % ka]!;
    let m: number;
    if (kb < 3 || j < 0) {
      m = -Infinity;
      b.forEach((v, k) => {
        const g = cross(p, q, v);
        if (g > m) [m, j] = [g, k];
      });
    } else {
      m = cross(p, q, b[j]!);
      for (let step = 0; step < kb; step++) {
        const next = (j + 1) % kb;
        const g = cross(p, q, b[next]!);
        if (g < m) break;
        [m, j] = [g, next];
      }
    }
    const s = scoreOfGap(m);
    if (s === 1) return 1;
    if (s > best) best = s;
  }
  return best;
}

/** Score of the direction `u`: do the projections of `a` and `b` onto it come apart? */
function axisScore(u: Vec, a: Vec[], b: Vec[]): Score {
  const o = a[0]!;
  const range = (vs: Vec[]): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of vs) {
      const t = u[0] * (v[0] - o[0]) + u[1] * (v[1] - o[1]);
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    return [lo, hi];
  };
  const [aLo, aHi] = range(a);
  const [bLo, bHi] = range(b);
  if (aHi < bLo || bHi < aLo) return 1;
  // Touching counts only if the common line does not hold every point of both classes.
  const allOnOneLine = aLo === aHi && bLo === bHi && aLo === bLo;
  return (aHi <= bLo || bHi <= aLo) && !allOnOneLine ? 0 : -1;
}

/** Directions to try for a point or a segment: the segment's direction and its normal. */
function degenerateAxes(s: Vec[], other: Vec[]): Vec[] {
  const [p, q] = s as [Vec, Vec?];
  if (q !== undefined)
    return [
      [q[0] - p[0], q[1] - p[1]],
      [p[1] - q[1], q[0] - p[0]],
    ];
  const [r, t] = other as [Vec, Vec?];
  // Point against point: the only useful direction joins them.
  return t === undefined ? [[r[0] - p[0], r[1] - p[1]]] : [];
}

/**
 * Best score over every candidate direction. The Minkowski difference of the two hulls has its
 * edges parallel to edges of the hulls (or, when degenerate, to a segment or to the line joining
 * two points), so these directions are enough for an exact answer.
 */
function separationScore(a: Vec[], b: Vec[]): Score {
  let best: Score = -1;
  const consider = (s: Score): boolean => {
    if (s > best) best = s;
    return best === 1;
  };
  if (a.length >= 3 && consider(edgeScore(a, b))) return 1;
  if (b.length >= 3 && consider(edgeScore(b, a))) return 1;
  const axes = [
    ...(a.length < 3 ? degenerateAxes(a, b) : []),
    ...(b.length < 3 ? degenerateAxes(b, a) : []),
  ];
  for (const u of axes) if (consider(axisScore(u, a, b))) return 1;
  return best;
}

/**
 * Classifies how the red and blue points relate; see {@link Separation}.
 *
 * Exact up to float64 rounding in the orientation tests (exact for integer coordinates below
 * 2^26). O(n log n): one convex hull per class, then rotating calipers over the hulls.
 *
 * @param cols The data; labels other than 1 count as red.
 */
export function classifySeparation(cols: Columns): Separation {
  const [red, blue] = pointsByClass(cols);
  if (red.length === 0 || blue.length === 0) return 'one-class';
  const score = separationScore(convexShape(red), convexShape(blue));
  if (score === 1) return 'strict';
  return score === 0 ? 'touching' : 'overlap';
}

/**
 * Whether a straight line has every red point strictly on one side and every blue point
 * strictly on the other. A point shared by both classes, or hulls that touch, make it false;
 * data with only one class (or none) are trivially separable (true).
 *
 * @param cols The data, any size (O(n log n); fine for 1,000,000 points).
 */
export function isLinearlySeparable(cols: Columns): boolean {
  const s = classifySeparation(cols);
  return s === 'strict' || s === 'one-class';
}
