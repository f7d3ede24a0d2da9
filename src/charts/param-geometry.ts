/**
 * Pure geometry for the parameter-space plot: where d3-contour's coordinates sit in weight space,
 * which loss levels to draw, the descent arrow, the keyboard step and the thinned optimizer path.
 * No DOM.
 */
import type { WeightRange } from '../core/loss-surface.ts';

/** A screen point in px, `[x, y]`, y pointing down. */
export type Px = [number, number];

/**
 * Maps one coordinate of a d3-contour ring to a weight.
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
export function contourToWeight(c: number, range: readonly [number, number], size: number): number {
  const k = Math.min(size - 0.5, Math.max(0.5, c)) - 0.5;
  return range[0] + (k * (range[1] - range[0])) / (size - 1);
}

/**
 * An SVG path for one d3-contour MultiPolygon of a grid over `w1 × w2` with `size` vertices a
 * side: every ring point goes through `contourToWeight` and then `toPx`; coordinates are rounded
 * to 0.1 px. Holes keep d3's opposite winding, so the default non-zero fill rule cuts them out.
 */
export function contourPath(
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
  grid: { w1: readonly [number, number]; w2: readonly [number, number]; size: number },
  toPx: (w1: number, w2: number) => Px,
): string {
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      ring.forEach((pt, k) => {
        const [x, y] = toPx(
          contourToWeight(pt[0]!, grid.w1, grid.size),
          contourToWeight(pt[1]!, grid.w2, grid.size),
        );
        parts.push(`${k === 0 ? 'M' : 'L'}${round(x)},${round(y)}`);
      });
      if (ring.length > 0) parts.push('Z');
    }
  }
  return parts.join('');
}

/**
 * Loss levels for the filled contours, spaced geometrically in J − min + ε with ε = `floor` ·
 * (max − min): J spans orders of magnitude (0.01 … 50) and the interesting shape is near the
 * minimum, so the levels crowd there. Only finite values count (NaN and ±Infinity cells are
 * ignored).
 *
 * @param values the grid, any order
 * @param count how many levels at most (default 14, ≥ 1)
 * @param floor ε as a fraction of the span (default 1e-3, > 0)
 * @returns strictly increasing levels; the first is the finite minimum (so the lowest band covers
 *   every finite cell) and all lie below the finite maximum. `[min]` for a constant grid, `[]`
 *   when no value is finite.
 */
export function lossThresholds(values: ArrayLike<number>, count = 14, floor = 1e-3): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [];
  const span = Math.min(hi - lo, Number.MAX_VALUE);
  if (!(span > 0) || count <= 1) return [lo];
  const eps = span * floor;
  const ratio = (span + eps) / eps;
  const out = [lo];
  for (let k = 1; k < count; k++) {
    const t = lo - eps + eps * ratio ** (k / count);
    if (t > out.at(-1)! && t < hi) out.push(t);
  }
  return out;
}

/**
 * Where the descent arrow ends: `length` px from `from` in the direction −(g1, g2). The plot has
 * equal aspect, so a weight-space direction is a screen direction with y flipped.
 *
 * @returns the tip in px, or null when the gradient is non-finite or its norm ≤ `tiny`
 */
export function arrowEnd(
  from: Px,
  g1: number,
  g2: number,
  length: number,
  tiny = 1e-12,
): Px | null {
  if (!Number.isFinite(g1) || !Number.isFinite(g2)) return null;
  const norm = Math.hypot(g1, g2);
  if (!(norm > tiny) || !Number.isFinite(norm)) return null;
  return [from[0] - (length * g1) / norm, from[1] + (length * g2) / norm];
}

/** An arrowhead (closed triangle) at `tip` pointing away from `tail`, `size` px long. */
export function arrowHead(tail: Px, tip: Px, size = 8): string {
  const a = Math.atan2(tip[1] - tail[1], tip[0] - tail[0]);
  const p = (t: number): string =>
    `${round(tip[0] + size * Math.cos(a + t))},${round(tip[1] + size * Math.sin(a + t))}`;
  return `M${round(tip[0])},${round(tip[1])}L${p(Math.PI - 0.45)}L${p(Math.PI + 0.45)}Z`;
}

/**
 * A weight path on screen: each point mapped by `toPx`, coordinates clamped to ±`limit` px (an
 * exploding run reaches 1e30 and SVG cannot draw that), and points closer than `minPx` to the
 * previous kept point dropped (a long run has thousands of nearly equal weights). A non-finite
 * point becomes a `null` gap; the first and last point of each run are always kept.
 */
export function screenPolyline(
  path: readonly { w1: number; w2: number }[],
  toPx: (w1: number, w2: number) => Px,
  minPx = 0.75,
  limit = 1e5,
): (Px | null)[] {
  const out: (Px | null)[] = [];
  const clamp = (v: number): number => Math.max(-limit, Math.min(limit, v));
  let last: Px | null = null;
  let skipped: Px | null = null;
  for (const p of path) {
    if (!Number.isFinite(p.w1) || !Number.isFinite(p.w2)) {
      if (skipped) out.push(skipped);
      if (last) out.push(null);
      last = skipped = null;
      continue;
    }
    const [x, y] = toPx(p.w1, p.w2);
    const q: Px = [clamp(x), clamp(y)];
    if (last && Math.hypot(q[0] - last[0], q[1] - last[1]) < minPx) {
      skipped = q;
      continue;
    }
    out.push(q);
    last = q;
    skipped = null;
  }
  if (skipped) out.push(skipped);
  return out;
}

/**
 * One keyboard step from `w` by `fraction` of the range along `dir` (w2 up). An axis inside the
 * range stays inside it; one already outside (a diverged run) is not pulled back with a jump.
 */
export function keyStep(
  w: { w1: number; w2: number },
  dir: readonly [number, number],
  range: WeightRange,
  fraction: number,
): { w1: number; w2: number } {
  const move = (v: number, d: number, r: readonly [number, number]): number => {
    const next = v + d * fraction * (r[1] - r[0]);
    return v >= r[0] && v <= r[1] ? Math.min(r[1], Math.max(r[0], next)) : next;
  };
  return { w1: move(w.w1, dir[0], range.w1), w2: move(w.w2, dir[1], range.w2) };
}

/**
 * The largest square of a `width × height` box after margins, centred horizontally and
 * vertically: the weight range is square and one unit of w1 must span as many px as one of w2.
 */
export function squareArea(
  width: number,
  height: number,
  m: { top: number; right: number; bottom: number; left: number },
): { x0: number; y0: number; side: number } {
  const iw = Math.max(1, width - m.left - m.right);
  const ih = Math.max(1, height - m.top - m.bottom);
  const side = Math.min(iw, ih);
  return { x0: m.left + (iw - side) / 2, y0: m.top + (ih - side) / 2, side };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
