import { describe, expect, it } from 'vitest';
import type { Columns } from './dataset.ts';
import type { Weights } from './maths.ts';
import {
  bceFromLogit,
  gradient,
  gradientNorm,
  logSigmoid,
  logit,
  lossAndGradient,
  objective,
  sigmoid,
  softplus,
} from './maths.ts';
import { makeNormal, makeRng } from './random.ts';

const EXTREME = [-1e6, -1000, -50, -1, -1e-9, 0, 1e-9, 1, 50, 1000, 1e6];

function columns(x1: number[], x2: number[], y: number[]): Columns {
  return {
    n: y.length,
    x1: Float64Array.from(x1),
    x2: Float64Array.from(x2),
    y: Float64Array.from(y),
  };
}

function randomColumns(n: number, seed: number): Columns {
  const rng = makeRng(seed);
  const normal = makeNormal(rng, 0, 2);
  const x1 = Array.from({ length: n }, normal);
  const x2 = Array.from({ length: n }, normal);
  const y = Array.from({ length: n }, () => (rng() < 0.5 ? 0 : 1));
  return columns(x1, x2, y);
}

describe('sigmoid', () => {
  it('is one half at zero and symmetric: σ(−z) = 1 − σ(z)', () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [0.1, 0.7, 2, 5, 13, 36]) {
      expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 15);
    }
  });

  it('reaches 0 and 1 without NaN at logits of ±1000, ±1e6 and ±Infinity', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1e6)).toBe(1);
    expect(sigmoid(-1e6)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
  });

  it('keeps relative precision for very negative logits, where 1 / (1 + e^−z) would too', () => {
    expect(sigmoid(-700) / Math.exp(-700)).toBeCloseTo(1, 12);
  });
});

