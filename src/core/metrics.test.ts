import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/imbalanced-l2.json';
import type { Label } from './dataset.ts';
import { toColumns } from './dataset.ts';
import { accuracy, confusion, predict } from './metrics.ts';

const wts = { w1: 1, w2: -1, b: 0 };
// Logits: 2, −2, 0, 1, −3 against labels 1, 1, 0, 0, 0.
const cols = toColumns([
  { x1: 2, x2: 0, label: 1 },
  { x1: 0, x2: 2, label: 1 },
  { x1: 1, x2: 1, label: 0 },
  { x1: 1, x2: 0, label: 0 },
  { x1: 0, x2: 3, label: 0 },
]);

describe('predict', () => {
  it('returns the logit, its probability and the class by the sign of the logit', () => {
    expect(predict({ w1: 2, w2: 1, b: -1 }, 1, 1)).toEqual({
      p: 1 / (1 + Math.exp(-2)),
      logit: 2,
      label: 1,
    });
    expect(predict({ w1: 2, w2: 1, b: -1 }, -1, 0).label).toBe(0);
  });

  it('calls a point on the boundary (logit 0, p = 0.5) blue', () => {
    expect(predict(wts, 1, 1)).toEqual({ p: 0.5, logit: 0, label: 1 });
  });
});

describe('confusion and accuracy', () => {
  it('count blue as positive and add up to n', () => {
    expect(confusion(cols, wts)).toEqual({ tp: 1, fn: 1, fp: 2, tn: 1 });
    expect(accuracy(cols, wts)).toBeCloseTo(2 / 5, 15);
  });

  it("reproduce the fixture's accuracy at its optimum (imbalanced-l2: 0.9682)", () => {
    const c = toColumns(
      fixture.x.map(([x1, x2], i) => ({ x1: x1!, x2: x2!, label: fixture.y[i] as Label })),
    );
    const [w1, w2] = fixture.optimum.w as [number, number];
    expect(accuracy(c, { w1, w2, b: fixture.optimum.b })).toBe(fixture.optimum.accuracy);
    const m = confusion(c, { w1, w2, b: fixture.optimum.b });
    expect(m.tp + m.fn).toBe(40);
    expect(m.tn + m.fp).toBe(180);
  });

  it('give NaN accuracy for no points', () => {
    expect(accuracy(toColumns([]), wts)).toBeNaN();
  });
});
