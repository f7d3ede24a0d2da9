import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { pointColumns } from '../core/dataset.ts';
import { fieldLut } from './palette.ts';
import { paintField, writeMarkPixels } from './plot-canvas.ts';

describe('paintField', () => {
  it('paints p(blue | x): white on the boundary, red on the red side, blue on the blue side', () => {
    const lut = fieldLut();
    const out = new Uint8ClampedArray(3 * 1 * 4);
    // Model p = σ(x1): the boundary is x1 = 0, the middle pixel of [-3, 3] × [0, 1].
    paintField(out, 3, 1, { x0: -3, x1: 3, y0: 0, y1: 1 }, { w1: 10, w2: 0, b: 0 }, lut);
    const px = (i: number) => [out[i * 4]!, out[i * 4 + 1]!, out[i * 4 + 2]!];
    const [left, mid, right] = [px(0), px(1), px(2)];
    expect(left[0]!).toBeGreaterThan(left[2]!); // red side: more red than blue
    expect(right[2]!).toBeGreaterThan(right[0]!); // blue side: more blue than red
    expect(Math.min(...mid)).toBeGreaterThan(230); // p = 0.5: near white
    expect(out[3]).toBe(255);
  });

  it('stays finite for huge logits (no NaN colour from e^1000)', () => {
    const out = new Uint8ClampedArray(2 * 2 * 4);
    paintField(
      out,
      2,
      2,
      { x0: -1, x1: 1, y0: -1, y1: 1 },
      { w1: 1e6, w2: -1e6, b: 0 },
      fieldLut(),
    );
    expect([...out].every((v) => Number.isFinite(v))).toBe(true);
    expect(out.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
  });
});

describe('writeMarkPixels (many marks as pixels)', () => {
  const x = scaleLinear().domain([0, 10]).range([0, 10]);
  const y = scaleLinear().domain([0, 10]).range([10, 0]);
  const at = (out: Uint8ClampedArray, px: number, py: number) =>
    Array.from(out.slice((py * 10 + px) * 4, (py * 10 + px) * 4 + 4));
  const RED = [0xb2, 0x18, 0x2b, 255];
  const BLUE = [0x21, 0x66, 0xac, 255];

  it('draws a blue train point as a filled square, a red one with its corners off', () => {
    const out = new Uint8ClampedArray(10 * 10 * 4);
    writeMarkPixels(
      out,
      10,
      10,
      1,
      pointColumns([
        { x1: 2, x2: 8, label: 1, split: 'train' },
        { x1: 7, x2: 3, label: 0, split: 'train' },
      ]),
      x,
      y,
    );
    // blue at pixel (2, 2): 3 × 3 square, corners included
    expect(at(out, 2, 2)).toEqual(BLUE);
    expect(at(out, 1, 1)).toEqual(BLUE);
    expect(at(out, 3, 3)).toEqual(BLUE);
    // red at pixel (7, 7): the centre and the arms, not the corners
    expect(at(out, 7, 7)).toEqual(RED);
    expect(at(out, 6, 7)).toEqual(RED);
    expect(at(out, 6, 6)).toEqual([0, 0, 0, 0]);
  });

  it('leaves a test point white inside (hollow) and ignores what falls off the canvas', () => {
    const out = new Uint8ClampedArray(10 * 10 * 4);
    writeMarkPixels(
      out,
      10,
      10,
      1,
      pointColumns([
        { x1: 5, x2: 5, label: 1, split: 'test' },
        { x1: -50, x2: 500, label: 0, split: 'train' },
      ]),
      x,
      y,
    );
    expect(at(out, 5, 5)).toEqual([255, 255, 255, 255]);
    expect(at(out, 4, 4)).toEqual(BLUE);
    expect(out.filter((v, i) => i % 4 === 3 && v > 0).length).toBe(9);
  });

  it('writes in slices exactly what it writes at once, as pixel-by-pixel drawing does', () => {
    const [w, h, scale] = [37, 23, 2];
    const xs = scaleLinear()
      .domain([0, 10])
      .range([0, w / scale]);
    const ys = scaleLinear()
      .domain([0, 10])
      .range([h / scale, 0]);
    let seed = 7;
    const u = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 12 - 1;
    const pts = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      x1: u(),
      x2: u(),
      label: (i % 2) as 0 | 1,
      split: i % 3 === 0 ? ('test' as const) : ('train' as const),
    }));
    const cols = pointColumns(pts);
    const whole = new Uint8ClampedArray(w * h * 4);
    writeMarkPixels(whole, w, h, scale, cols, xs, ys);
    const sliced = new Uint8ClampedArray(w * h * 4);
    for (let from = 0; from < pts.length; from += 97)
      writeMarkPixels(sliced, w, h, scale, cols, xs, ys, from, Math.min(pts.length, from + 97));
    expect(sliced).toEqual(whole);
    // The same marks drawn one pixel at a time, clipped at every edge.
    const want = new Uint8ClampedArray(w * h * 4);
    const r = 3; // floor(1.5 · scale)
    for (const p of pts) {
      const [cx, cy] = [Math.round(xs(p.x1) * scale), Math.round(ys(p.x2) * scale)];
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          const [px, py] = [cx + dx, cy + dy];
          const corner = Math.abs(dx) === r && Math.abs(dy) === r;
          if (px < 0 || py < 0 || px >= w || py >= h || (p.label === 0 && corner)) continue;
          const rim = Math.abs(dx) === r || Math.abs(dy) === r;
          const ink = p.split === 'test' && !rim ? [255, 255, 255, 255] : [RED, BLUE][p.label]!;
          want.set(ink, (py * w + px) * 4);
        }
    }
    expect(whole).toEqual(want);
  });
});
