import { describe, expect, it } from 'vitest';
import overlap from './__fixtures__/overlap-mle.json';
import separable from './__fixtures__/separable-l2.json';
import type { Columns, Label } from './dataset.ts';
import { toColumns } from './dataset.ts';
import { gdEpochs, runGradientDescent } from './gradient-descent.ts';
import type { Weights } from './maths.ts';
import { lossAndGradient } from './maths.ts';
import { solveReference } from './reference-solver.ts';

function fixtureColumns(f: { x: number[][]; y: number[] }): Columns {
  return toColumns(f.x.map(([x1, x2], i) => ({ x1: x1!, x2: x2!, label: f.y[i] as Label })));
}

const cols = fixtureColumns(separable);
const CHECKPOINTS = separable.gradient_descent.checkpoints as Record<
  string,
  { w: number[]; b: number; loss: number }
>;
const MARKS = Object.keys(CHECKPOINTS).map(Number);

// A deliberately plain second implementation, one epoch at a time through lossAndGradient.
function naiveGd(c: Columns, w: Weights, lr: number, l2: number, epochs: number): Weights {
  let cur = { ...w };
  for (let e = 0; e < epochs; e++) {
    const g = lossAndGradient(c, cur, l2);
    cur = { w1: cur.w1 - lr * g.g1, w2: cur.w2 - lr * g.g2, b: cur.b - lr * g.gb };
  }
  return cur;
}

describe('runGradientDescent on the tutorial recipe (separable-l2, lr 0.01, l2 0, from zeros)', () => {
  const run = runGradientDescent(cols, { lr: 0.01, epochs: 200_000, checkpoints: MARKS });

  // The fixture's run used the unrounded data, while its JSON stores x to 6 decimals. That gap
  // grows from 1e-10 after 1 epoch to 1.1e-6 in b after 200,000 epochs (NumPy on the stored
  // data shows exactly the same gap), so 1e-9 is unreachable from the stored data: we allow
  // 2e-6 on w and b and 1e-8 on the loss, and check 1e-12 against NumPy on the stored data below.
  it('reproduces every fixture checkpoint: w and b within 2e-6, loss within 1e-8', () => {
    expect(run.checkpoints.size).toBe(MARKS.length);
    for (const mark of MARKS) {
      const want = CHECKPOINTS[String(mark)]!;
      const got = run.checkpoints.get(mark)!;
      expect(Math.abs(got.weights.w1 - want.w[0]!), `w1 @${mark}`).toBeLessThan(2e-6);
      expect(Math.abs(got.weights.w2 - want.w[1]!), `w2 @${mark}`).toBeLessThan(2e-6);
      expect(Math.abs(got.weights.b - want.b), `b @${mark}`).toBeLessThan(2e-6);
      expect(Math.abs(got.loss - want.loss), `loss @${mark}`).toBeLessThan(1e-8);
    }
  });

  it('reproduces NumPy float64 gradient descent on the stored data within 1e-12', () => {
    // NumPy: w -= 0.01 * mean((p - y) * x) per epoch, on the 6-decimal x of the fixture.
    const numpy: Record<number, [number, number, number, number]> = {
      1: [0.008613480725, 0.008404001324999999, 0, 0.678810793040349],
      10: [0.07887454534534086, 0.07681512162309484, -0.0015047840163241646, 0.5726989280760797],
      1000: [1.1115401101686448, 1.0064858821020255, -0.7354066251599385, 0.09065103813161242],
      200000: [4.00055071366543, 2.605018326960802, -5.91246074124288, 0.013978963100525354],
    };
    for (const [mark, [w1, w2, b, loss]] of Object.entries(numpy)) {
      const got = run.checkpoints.get(Number(mark))!;
      expect(Math.abs(got.weights.w1 - w1)).toBeLessThan(1e-12);
      expect(Math.abs(got.weights.w2 - w2)).toBeLessThan(1e-12);
      expect(Math.abs(got.weights.b - b)).toBeLessThan(1e-12);
      expect(Math.abs(got.loss - loss)).toBeLessThan(1e-12);
    }
    expect(run.weights).toEqual(run.checkpoints.get(200_000)!.weights);
  });

  it('runs all 200,000 epochs on 200 points: one unbroken run, the loss falling at every mark', () => {
    // Stopping at the checkpoints changes nothing: the same epochs in one go give the same bits.
    expect(gdEpochs(cols, { w1: 0, w2: 0, b: 0 }, 0.01, 0, 200_000)).toEqual(run.weights);
    const losses = [...run.checkpoints.values()].map((c) => c.loss);
    expect(losses).toHaveLength(MARKS.length);
    for (let i = 1; i < losses.length; i++) {
      expect(losses[i], `loss at mark ${i}`).toBeLessThan(losses[i - 1]!);
    }
    // The blobs are nearly separable: after 200,000 epochs all but 2 of the 200 points are on
    // their own side of the boundary (the NumPy weights above misplace the same 2).
    const { w1, w2, b } = run.weights;
    expect(cols.n).toBe(200);
    const wrong = [...cols.y].filter(
      (y, i) => (w1 * cols.x1[i]! + w2 * cols.x2[i]! + b > 0 ? 1 : 0) !== y,
    );
    expect(wrong).toHaveLength(2);
  });
});

