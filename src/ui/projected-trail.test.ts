import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growBox } from '../core/loss-surface.ts';
import type { Weights } from '../core/maths.ts';
import { ProjectedTrail } from './projected-trail.ts';

const plain = (w: Weights): Weights => ({ w1: w.w1, w2: w.w2, b: w.b });
const swapped = (w: Weights): Weights => ({ w1: w.b, w2: w.w1, b: w.b });
const entry = fc
  .record({
    w1: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    w2: fc.constantFrom(0, 1, -2, Number.NaN, 5e6),
    b: fc.double({ min: -5, max: 5, noNaN: true }),
  })
  .map((weights) => ({ weights }));

describe('ProjectedTrail', () => {
  it('equals projecting the whole history each time, as it grows, is cut or changes plane', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.array(fc.nat(15), { minLength: 1, maxLength: 8 }),
        (history, chunks) => {
          const trail = new ProjectedTrail();
          const check = (h: readonly { weights: Weights }[], project: typeof plain) => {
            const want = h.map((q) => project(q.weights));
            const got = trail.of(h, project);
            expect(got.path).toEqual(want);
            expect(got.box).toEqual(growBox(null, want));
          };
          let n = 0;
          for (const c of chunks) {
            n = Math.min(history.length, n + c);
            check(history.slice(0, n), plain); // a new array each time, as the client makes
          }
          check(history.slice(0, Math.floor(n / 2)), plain); // cut (a truncated curve)
          check(history.slice(0, n), swapped); // another plane
          check(
            history.map((q) => ({ ...q })),
            swapped,
          ); // another run, the same numbers
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it('keeps the projected points of a growing curve (the chart folds in only new ones)', () => {
    const h = [0, 1, 2].map((k) => ({ weights: { w1: k, w2: k, b: 0 } }));
    const trail = new ProjectedTrail();
    const first = trail.of(h.slice(0, 2), plain).path;
    const next = trail.of(h, plain).path;
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[1]).toBe(first[1]);
    expect(trail.of(h, plain).path).toBe(next); // nothing new: the same array
  });
});
