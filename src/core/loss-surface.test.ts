import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxCorners,
  checkGridSpec,
  growBox,
  fitWeightRange,
  gridCoord,
  gridMinimum,
  lossGridF64,
  rangeHolds,
  type GridSpec,
} from './loss-surface.ts';
import { objective } from './maths.ts';
import { makeNormal, makeRng } from './random.ts';

const normal = makeNormal(makeRng(3), 0, 1);
const n = 57;
const cols = {
  n,
  x1: Float64Array.from({ length: n }, () => normal()),
  x2: Float64Array.from({ length: n }, () => normal()),
  y: Float64Array.from({ length: n }, (_, i) => i % 2),
};
const spec: GridSpec = { w1: [-3, 5], w2: [-4, 2], b: 0.7, l2: 0.05, size: 9 };

describe('lossGridF64', () => {
  it('holds J(w1_i, w2_j, b) at every vertex, row-major, both range ends included', () => {
    const g = lossGridF64(cols, spec);
    expect(g.length).toBe(81);
    for (let j = 0; j < 9; j++)
      for (let i = 0; i < 9; i++) {
        const w = { w1: gridCoord(spec.w1, 9, i), w2: gridCoord(spec.w2, 9, j), b: spec.b };
        expect(g[j * 9 + i]).toBeCloseTo(objective(cols, w, spec.l2), 12);
      }
    expect(gridCoord(spec.w1, 9, 0)).toBe(-3);
    expect(gridCoord(spec.w1, 9, 8)).toBe(5);
  });

  it('stays finite for huge weights, and is the L2 term alone for no data', () => {
    const huge = lossGridF64(cols, { ...spec, w1: [-1e4, 1e4], w2: [-1e4, 1e4] });
    expect(huge.every(Number.isFinite)).toBe(true);
    const empty = {
      n: 0,
      x1: new Float64Array(0),
      x2: new Float64Array(0),
      y: new Float64Array(0),
    };
    const g = lossGridF64(empty, { ...spec, size: 2 });
    expect(g[3]).toBeCloseTo(0.5 * 0.05 * (25 + 4), 12);
  });

  it('refuses a bad spec with the bad value in the message', () => {
    expect(() => checkGridSpec({ ...spec, size: 1 })).toThrow(/grid size.*: 1$/);
    expect(() => checkGridSpec({ ...spec, size: 2.5 })).toThrow(/2.5/);
    expect(() => checkGridSpec({ ...spec, w1: [2, 2] })).toThrow(/w1 range.*\[2, 2\]/);
    expect(() => checkGridSpec({ ...spec, w2: [0, Number.NaN] })).toThrow(/w2 range/);
    expect(() => checkGridSpec({ ...spec, b: Infinity })).toThrow(/b; not finite: Infinity/);
    expect(() => checkGridSpec({ ...spec, l2: -1 })).toThrow(/l2; not ≥ 0: -1/);
  });
});

describe('gridMinimum', () => {
  it('finds the lowest finite vertex and its weights, skipping NaN', () => {
    const values = [5, Number.NaN, 3, 4, 2, 9, 2, 8, 7];
    const s = { ...spec, size: 3 };
    expect(gridMinimum(values, s)).toEqual({ i: 1, j: 1, w1: 1, w2: -1, value: 2 });
  });

  it('returns null when nothing is finite', () => {
    expect(gridMinimum([Number.NaN, Infinity, Number.NaN, -Infinity], { ...spec, size: 2 })).toBe(
      null,
    );
  });
});

describe('fitWeightRange and rangeHolds', () => {
  it('fits a square around the points and the origin with a margin, at least ±minHalf', () => {
    const r = fitWeightRange([{ w1: 4, w2: 1 }]);
    expect(r.w1[1] - r.w1[0]).toBeCloseTo(r.w2[1] - r.w2[0], 12);
    expect(r.w1[0]).toBeLessThan(0);
    expect(r.w1[1]).toBeGreaterThan(4);
    expect(
      rangeHolds(r, [
        { w1: 4, w2: 1 },
        { w1: 0, w2: 0 },
      ]),
    ).toBe(true);
    expect(fitWeightRange([])).toEqual({ w1: [-2, 2], w2: [-2, 2] });
  });

  it('ignores non-finite and exploding weights (a diverging run) and says when points leave the inner 90 %', () => {
    const r = fitWeightRange([
      { w1: Number.NaN, w2: 1e300 * 10 },
      { w1: 1, w2: 1 },
    ]);
    expect(Number.isFinite(r.w1[0]) && Number.isFinite(r.w2[1])).toBe(true);
    expect(rangeHolds(r, [{ w1: r.w1[1], w2: 0 }])).toBe(false);
  });

  it('answer the same on the corners of a box folded in by chunks as on all the points', () => {
    const v = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e6, -1e6, 0),
    );
    const w = fc.record({ w1: v, w2: v });
    fc.assert(
      fc.property(
        fc.array(w, { maxLength: 60 }),
        fc.array(fc.nat(20), { maxLength: 6 }),
        w,
        w,
        (pts, cuts, q1, q2) => {
          let box = null;
          let from = 0;
          for (const c of [...cuts, pts.length]) {
            const to = Math.min(pts.length, from + c);
            box = growBox(box, pts.slice(from, to));
            from = to;
          }
          box = growBox(box, pts.slice(from));
          const corners = boxCorners(box);
          expect(fitWeightRange(corners)).toEqual(fitWeightRange(pts));
          for (const r of [fitWeightRange(pts), fitWeightRange([q1, q2])])
            expect(rangeHolds(r, corners)).toBe(rangeHolds(r, pts));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
