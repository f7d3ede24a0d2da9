import { featureSetOfWeights, isLinear, toTheta } from '../core/features.ts';
import type { Weights } from '../core/maths.ts';
/** Pure geometry for drawing a linear model inside a rectangular plot box. No DOM. */

/** An axis-aligned box in data coordinates. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A segment from `a` to `b`, both `[x, y]` in data coordinates. */
export type Segment = readonly [readonly [number, number], readonly [number, number]];

/**
 * Clips the line `w1·x + w2·y + c = 0` to `box`.
 *
 * Handles vertical (w2 = 0) and horizontal (w1 = 0) lines and lines through a corner. Returns
 * `null` when the line misses the box, only touches it in one point, or is degenerate
 * (w1 = w2 = 0, or any non-finite input).
 */
export function clipLineToBox(w1: number, w2: number, c: number, box: Box): Segment | null {
  if (![w1, w2, c, box.x0, box.x1, box.y0, box.y1].every(Number.isFinite)) return null;
  if (w1 === 0 && w2 === 0) return null;
  const hits: [number, number][] = [];
  const add = (x: number, y: number): void => {
    const eps = 1e-12 * (Math.abs(box.x1 - box.x0) + Math.abs(box.y1 - box.y0));
    const inside =
      x >= Math.min(box.x0, box.x1) - eps &&
      x <= Math.max(box.x0, box.x1) + eps &&
      y >= Math.min(box.y0, box.y1) - eps &&
      y <= Math.max(box.y0, box.y1) + eps;
    if (!inside || !Number.isFinite(x) || !Number.isFinite(y)) return;
    if (hits.some(([hx, hy]) => Math.abs(hx - x) <= eps && Math.abs(hy - y) <= eps)) return;
    hits.push([x, y]);
  };
  if (w2 !== 0) {
    add(box.x0, -(w1 * box.x0 + c) / w2);
    add(box.x1, -(w1 * box.x1 + c) / w2);
  }
  if (w1 !== 0) {
    add(-(w2 * box.y0 + c) / w1, box.y0);
    add(-(w2 * box.y1 + c) / w1, box.y1);
  }
  if (hits.length < 2) return null;
  // A line crosses a convex box in at most two distinct points; keep the farthest pair.
  let best: Segment = [hits[0]!, hits[1]!];
  let bestD = -1;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const d = (hits[i]![0] - hits[j]![0]) ** 2 + (hits[i]![1] - hits[j]![1]) ** 2;
      if (d > bestD) {
        bestD = d;
        best = [hits[i]!, hits[j]!];
      }
    }
  }
  return bestD > 0 ? best : null;
}

/**
 * The point of the line `w1·x + w2·y + c = 0` closest to `(cx, cy)` — where the weight vector
 * (the boundary's normal) is drawn from. `null` when w = 0.
 */
export function footOfPerpendicular(
  w1: number,
  w2: number,
  c: number,
  cx: number,
  cy: number,
): [number, number] | null {
  const n2 = w1 * w1 + w2 * w2;
  if (!(n2 > 0) || !Number.isFinite(n2)) return null;
  const t = (w1 * cx + w2 * cy + c) / n2;
  return [cx - t * w1, cy - t * w2];
}

/**
 * Expands the data extent `[xmin, xmax] × [ymin, ymax]` by `pad` (a fraction of the span) and then
 * widens one axis so that one data unit spans the same number of pixels on both axes of a
 * `width × height` plot — so the boundary's normal looks perpendicular to it.
 */
export function equalAspectBox(
  extent: Box,
  width: number,
  height: number,
  pad = 0.08,
  minSpan = 1,
): Box {
  let { x0, x1, y0, y1 } = extent;
  if (!(x1 - x0 >= minSpan)) [x0, x1] = [(x0 + x1) / 2 - minSpan / 2, (x0 + x1) / 2 + minSpan / 2];
  if (!(y1 - y0 >= minSpan)) [y0, y1] = [(y0 + y1) / 2 - minSpan / 2, (y0 + y1) / 2 + minSpan / 2];
  const px = (x1 - x0) * pad;
  const py = (y1 - y0) * pad;
  x0 -= px;
  x1 += px;
  y0 -= py;
  y1 += py;
  const unitsPerPx = Math.max((x1 - x0) / width, (y1 - y0) / height);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    x0: cx - (unitsPerPx * width) / 2,
    x1: cx + (unitsPerPx * width) / 2,
    y0: cy - (unitsPerPx * height) / 2,
    y1: cy + (unitsPerPx * height) / 2,
  };
}

/**
 * True when drawing `next` instead of `prev` would change nothing a person can see: the logit
 * moves by < 0.01 everywhere in the box (under one step of the 256-level colour table) and the
 * boundary moves by < 0.25 px. A model with quadratic features is redrawn on any change (its
 * logit's change is not linear, so the box's corners do not bound it).
 */
export function invisibleChange(
  prev: Weights,
  next: Weights,
  box: Box,
  pxPerUnit: number,
): boolean {
  if (!isLinear(prev) || !isLinear(next)) {
    return (
      featureSetOfWeights(prev) === featureSetOfWeights(next) &&
      toTheta(prev, featureSetOfWeights(prev)).every(
        (v, i) => v === toTheta(next, featureSetOfWeights(next))[i],
      )
    );
  }
  let dz = 0;
  for (const x of [box.x0, box.x1]) {
    for (const y of [box.y0, box.y1]) {
      dz = Math.max(
        dz,
        Math.abs((next.w1 - prev.w1) * x + (next.w2 - prev.w2) * y + (next.b - prev.b)),
      );
    }
  }
  const norm = Math.hypot(next.w1, next.w2);
  return dz < 0.01 && (norm === 0 ? dz === 0 : (dz / norm) * pxPerUnit < 0.25);
}

/** The bounding box of the points; a 10 × 10 box around 0 when there are none. */
export function dataExtent(points: readonly { x1: number; x2: number }[]): Box {
  if (points.length === 0) return { x0: -5, x1: 5, y0: -5, y1: 5 };
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    if (p.x1 < x0) x0 = p.x1;
    if (p.x1 > x1) x1 = p.x1;
    if (p.x2 < y0) y0 = p.x2;
    if (p.x2 > y1) y1 = p.x2;
  }
  return { x0, x1, y0, y1 };
}
