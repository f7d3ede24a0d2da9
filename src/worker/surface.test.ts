/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import fixture from '../core/__fixtures__/separable-l2.json';
import type { Columns } from '../core/dataset.ts';
import { lossGridF64 } from '../core/loss-surface.ts';
import { surfaceBands } from '../core/surface-bands.ts';
import type { SurfaceRequest } from './protocol.ts';
import { ordinal, SurfaceService } from './surface.ts';

const cols: Columns = {
  n: fixture.y.length,
  x1: Float64Array.from(fixture.x, (p) => p[0]!),
  x2: Float64Array.from(fixture.x, (p) => p[1]!),
  y: Float64Array.from(fixture.y),
};
const NO_GPU = { available: false, hardware: false, error: 'WebGL2 is unavailable here' };
const request = (patch: Partial<SurfaceRequest> = {}): SurfaceRequest => ({
  id: 1,
  w1: [-1, 4],
  w2: [-1, 4],
  b: -2.7,
  size: 64,
  engine: 'auto',
  ...patch,
});

/** n points of two blobs, deterministic. */
function many(n: number): Columns {
  const c = { n, x1: new Float64Array(n), x2: new Float64Array(n), y: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    c.x1[i] = Math.sin(i * 12.9898) * 2 + 2 * (i % 2);
    c.x2[i] = Math.cos(i * 78.233) * 2 + 2 * (i % 2);
    c.y[i] = i % 2;
  }
  return c;
}

describe('SurfaceService', () => {
  it('without WebGL, computes the live grid in float64 JS on the live data and L2, and says why', async () => {
    const s = new SurfaceService();
    const r = await s.compute(request(), { cols, l2: 0.01, data: 1 }, NO_GPU);
    expect(r.error).toBeUndefined();
    expect(r).toMatchObject({ id: 1, engine: 'js-f64', n: 200, total: 200 });
    expect(r.note).toContain('no WebGL here: WebGL2 is unavailable here');
    const want = lossGridF64(cols, r.spec);
    expect(r.spec.l2).toBe(0.01);
    r.values.forEach((v, k) => expect(Math.abs(v - want[k]!)).toBeLessThan(1e-6 * (1 + want[k]!)));
    // Its filled contours come with it, traced from these very values.
    expect(r.bands.length).toBeGreaterThan(5);
    expect(r.bands).toEqual(surfaceBands(r.values, r.spec.size));
    expect(r.contourMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps a live grid near a frame on large data: a smaller grid, then every k-th point', async () => {
    const s = new SurfaceService();
    const big = many(200_000);
    const r = await s.compute(request({ size: 128 }), { cols: big, l2: 0, data: 1 }, NO_GPU);
    expect(r.spec.size).toBeLessThan(128);
    expect(r.total).toBe(200_000);
    expect(r.n).toBeLessThan(200_000);
    expect(r.note).toMatch(
      /grid to stay live; on every \d+(?:st|nd|rd|th) point \([\d,]+ of 200,000\)/,
    );
    // The sampled grid is the exact grid of the sampled points.
    const step = Number(/on every (\d+)/.exec(r.note)![1]);
    expect(r.n).toBe(Math.ceil(200_000 / step));
    const sample = {
      n: r.n,
      x1: new Float64Array(r.n),
      x2: new Float64Array(r.n),
      y: new Float64Array(r.n),
    };
    for (let k = 0; k < r.n; k++) {
      sample.x1[k] = big.x1[k * step]!;
      sample.x2[k] = big.x2[k * step]!;
      sample.y[k] = big.y[k * step]!;
    }
    const want = lossGridF64(sample, r.spec);
    expect(Math.abs(r.values[77]! - want[77]!)).toBeLessThan(1e-6 * (1 + want[77]!));
  });

  it('once settled, computes up to SETTLED_GRID_MS: more than twice the live work, and says so', async () => {
    const s = new SurfaceService();
    const big = many(200_000);
    const live = { cols: big, l2: 0, data: 1 };
    // As in a run: live grids came first, so both budgets rest on this machine's measured rate,
    // not the first grid's guess (a busy machine may be several times slower than the guess).
    await s.compute(request({ size: 128 }), live, NO_GPU);
    const r = await s.compute(request({ size: 128 }), live, NO_GPU);
    const settled = await s.compute(request({ size: 128, settled: true }), live, NO_GPU);
    expect(r.settled).toBeUndefined();
    expect(settled.settled).toBe(true);
    const work = (x: typeof r) => x.spec.size ** 2 * x.n;
    expect(work(settled)).toBeGreaterThan(2 * work(r));
    expect(settled.note).toMatch(/grid: the most this machine computes in 150 ms/);
    // Small data fit at once: the full grid over every point.
    const few = { cols: many(20), l2: 0, data: 1 };
    const small = await s.compute(request({ size: 128, settled: true }), few, NO_GPU);
    expect(small).toMatchObject({
      n: 20,
      total: 20,
      settled: true,
      note: expect.not.stringMatching(/grid:/),
    });
    expect(small.spec.size).toBe(128);
  });

  it('computes an explicit request (the bench) exactly as asked, on its own data', async () => {
    const s = new SurfaceService();
    const d = many(5_000);
    const r = await s.compute(
      request({ size: 32, engine: 'js-f64', train: { x1: d.x1, x2: d.x2, y: d.y }, l2: 0.5 }),
      { cols, l2: 0, data: 1 },
      NO_GPU,
    );
    expect(r).toMatchObject({ engine: 'js-f64', n: 5_000, total: 5_000, note: '' });
    expect(r.spec).toMatchObject({ size: 32, l2: 0.5 });
  });

  it('answers an unavailable engine with an error, not a throw', async () => {
    const s = new SurfaceService();
    const r = await s.compute(request({ engine: 'fused-webgl' }), { cols, l2: 0, data: 1 }, NO_GPU);
    expect(r.error).toMatch(/WebGL2?/);
    expect(r.values.length).toBe(0);
  });
});

describe('ordinal', () => {
  it('says 1st, 2nd, 3rd, 4th, 11th–13th, 21st, 22nd, 112th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '112th',
    ]);
  });
});
