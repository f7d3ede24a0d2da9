import { contours } from 'd3-contour';
import { describe, expect, it } from 'vitest';
import { bandPath, contourToGrid, lossThresholds, surfaceBands } from './surface-bands.ts';

describe('contourToGrid', () => {
  it('puts d3 coordinate k + 0.5 (the sample of value k) on vertex k, and clamps the half cells', () => {
    for (const k of [0, 1, 4, 9]) expect(contourToGrid(k + 0.5, 10)).toBe(k);
    expect(contourToGrid(0, 10)).toBe(0);
    expect(contourToGrid(10, 10)).toBe(9);
  });
});

describe('bandPath', () => {
  it('writes one closed subpath per ring, in grid units', () => {
    const square = [
      [
        [
          [0.5, 0.5],
          [1.5, 0.5],
          [1.5, 1.5],
          [0.5, 0.5],
        ],
      ],
    ];
    expect(bandPath(square, 2)).toBe('M0,0L1,0L1,1L0,0Z');
  });

  it('draws nothing for no polygons', () => {
    expect(bandPath([], 2)).toBe('');
  });
});

describe('surfaceBands', () => {
  const size = 32;
  const bowl = Array.from({ length: size * size }, (_, k) => {
    const [i, j] = [k % size, Math.floor(k / size)];
    return 0.05 + 0.01 * ((i - 20) ** 2 + (j - 9) ** 2);
  });

  it('gives d3-contour’s bands at lossThresholds’ levels, lowest first, as grid-unit paths', () => {
    const bands = surfaceBands(bowl, size);
    const levels = lossThresholds(bowl);
    expect(bands.map((b) => b.value)).toEqual(levels);
    const shapes = contours().size([size, size]).thresholds(levels)(bowl);
    bands.forEach((b, k) => expect(b.d).toBe(bandPath(shapes[k]!.coordinates, size)));
    // Every coordinate lies on the grid: [0, size − 1] on both axes.
    for (const b of bands)
      for (const m of b.d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)) {
        for (const v of [Number(m[1]), Number(m[2])]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(size - 1);
        }
      }
  });

  it('draws no band for a grid of the wrong length or without finite values', () => {
    expect(surfaceBands(bowl.slice(1), size)).toEqual([]);
    expect(surfaceBands([NaN, NaN, NaN, NaN], 2)).toEqual([]);
  });
});

describe('lossThresholds', () => {
  const bowl = Array.from({ length: 400 }, (_, k) => 0.01 + ((k % 20) - 10) ** 2 + 0.1 * k);

  it('starts at the minimum, stays below the maximum and increases strictly', () => {
    const t = lossThresholds(bowl);
    expect(t[0]).toBe(Math.min(...bowl));
    expect(t.at(-1)!).toBeLessThan(Math.max(...bowl));
    for (let k = 1; k < t.length; k++) expect(t[k]!).toBeGreaterThan(t[k - 1]!);
    expect(t).toHaveLength(14);
  });

  it('crowds levels near the minimum: several within 1 % of the span', () => {
    const t = lossThresholds([0.01, 50]);
    expect(t.filter((v) => v - 0.01 < 0.5).length).toBeGreaterThanOrEqual(4);
  });

  it('spaces levels geometrically in J − min + ε', () => {
    const t = lossThresholds([0, 1000], 10, 1e-3);
    const eps = 1;
    const ratios = t.slice(2).map((v, k) => (v + eps) / (t[k + 1]! + eps));
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 9);
  });

  it('returns the one value of a constant grid', () => {
    expect(lossThresholds(new Float32Array(16).fill(0.69))).toEqual([Math.fround(0.69)]);
  });

  it('ignores NaN and Infinity cells', () => {
    const t = lossThresholds([NaN, 1, Infinity, 3, -Infinity, 2]);
    expect(t[0]).toBe(1);
    expect(t.every(Number.isFinite)).toBe(true);
    expect(t.at(-1)!).toBeLessThan(3);
  });

  it('returns no levels when nothing is finite, and for an empty grid', () => {
    expect(lossThresholds([NaN, Infinity])).toEqual([]);
    expect(lossThresholds([])).toEqual([]);
  });

  it('stays finite and increasing when the span overflows', () => {
    const t = lossThresholds([-1.7e308, 1.7e308]);
    expect(t.every(Number.isFinite)).toBe(true);
    for (let k = 1; k < t.length; k++) expect(t[k]!).toBeGreaterThan(t[k - 1]!);
  });

  it('drops levels that round onto each other for a tiny span at a large J', () => {
    const t = lossThresholds([1e6, 1e6 + 1e-9]);
    for (let k = 1; k < t.length; k++) expect(t[k]!).toBeGreaterThan(t[k - 1]!);
  });
});
