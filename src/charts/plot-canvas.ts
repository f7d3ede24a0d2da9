/** Pixel work of the data plot: the probability field and the canvas marks for large sets. */
import type { ScaleLinear } from 'd3-scale';
import type { Weights } from '../core/maths.ts';
import type { PlotPoint } from './data-plot.ts';
import type { Box } from './geometry.ts';
import { CLASS_COLOURS } from './palette.ts';

/**
 * Fills an RGBA buffer of `cw × ch` pixels with p(blue | x) through `lut` (256 RGBA entries), for
 * the data `box` (row 0 is the top, y = box.y1). The sigmoid is computed without overflow.
 */
export function paintField(
  out: Uint8ClampedArray,
  cw: number,
  ch: number,
  box: Box,
  m: Weights,
  lut: Uint8ClampedArray,
): void {
  const dx = (box.x1 - box.x0) / cw;
  const dy = (box.y1 - box.y0) / ch;
  const w11 = m.w11 ?? 0;
  const w22 = m.w22 ?? 0;
  const w12 = m.w12 ?? 0;
  for (let r = 0; r < ch; r++) {
    // Per row: z = (w1 + w12·x2)·x1 + w11·x1² + (w2·x2 + w22·x2² + b).
    const x2 = box.y1 - (r + 0.5) * dy;
    const base = m.w2 * x2 + w22 * x2 * x2 + m.b;
    const slope = m.w1 + w12 * x2;
    for (let c = 0; c < cw; c++) {
      const x1 = box.x0 + (c + 0.5) * dx;
      const z = slope * x1 + w11 * x1 * x1 + base;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const k = (Math.round(p * 255) || 0) * 4;
      const o = (r * cw + c) * 4;
      out[o] = lut[k]!;
      out[o + 1] = lut[k + 1]!;
      out[o + 2] = lut[k + 2]!;
      out[o + 3] = 255;
    }
  }
}

/** Above this many marks, they are written as pixels (see {@link writeMarkPixels}). */
export const PIXEL_MARKS_MIN = 50_000;

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

/**
 * Many marks as pixels, straight into an RGBA buffer of `w × h` device pixels (`scale` device
 * pixels per CSS pixel): ~3 CSS px each, red a round "plus", blue a square; a test point keeps
 * its ink on the rim and white inside (hollow, as the SVG marks). A path of a million arcs takes
 * ~1 s to fill; this takes a few tens of ms.
 */
export function writeMarkPixels(
  out: Uint8ClampedArray,
  w: number,
  h: number,
  scale: number,
  points: readonly PlotPoint[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): void {
  const inks = CLASS_COLOURS.map(rgb);
  const r = Math.max(1, Math.floor(1.5 * scale));
  const [ax, bx] = [x(1) - x(0), x(0)];
  const [ay, by] = [y(1) - y(0), y(0)];
  const put = (px: number, py: number, c: readonly number[]) => {
    if (px < 0 || py < 0 || px >= w || py >= h) return;
    const o = (py * w + px) * 4;
    out[o] = c[0]!;
    out[o + 1] = c[1]!;
    out[o + 2] = c[2]!;
    out[o + 3] = 255;
  };
  const white = [255, 255, 255];
  for (const p of points) {
    const cx = Math.round((ax * p.x1 + bx) * scale);
    const cy = Math.round((ay * p.x2 + by) * scale);
    const ink = inks[p.label]!;
    const hollow = p.split === 'test';
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        const rim = Math.abs(dx) === r || Math.abs(dy) === r;
        if (p.label === 0 && Math.abs(dx) === r && Math.abs(dy) === r) continue; // round corners
        put(cx + dx, cy + dy, hollow && !rim ? white : ink);
      }
    }
  }
}

/** Draws marks on a 2-D canvas: red circles, blue squares, train filled, test hollow; one path per kind. */
export function paintMarks(
  ctx: CanvasRenderingContext2D,
  points: readonly PlotPoint[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): void {
  if (points.length === 0) return;
  const r = points.length > 50_000 ? 1.5 : 2.5;
  ctx.lineWidth = 1;
  for (const label of [0, 1] as const) {
    for (const split of ['train', 'test'] as const) {
      ctx.beginPath();
      for (const p of points) {
        if (p.label !== label || p.split !== split) continue;
        const px = x(p.x1);
        const py = y(p.x2);
        if (label === 0) {
          ctx.moveTo(px + r, py);
          ctx.arc(px, py, r, 0, 2 * Math.PI);
        } else ctx.rect(px - r, py - r, 2 * r, 2 * r);
      }
      ctx.strokeStyle = CLASS_COLOURS[label];
      ctx.fillStyle = split === 'train' ? CLASS_COLOURS[label] : '#ffffff';
      ctx.fill();
      ctx.stroke();
    }
  }
}
