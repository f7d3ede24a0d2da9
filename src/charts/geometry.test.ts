import { describe, expect, it } from 'vitest';
import {
  clipLineToBox,
  dataExtent,
  equalAspectBox,
  footOfPerpendicular,
  invisibleChange,
  type Box,
} from './geometry.ts';

const box: Box = { x0: -5, x1: 5, y0: -4, y1: 4 };
const onLine = (w1: number, w2: number, c: number, [x, y]: readonly [number, number]) =>
  Math.abs(w1 * x + w2 * y + c);
const insideBox = ([x, y]: readonly [number, number]) =>
  x >= box.x0 - 1e-9 && x <= box.x1 + 1e-9 && y >= box.y0 - 1e-9 && y <= box.y1 + 1e-9;

describe('clipLineToBox', () => {
  it('clips a diagonal line to two points on the box edges that lie on the line', () => {
    const seg = clipLineToBox(1, 1, -1, box);
    expect(seg).not.toBeNull();
    for (const p of seg!) {
      expect(onLine(1, 1, -1, p)).toBeLessThan(1e-12);
      expect(insideBox(p)).toBe(true);
    }
  });

  it('draws a vertical boundary when w2 is zero', () => {
    expect(clipLineToBox(2, 0, -2, box)).toEqual([
      [1, -4],
      [1, 4],
    ]);
  });

  it('draws a horizontal boundary when w1 is zero', () => {
    expect(clipLineToBox(0, 3, -6, box)).toEqual([
      [-5, 2],
      [5, 2],
    ]);
  });

  it('returns null for the degenerate model w = 0', () => {
    expect(clipLineToBox(0, 0, 1, box)).toBeNull();
    expect(clipLineToBox(0, 0, 0, box)).toBeNull();
  });

  it('returns null when the line misses the box or only touches a corner', () => {
    expect(clipLineToBox(1, 0, -100, box)).toBeNull();
    expect(clipLineToBox(1, 1, -9, box)).toBeNull(); // x + y = 9 touches (5, 4) only
  });

  it('returns a single segment for a line through two opposite corners', () => {
    const seg = clipLineToBox(4, -5, 0, box)!; // through (-5,-4) and (5,4)
    const xs = seg.map((p) => p[0]).sort((a, b) => a - b);
    expect(xs[0]).toBeCloseTo(-5, 12);
    expect(xs[1]).toBeCloseTo(5, 12);
  });

  it('returns null for NaN or infinite weights', () => {
    expect(clipLineToBox(Number.NaN, 1, 0, box)).toBeNull();
    expect(clipLineToBox(Number.POSITIVE_INFINITY, 1, 0, box)).toBeNull();
  });

  it('stays on the line for huge weights of the separable limit', () => {
    const seg = clipLineToBox(4e6, 2.6e6, -5.9e6, box)!;
    for (const p of seg) expect(onLine(4, 2.6, -5.9, p)).toBeLessThan(1e-9);
  });
});

describe('footOfPerpendicular', () => {
  it('lands on the line at the closest point', () => {
    const [x, y] = footOfPerpendicular(1, 1, -2, 0, 0)!;
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(1, 12);
  });
  it('returns null when w = 0', () => {
    expect(footOfPerpendicular(0, 0, 1, 0, 0)).toBeNull();
  });
});

describe('equalAspectBox', () => {
  it('gives equal units per pixel on both axes and contains the padded extent', () => {
    const b = equalAspectBox({ x0: 0, x1: 10, y0: 0, y1: 2 }, 400, 300);
    expect((b.x1 - b.x0) / 400).toBeCloseTo((b.y1 - b.y0) / 300, 12);
    expect(b.x0).toBeLessThan(0);
    expect(b.x1).toBeGreaterThan(10);
    expect(b.y0).toBeLessThan(0);
    expect(b.y1).toBeGreaterThan(2);
  });
  it('gives a usable box for a single point', () => {
    const b = equalAspectBox({ x0: 3, x1: 3, y0: 3, y1: 3 }, 100, 100);
    expect(b.x1 - b.x0).toBeGreaterThan(0.9);
    expect(b.y1 - b.y0).toBeGreaterThan(0.9);
  });
});

describe('invisibleChange', () => {
  const box: Box = { x0: -5, x1: 5, y0: -4, y1: 4 };
  it('skips a redraw when the logit moves by far less than one colour step and the line by < 0.25 px', () => {
    expect(invisibleChange({ w1: 2, w2: 1, b: 0 }, { w1: 2 + 1e-5, w2: 1, b: 1e-5 }, box, 40)).toBe(
      true,
    );
  });
  it('redraws when the boundary moves by a pixel or more', () => {
    expect(invisibleChange({ w1: 2, w2: 1, b: 0 }, { w1: 2, w2: 1, b: 0.05 }, box, 40)).toBe(false);
  });
  it('redraws a flat model (w = 0) whenever the bias changes, however little', () => {
    expect(invisibleChange({ w1: 0, w2: 0, b: 0 }, { w1: 0, w2: 0, b: 1e-9 }, box, 40)).toBe(false);
  });
  it('redraws a curved model when only a quadratic weight changes (found in review)', () => {
    const w = { w1: 0.1, w2: 0.2, b: 0.3, w12: -1.5 };
    expect(invisibleChange(w, { ...w, w12: -1.4 }, box, 40)).toBe(false);
    expect(invisibleChange({ ...w, w12: 0 }, { ...w, w12: 1e-3 }, box, 40)).toBe(false);
    expect(invisibleChange(w, { ...w }, box, 40)).toBe(true);
  });
});

describe('dataExtent', () => {
  it('is the bounding box of the points, and a default box for none', () => {
    expect(
      dataExtent([
        { x1: 1, x2: -2 },
        { x1: -3, x2: 4 },
      ]),
    ).toEqual({ x0: -3, x1: 1, y0: -2, y1: 4 });
    expect(dataExtent([])).toEqual({ x0: -5, x1: 5, y0: -5, y1: 5 });
  });
});
