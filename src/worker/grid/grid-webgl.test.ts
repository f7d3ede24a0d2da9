import { describe, expect, it } from 'vitest';
import {
  createWebGLGridEngine,
  EVALS_PER_DRAW,
  MAX_POINTS_PER_DRAW,
  planGrid,
} from './grid-webgl.ts';
import { SPAN } from './grid-webgl-shaders.ts';

// The kernel itself needs WebGL2: it is checked against lossGridF64 in a real browser
// (e2e/grid.spec.ts). Here: the draw plan, and the errors thrown where WebGL2 is missing.

const fakeCanvas = (getContext: () => unknown) =>
  ({ getContext, addEventListener: () => {} }) as unknown as OffscreenCanvas;

describe('createWebGLGridEngine without WebGL2', () => {
  it('says WebGL2 is unavailable when getContext returns null', () => {
    expect(() => createWebGLGridEngine(fakeCanvas(() => null))).toThrow(/WebGL2 is unavailable/);
  });

  it('says float render targets are missing without EXT_color_buffer_float', () => {
    const gl = { getExtension: () => null };
    expect(() => createWebGLGridEngine(fakeCanvas(() => gl))).toThrow(/EXT_color_buffer_float/);
  });
});

describe('planGrid', () => {
  it('keeps every draw within the evaluation budget and covers every point and row', () => {
    for (const size of [2, 5, 16, 64, 128, 300, 512]) {
      for (const n of [1, 63, 201, 5000, 100_000]) {
        const p = planGrid(size, n);
        const evals = Math.min(size, p.rowsPerDraw) * size * p.pointsPerDraw;
        expect(evals, `${size}² × ${n}`).toBeLessThanOrEqual(EVALS_PER_DRAW);
        expect(p.draws).toBe(Math.ceil(n / p.pointsPerDraw) * Math.ceil(size / p.rowsPerDraw));
      }
    }
  });

  it('sums whole spans of points over the whole grid when they fit', () => {
    expect(planGrid(64, 5000)).toEqual({ pointsPerDraw: 512, rowsPerDraw: 64, draws: 10 });
    expect(planGrid(128, 10_000)).toEqual({ pointsPerDraw: 128, rowsPerDraw: 128, draws: 79 });
    expect(planGrid(128, 201)).toEqual({ pointsPerDraw: 128, rowsPerDraw: 128, draws: 2 });
    expect(planGrid(128, 100).pointsPerDraw).toBe(100);
  });

  it('splits the rows into bands when one span over the whole grid is too much', () => {
    const p = planGrid(512, 1000);
    expect(p.pointsPerDraw).toBe(SPAN);
    expect(p.rowsPerDraw).toBe(EVALS_PER_DRAW / (512 * SPAN));
    expect(p.draws).toBe(16 * (512 / p.rowsPerDraw));
  });

  it('caps the points per draw on tiny grids, where a few fragments would loop for long', () => {
    expect(planGrid(2, 1_000_000)).toEqual({
      pointsPerDraw: MAX_POINTS_PER_DRAW,
      rowsPerDraw: 2,
      draws: Math.ceil(1_000_000 / MAX_POINTS_PER_DRAW),
    });
  });

  it('plans no draw for no points', () => {
    expect(planGrid(32, 0).draws).toBe(0);
  });
});
