import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toColumns, type Label } from './dataset.ts';
import { gradient } from './maths.ts';
import { gradientPulls } from './pulls.ts';

const finite = fc.double({ min: -5, max: 5, noNaN: true });

describe('gradientPulls', () => {
  it('sum to the gradient of the mean cross-entropy, to 1e-12', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(finite, finite, fc.constantFrom<Label>(0, 1)), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.tuple(finite, finite, finite),
        (rows, [w1, w2, b]) => {
          const cols = toColumns(rows.map(([x1, x2, label]) => ({ x1, x2, label })));
          const p = gradientPulls(cols, { w1, w2, b });
          const g = gradient(cols, { w1, w2, b }, 0);
          expect(Math.abs(p.sum.g1 - g.g1)).toBeLessThan(1e-12);
          expect(Math.abs(p.sum.g2 - g.g2)).toBeLessThan(1e-12);
          expect(Math.abs(p.sum.gb - g.gb)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it('make a misclassified point pull hardest, a confident right one barely', () => {
    const cols = toColumns([
      { x1: -2, x2: 0, label: 0 }, // right and confident
      { x1: 2, x2: 0, label: 1 }, // right and confident
      { x1: 1.5, x2: 0, label: 0 }, // wrong side
    ]);
    const p = gradientPulls(cols, { w1: 3, w2: 0, b: 0 });
    expect(p.strongest[0]).toBe(2);
    expect(p.residual[2]).toBeGreaterThan(0.98);
    expect(Math.abs(p.residual[0]!)).toBeLessThan(0.003);
  });
});
