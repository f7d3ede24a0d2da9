/**
 * The hard-margin (maximum-margin) separating line of linearly separable 2-D data: the
 * perpendicular bisector of the shortest segment between the two classes' convex hulls. Gradient
 * descent on the unregularised logistic loss turns its boundary toward exactly this direction
 * while ‖w‖ grows without bound (Soudry et al., 2018).
 */
import { polygonHull } from 'd3-polygon';
import type { Columns } from './dataset.ts';
import type { Weights } from './maths.ts';
import { isLinearlySeparable } from './separability.ts';

type P = [number, number];

/** The max-margin line as unit-normal weights (w points to blue), and its half-width. */
export interface MaxMargin {
  weights: Weights;
  /** Distance from the line to the nearest point of either class, data units. */
  margin: number;
}

function hullOf(points: P[]): P[] {
  return points.length >= 3 ? (polygonHull(points) ?? points) : points;
}

/** The point of segment ab closest to p. */
function closestOnSegment(p: P, a: P, b: P): P {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return [a[0] + t * dx, a[1] + t * dy];
}

/** The closest pair (on `red`, on `blue`) between two convex polygons given as vertex lists. */
function closestPair(red: P[], blue: P[]): [P, P] {
  let best: [P, P] = [red[0]!, blue[0]!];
  let bestD = Infinity;
  const consider = (r: P, b: P) => {
    const d = (r[0] - b[0]) ** 2 + (r[1] - b[1]) ** 2;
    if (d < bestD) [bestD, best] = [d, [r, b]];
  };
  const edges = (poly: P[]) => poly.map((a, i) => [a, poly[(i + 1) % poly.length]!] as [P, P]);
  for (const r of red) for (const [a, b] of edges(blue)) consider(r, closestOnSegment(r, a, b));
  for (const b of blue) for (const [a, c] of edges(red)) consider(closestOnSegment(b, a, c), b);
  return best;
}

/**
 * The maximum-margin line of `cols`, or `null` when the classes are not strictly linearly
 * separable (or one class is missing). O(n log n) for the hulls plus O(h_red · h_blue).
 */
export function maxMargin(cols: Columns): MaxMargin | null {
  const red: P[] = [];
  const blue: P[] = [];
  for (let i = 0; i < cols.n; i++) (cols.y[i] === 1 ? blue : red).push([cols.x1[i]!, cols.x2[i]!]);
  if (red.length === 0 || blue.length === 0 || !isLinearlySeparable(cols)) return null;
  const [p, q] = closestPair(hullOf(red), hullOf(blue));
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const gap = Math.hypot(dx, dy);
  if (!(gap > 0)) return null;
  const w1 = dx / gap;
  const w2 = dy / gap;
  return {
    weights: { w1, w2, b: -(w1 * (p[0] + q[0]) + w2 * (p[1] + q[1])) / 2 },
    margin: gap / 2,
  };
}
