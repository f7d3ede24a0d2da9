/**
 * Curved level sets of the logit, for models with quadratic features: where w·φ(x) + b = level.
 * d3-contour traces them on a grid of logits over the box (marching squares), and each vertex is
 * then moved onto the exact curve by Newton steps along the logit's gradient, so the drawn curve
 * is exact to float64 at every zoom, not a grid's approximation. Pure: no DOM.
 */
import { contours } from 'd3-contour';
import { logit, type Weights } from '../core/maths.ts';
import type { Box } from './geometry.ts';

/** A polyline in data coordinates. */
export type Polyline = [number, number][];

/** Grid samples along each axis (the curve's shape; its points are then exact). */
const GRID = 120;

/** ∂z/∂x1 and ∂z/∂x2 of the logit at (a, c). */
function gradientAt(w: Weights, a: number, c: number): [number, number] {
  const w12 = w.w12 ?? 0;
  return [w.w1 + 2 * (w.w11 ?? 0) * a + w12 * c, w.w2 + 2 * (w.w22 ?? 0) * c + w12 * a];
}

/** Moves (a, c) onto the level set by Newton steps along the gradient; null if it cannot. */
export function projectOntoLevel(
  w: Weights,
  level: number,
  a: number,
  c: number,
): [number, number] | null {
  for (let k = 0; k < 8; k++) {
    const r = logit(w, a, c) - level;
    const [ga, gc] = gradientAt(w, a, c);
    const g2 = ga * ga + gc * gc;
    if (!(g2 > 0) || !Number.isFinite(g2)) return null;
    a -= (r * ga) / g2;
    c -= (r * gc) / g2;
    if (Math.abs(r) <= 1e-13 * (1 + Math.abs(level))) break;
  }
  return Number.isFinite(a) && Number.isFinite(c) ? [a, c] : null;
}

/**
 * The curves where the logit equals `level` inside `box`, as polylines in data coordinates.
 * Empty when the level is not reached in the box or the weights are not finite.
 */
export function levelCurves(w: Weights, level: number, box: Box, grid = GRID): Polyline[] {
  if (!Object.values(w).every(Number.isFinite)) return [];
  const dx = (box.x1 - box.x0) / (grid - 1);
  const dy = (box.y1 - box.y0) / (grid - 1);
  const values = new Float64Array(grid * grid);
  for (let j = 0; j < grid; j++) {
    for (let i = 0; i < grid; i++)
      values[j * grid + i] = logit(w, box.x0 + i * dx, box.y0 + j * dy);
  }
  const rings = contours().size([grid, grid]).thresholds([level])(Array.from(values))[0];
  if (!rings) return [];
  // d3-contour puts sample i at grid coordinate i + 0.5 and closes each ring along the grid's
  // border (coordinate 0 or `grid`); the curve itself is the part of each ring off the border.
  const onBorder = ([gx, gy]: number[]) => gx! <= 0 || gx! >= grid || gy! <= 0 || gy! >= grid;
  const out: Polyline[] = [];
  for (const polygon of rings.coordinates) {
    for (const ring of polygon) {
      let run: Polyline = [];
      const flush = () => {
        if (run.length >= 2) out.push(run);
        run = [];
      };
      for (const v of ring) {
        if (onBorder(v)) {
          flush();
          continue;
        }
        const a = box.x0 + (v[0]! - 0.5) * dx;
        const c = box.y0 + (v[1]! - 0.5) * dy;
        const p = projectOntoLevel(w, level, a, c);
        if (p === null) flush();
        else if (!run.length || p[0] !== run.at(-1)![0] || p[1] !== run.at(-1)![1]) run.push(p);
      }
      flush();
    }
  }
  return out;
}

/** SVG path data of polylines through scales `x` and `y` (pixels). */
export function pathOf(
  lines: readonly Polyline[],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  return lines
    .map((l) =>
      l.map(([a, c], i) => `${i ? 'L' : 'M'}${x(a).toFixed(2)},${y(c).toFixed(2)}`).join(''),
    )
    .join('');
}