describe('gdEpochs', () => {
  it('agrees with a plain epoch-by-epoch implementation within 1e-12, with an L2 penalty', () => {
    const start = { w1: 0.5, w2: -0.25, b: 1 };
    const fast = gdEpochs(cols, start, 0.05, 0.1, 500);
    const slow = naiveGd(cols, start, 0.05, 0.1, 500);
    expect(Math.abs(fast.w1 - slow.w1)).toBeLessThan(1e-12);
    expect(Math.abs(fast.w2 - slow.w2)).toBeLessThan(1e-12);
    expect(Math.abs(fast.b - slow.b)).toBeLessThan(1e-12);
    expect(start).toEqual({ w1: 0.5, w2: -0.25, b: 1 });
  });

  it('converges to the reference optimum of overlap-mle', () => {
    const oc = fixtureColumns(overlap);
    const ref = solveReference(oc, 0);
    if (ref.status !== 'optimum') throw new Error(ref.message);
    const w = gdEpochs(oc, { w1: 0, w2: 0, b: 0 }, 1, 0, 5000);
    expect(Math.abs(w.w1 - ref.weights.w1)).toBeLessThan(1e-9);
    expect(Math.abs(w.w2 - ref.weights.w2)).toBeLessThan(1e-9);
    expect(Math.abs(w.b - ref.weights.b)).toBeLessThan(1e-9);
  });

  it('stays finite with a huge learning rate that drives logits past ±1000', () => {
    const w = gdEpochs(cols, { w1: 0, w2: 0, b: 0 }, 1e4, 0, 50);
    expect(Math.abs(w.w1)).toBeGreaterThan(1000);
    expect(Number.isFinite(w.w1) && Number.isFinite(w.w2) && Number.isFinite(w.b)).toBe(true);
  });

  it('returns the starting weights after 0 epochs', () => {
    expect(gdEpochs(cols, { w1: 1, w2: 2, b: 3 }, 0.01, 0, 0)).toEqual({ w1: 1, w2: 2, b: 3 });
  });
});

describe('runGradientDescent options', () => {
  it('records checkpoint 0 as the start, accepts duplicates and unsorted checkpoints', () => {
    const run = runGradientDescent(cols, {
      lr: 0.01,
      epochs: 20,
      checkpoints: [10, 0, 10],
      init: { w1: 1, w2: 0, b: 0 },
    });
    expect([...run.checkpoints.keys()]).toEqual([0, 10]);
    expect(run.checkpoints.get(0)!.weights).toEqual({ w1: 1, w2: 0, b: 0 });
    expect(run.checkpoints.get(10)!.weights).toEqual(
      gdEpochs(cols, { w1: 1, w2: 0, b: 0 }, 0.01, 0, 10),
    );
    expect(run.weights).toEqual(gdEpochs(cols, { w1: 1, w2: 0, b: 0 }, 0.01, 0, 20));
  });

  it('includes the L2 penalty in the recorded loss', () => {
    const run = runGradientDescent(cols, {
      lr: 0.01,
      l2: 0.5,
      epochs: 0,
      checkpoints: [0],
      init: { w1: 2, w2: 0, b: 0 },
    });
    expect(run.checkpoints.get(0)!.loss).toBeCloseTo(
      lossAndGradient(cols, { w1: 2, w2: 0, b: 0 }).loss + 1,
      14,
    );
  });

  it('throws a RangeError naming the bad lr, l2, epochs or checkpoint', () => {
    expect(() => runGradientDescent(cols, { lr: 0, epochs: 1 })).toThrow(
      'invalid lr; not a finite number > 0: 0',
    );
    expect(() => runGradientDescent(cols, { lr: 0.1, l2: -1, epochs: 1 })).toThrow(
      'invalid l2; not a finite number ≥ 0: -1',
    );
    expect(() => runGradientDescent(cols, { lr: 0.1, epochs: 1.5 })).toThrow(
      'invalid epochs; not an integer ≥ 0: 1.5',
    );
    expect(() => runGradientDescent(cols, { lr: 0.1, epochs: 5, checkpoints: [6] })).toThrow(
      'invalid checkpoint; not an integer in [0, 5]: 6',
    );
  });
});