describe('softplus and logSigmoid', () => {
  it('equal log(1 + e^z) for moderate logits', () => {
    for (const z of [-20, -3, -0.5, 0, 0.5, 3, 20]) {
      expect(softplus(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 13);
      expect(logSigmoid(z)).toBeCloseTo(Math.log(1 / (1 + Math.exp(-z))), 13);
    }
  });

  it('return finite linear limits at logits of ±1000 and ±1e6', () => {
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
    expect(softplus(1e6)).toBe(1e6);
    expect(logSigmoid(-1000)).toBe(-1000);
    expect(logSigmoid(-1e6)).toBe(-1e6);
    expect(logSigmoid(1000)).toBe(-0);
  });
});

describe('bceFromLogit', () => {
  it('returns finite loss for logits of ±1000 and ±1e6: ≈ |z| when wrong, ≈ 0 when right', () => {
    for (const z of [1000, 1e6]) {
      expect(bceFromLogit(z, 0)).toBe(z);
      expect(bceFromLogit(-z, 1)).toBe(z);
      expect(bceFromLogit(z, 1)).toBe(0);
      expect(bceFromLogit(-z, 0)).toBe(0);
    }
  });

  it('matches −[y·log p + (1 − y)·log(1 − p)] within 1e-10 for moderate logits', () => {
    // The naive form itself loses digits as p nears 1, hence 1e-10 rather than 1e-15.
    for (const z of [-8, -1.5, 0, 0.3, 4, 9]) {
      const p = 1 / (1 + Math.exp(-z));
      expect(bceFromLogit(z, 1)).toBeCloseTo(-Math.log(p), 10);
      expect(bceFromLogit(z, 0)).toBeCloseTo(-Math.log(1 - p), 10);
    }
  });

  it('is log 2 at a zero logit whatever the label', () => {
    expect(bceFromLogit(0, 0)).toBeCloseTo(Math.LN2, 15);
    expect(bceFromLogit(0, 1)).toBeCloseTo(Math.LN2, 15);
  });
});

describe('objective and gradient', () => {
  const tiny = columns([1, -2, 0.5], [0, 3, -1], [1, 0, 1]);

  it('computes the logit as w1·x1 + w2·x2 + b', () => {
    expect(logit({ w1: 2, w2: -3, b: 0.5 }, 1.5, 2)).toBe(-2.5);
  });

  it('adds l2/2·(w1² + w2²) and leaves the bias unpenalised', () => {
    const wts = { w1: 0.3, w2: -0.4, b: 7 };
    const bare = objective(tiny, wts);
    expect(objective(tiny, wts, 2)).toBeCloseTo(bare + 0.25, 14);
    const g0 = gradient(tiny, wts);
    const g2 = gradient(tiny, wts, 2);
    expect(g2.g1 - g0.g1).toBeCloseTo(0.6, 14);
    expect(g2.g2 - g0.g2).toBeCloseTo(-0.8, 14);
    expect(g2.gb).toBe(g0.gb);
  });

  it('is the mean cross-entropy: log 2 at zero weights', () => {
    expect(objective(tiny, { w1: 0, w2: 0, b: 0 })).toBeCloseTo(Math.LN2, 15);
  });

  it('stays finite with logits of ±1000 and ±1e6, with the right limits', () => {
    // Point 0 has logit +x, point 1 has logit −x: both wrongly classified.
    for (const z of [1000, 1e6]) {
      const cols = columns([z, -z], [0, 0], [0, 1]);
      const r = lossAndGradient(cols, { w1: 1, w2: 0, b: 0 });
      expect(r.loss).toBe(z);
      expect(r.g1).toBe(z); // mean((p − y)·x) = (1·z + (−1)(−z)) / 2
      expect(r.gb).toBe(0);
      const right = lossAndGradient(cols, { w1: -1, w2: 0, b: 0 });
      expect(right.loss).toBe(0);
      expect(Number.isFinite(right.g1)).toBe(true);
      expect(Math.abs(right.g1)).toBeLessThan(1e-300);
    }
  });

  it('matches central finite differences of the objective on seeded random data within 1e-6', () => {
    const cols = randomColumns(50, 7);
    const points: [Weights, number][] = [
      [{ w1: 0, w2: 0, b: 0 }, 0],
      [{ w1: 0.8, w2: -1.3, b: 0.4 }, 0],
      [{ w1: -2, w2: 0.5, b: -1 }, 0.1],
      [{ w1: 3, w2: 2, b: 1.5 }, 1],
    ];
    const h = 1e-5;
    for (const [wts, l2] of points) {
      const g = gradient(cols, wts, l2);
      const fd = (d: Partial<Weights>, e: Partial<Weights>) =>
        (objective(cols, { ...wts, ...d }, l2) - objective(cols, { ...wts, ...e }, l2)) / (2 * h);
      expect(Math.abs(g.g1 - fd({ w1: wts.w1 + h }, { w1: wts.w1 - h }))).toBeLessThan(1e-6);
      expect(Math.abs(g.g2 - fd({ w2: wts.w2 + h }, { w2: wts.w2 - h }))).toBeLessThan(1e-6);
      expect(Math.abs(g.gb - fd({ b: wts.b + h }, { b: wts.b - h }))).toBeLessThan(1e-6);
    }
  });

  it('fuses the same loss and gradient into lossAndGradient', () => {
    const cols = randomColumns(40, 3);
    const wts = { w1: 0.4, w2: 1.1, b: -0.2 };
    const fused = lossAndGradient(cols, wts, 0.05);
    expect(fused.loss).toBeCloseTo(objective(cols, wts, 0.05), 14);
    expect(fused).toMatchObject(gradient(cols, wts, 0.05));
  });

  it('returns NaN rather than a number for empty data', () => {
    const empty = columns([], [], []);
    expect(objective(empty, { w1: 1, w2: 1, b: 1 })).toBeNaN();
    expect(gradient(empty, { w1: 1, w2: 1, b: 1 }).gb).toBeNaN();
  });

  it('measures the gradient with the Euclidean norm', () => {
    expect(gradientNorm({ g1: 3, g2: 4, gb: 12 })).toBe(13);
    for (const z of EXTREME)
      expect(Number.isFinite(gradientNorm({ g1: z, g2: z, gb: z }))).toBe(true);
  });
});
