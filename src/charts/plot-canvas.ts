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
  for (let r = 0; r < ch; r++) {
    const base = m.w2 * (box.y1 - (r + 0.5) * dy) + m.b;
    for (let c = 0; c < cw; c++) {
      const z = m.w1 * (box.x0 + (c + 0.5) * dx) + base;
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
