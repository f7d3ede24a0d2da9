/** Pixel work of the data plot: the probability field and the canvas marks for large sets. */
import type { ScaleLinear } from 'd3-scale';
import type { PointColumns } from '../core/dataset.ts';
import type { Weights } from '../core/maths.ts';
import type { PointSet } from '../core/point-set.ts';
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

/** An RGBA colour as one 32-bit pixel, in this machine's byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const pixel = ([r, g, b]: readonly number[]): number =>
  (LITTLE_ENDIAN
    ? (255 << 24) | (b! << 16) | (g! << 8) | r!
    : (r! << 24) | (g! << 16) | (b! << 8) | 255) >>> 0;

/**
 * One mark's pixels around its centre, as [dx, dy, pixel] triples: ~3 CSS px (`r` device pixels
 * each side), red a round "plus", blue a square; a test point keeps its ink on the rim and white
 * inside (hollow, as the SVG marks).
 */
function stencil(label: 0 | 1, hollow: boolean, r: number): Int32Array {
  const ink = pixel(rgb(CLASS_COLOURS[label]));
  const white = pixel([255, 255, 255]);
  const out: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const rim = Math.abs(dx) === r || Math.abs(dy) === r;
      if (label === 0 && Math.abs(dx) === r && Math.abs(dy) === r) continue; // round corners
      out.push(dx, dy, hollow && !rim ? white : ink);
    }
  }
  return Int32Array.from(out);
}

/**
 * Many marks as pixels, straight into an RGBA buffer of `w × h` device pixels (`scale` device
 * pixels per CSS pixel), for points `from` … `to` − 1 of `c` (the plot writes a million in
 * slices). A path of a million arcs takes ~1 s to fill; this writes whole pixels, ~10 ms per
 * 100,000 marks.
 */
export function writeMarkPixels(
  out: Uint8ClampedArray,
  w: number,
  h: number,
  scale: number,
  c: PointColumns,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  from = 0,
  to = c.x1.length,
): void {
  const px = new Uint32Array(out.buffer, out.byteOffset, w * h);
  const r = Math.max(1, Math.floor(1.5 * scale));
  const marks = [
    stencil(0, false, r),
    stencil(0, true, r),
    stencil(1, false, r),
    stencil(1, true, r),
  ];
  const [ax, bx] = [(x(1) - x(0)) * scale, x(0) * scale];
  const [ay, by] = [(y(1) - y(0)) * scale, y(0) * scale];
  for (let i = from; i < to; i++) {
    const cx = Math.round(ax * c.x1[i]! + bx);
    const cy = Math.round(ay * c.x2[i]! + by);
    const kind = c.label[i]! * 2 + c.test[i]!;
    const m = marks[kind]!;
    if (cx >= r && cy >= r && cx < w - r && cy < h - r) {
      const o = cy * w + cx;
      for (let k = 0; k < m.length; k += 3) px[o + m[k + 1]! * w + m[k]!] = m[k + 2]! >>> 0;
      continue;
    }
    for (let k = 0; k < m.length; k += 3) {
      const [u, v] = [cx + m[k]!, cy + m[k + 1]!];
      if (u >= 0 && v >= 0 && u < w && v < h) px[v * w + u] = m[k + 2]! >>> 0;
    }
  }
}

/** Draws marks on a 2-D canvas: red circles, blue squares, train filled, test hollow; one path per kind. */
export function paintMarks(
  ctx: CanvasRenderingContext2D,
  points: PointSet,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): void {
  if (points.length === 0) return;
  const r = points.length > 50_000 ? 1.5 : 2.5;
  ctx.lineWidth = 1;
  for (const label of [0, 1] as const) {
    for (const split of ['train', 'test'] as const) {
      ctx.beginPath();
      const c = points.columns;
      const test = split === 'test' ? 1 : 0;
      for (let i = 0; i < points.length; i++) {
        if (c.label[i] !== label || c.test[i] !== test) continue;
        const px = x(c.x1[i]!);
        const py = y(c.x2[i]!);
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
