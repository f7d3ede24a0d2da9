/**
 * The filled contours of a loss grid, as the parameter-space view draws them: the levels, and one
 * SVG path per band in the grid's own units — vertex (i, j) at (i, j), so a path is valid for any
 * weight range, plot size or zoom and the page places it with one affine transform. Computed in
 * the worker beside the grid, so the page's main thread never traces contours.
 */
import { contours } from 'd3-contour';

/** One filled band: the cells where J ≥ `value`, as an SVG path in grid units. */
export interface SurfaceBand {
  value: number;
  d: string;
}

/** Levels per grid, at most (see `lossThresholds`). */
export const BAND_COUNT = 14;

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
export function lossThresholds(
  values: ArrayLike<number>,
  count = BAND_COUNT,
  floor = 1e-3,
): number[] {
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
 * Where one d3-contour coordinate sits in grid units (vertex index).
 *
 * d3.contours treats grid value k as the unit cell [k, k + 1], sampled at its centre k + 0.5, and
 * closes rings along the outer cell edges 0 and `size`. Our grid values are *vertices*, so
 * coordinate c is vertex c − 0.5, and the outer half cell (c < 0.5 or c > size − 0.5, where
 * nothing was sampled) is clamped onto the grid's edge: a filled band ends exactly at the range.
 *
 * @param c a contour coordinate in [0, size]
 * @param size vertices per side, ≥ 2
 * @returns a vertex coordinate in [0, size − 1]
 */
export function contourToGrid(c: number, size: number): number {
  return Math.min(size - 0.5, Math.max(0.5, c)) - 0.5;
}

/**
 * An SVG path for one d3-contour MultiPolygon, in grid units (`contourToGrid` on both axes,
 * rounded to 1/100 of a cell). Holes keep d3's opposite winding, so the default non-zero fill
 * rule cuts them out.
 */
export function bandPath(
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
  size: number,
): string {
  const parts: string[] = [];
  const at = (c: number) => Math.round(contourToGrid(c, size) * 100) / 100;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      ring.forEach((pt, k) => parts.push(`${k === 0 ? 'M' : 'L'}${at(pt[0]!)},${at(pt[1]!)}`));
      if (ring.length > 0) parts.push('Z');
    }
  }
  return parts.join('');
}

/**
 * The filled contours of a `size × size` grid (row-major, values[j·size + i]), lowest level
 * first. Non-finite cells: NaN shows as a gap, +Infinity as the highest band.
 */
export function surfaceBands(values: ArrayLike<number>, size: number): SurfaceBand[] {
  if (values.length !== size * size || size < 2) return [];
  const levels = lossThresholds(values, BAND_COUNT);
  const shapes = contours().size([size, size]).thresholds(levels)(Array.from(values));
  return shapes.map((s) => ({ value: s.value, d: bandPath(s.coordinates, size) }));
}
