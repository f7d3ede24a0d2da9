import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/features.json';
import pointsCsv from './__fixtures__/features-points.csv?raw';
import { toColumns, type Point } from './dataset.ts';
import { makePreset, type PresetId } from './datasets.ts';
import {
  FEATURE_SETS,
  featureLabels,
  featureList,
  featureSetOf,
  featureSetOfWeights,
  fromTheta,
  paramCount,
  QUAD_FEATURES,
  toTheta,
  withFeature,
} from './features.ts';
import { lossAndGradient, logit, objective, type Weights } from './maths.ts';
import {
  gridCoord,
  lossGridF64,
  sliceWeights,
  type GridSpec,
  type ParamKey,
} from './loss-surface.ts';
import { solveReference } from './reference-solver.ts';
import { maxEigenSym, smoothness } from './smoothness.ts';

/** The fixture's points of one preset (as the app made them when the fixture was written). */
function fixturePoints(preset: string): Point[] {
  return pointsCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((r) => r[0] === preset)
    .map(([, x1, x2, label, split]) => ({
      x1: Number(x1),
      x2: Number(x2),
      label: label === '1' ? 1 : 0,
      split: split === 'test' ? 'test' : 'train',
    }));
}

const train = (preset: string) =>
  toColumns(fixturePoints(preset).filter((p) => p.split === 'train'));

describe('feature sets', () => {
  it('lists all 8 subsets once, canonical, none first', () => {
    expect(FEATURE_SETS).toHaveLength(8);
    expect(new Set(FEATURE_SETS).size).toBe(8);
    expect(FEATURE_SETS[0]).toBe('none');
    for (const set of FEATURE_SETS) expect(featureSetOf(featureList(set))).toBe(set);
    expect(featureSetOf(['x1x2', 'x1sq', 'x1x2'])).toBe('x1sq-x1x2');
    expect(featureLabels('x1sq-x1x2')).toEqual(['x1', 'x2', 'x1²', 'x1·x2']);
  });

  it('withFeature turns one feature on or off and keeps the others', () => {
    expect(withFeature('none', 'x1x2', true)).toBe('x1x2');
    expect(withFeature('x1sq-x1x2', 'x1sq', false)).toBe('x1x2');
    expect(withFeature('x1x2', 'x1x2', false)).toBe('none');
  });

  it('θ round-trips: w1, w2, the active quadratic weights in order, then b', () => {
    const w: Weights = { w1: 1, w2: 2, b: 9, w11: 3, w12: 5 };
    expect(toTheta(w, 'x1sq-x1x2')).toEqual([1, 2, 3, 5, 9]);
    expect(fromTheta([1, 2, 3, 5, 9], 'x1sq-x1x2')).toEqual(w);
    expect(featureSetOfWeights(w)).toBe('x1sq-x1x2');
    expect(toTheta(w, 'none')).toEqual([1, 2, 9]);
    for (const set of FEATURE_SETS) expect(paramCount(set)).toBe(3 + featureList(set).length);
  });
});

describe('maths with features', () => {
  const cols = train('circle');
  const thetaArb = (set: string) =>
    fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
      minLength: paramCount(set),
      maxLength: paramCount(set),
    });

  it('the gradient equals central differences of the objective, for every feature set', () => {
    for (const set of FEATURE_SETS) {
      fc.assert(
        fc.property(thetaArb(set), fc.constantFrom(0, 0.1), (theta, l2) => {
          const w = fromTheta(theta, set);
          const g = lossAndGradient(cols, w, l2);
          const gTheta = toTheta(
            { w1: g.g1, w2: g.g2, b: g.gb, w11: g.g11, w22: g.g22, w12: g.g12 },
            set,
          );
          expect(g.loss).toBeCloseTo(objective(cols, w, l2), 12);
          theta.forEach((_, k) => {
            const h = 1e-6;
            const at = (d: number) =>
              objective(
                cols,
                fromTheta(
                  theta.map((v, i) => (i === k ? v + d : v)),
                  set,
                ),
                l2,
              );
            const fd = (at(h) - at(-h)) / (2 * h);
            expect(Math.abs(gTheta[k]! - fd)).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
          });
        }),
        { numRuns: 15, seed: 7 },
      );
    }
  });

  it('logit adds w11·x1² + w22·x2² + w12·x1·x2', () => {
    expect(logit({ w1: 1, w2: 2, b: 3, w11: 4, w22: 5, w12: 6 }, 2, -1)).toBe(
      2 - 2 + 3 + 16 + 5 - 12,
    );
    expect(logit({ w1: 1, w2: 2, b: 3 }, 2, -1)).toBe(3);
  });
});

describe('the exact optimum with features equals scikit-learn', () => {
  it('the fixture points are the presets as the app makes them', () => {
    for (const id of ['xor', 'circle'] as PresetId[]) {
      expect(makePreset(id, { n: 300, noise: 1, seed: 42 })).toEqual(fixturePoints(id));
    }
  });

  for (const c of fixture.cases) {
    it(`${c.preset} with ${c.features}, L2 ${c.l2}`, () => {
      const r = solveReference(train(c.preset), c.l2, { features: c.features });
      if (r.status !== 'optimum') throw new Error(r.message);
      expect(Object.keys(r.weights).sort()).toEqual(Object.keys(c.weights).sort());
      for (const [k, v] of Object.entries(c.weights)) {
        expect(Math.abs(r.weights[k as keyof Weights]! - v), k).toBeLessThan(
          1e-7 * (1 + Math.abs(v)),
        );
      }
      expect(r.objective).toBeCloseTo(c.objective, 12);
      expect(r.gradientNorm).toBeLessThan(1e-10);
    });
  }

  it('XOR with x1·x2 and no L2 is separable in feature space: no finite optimum', () => {
    const r = solveReference(train('xor'), 0, { features: 'x1x2' });
    expect(r.status).toBe('no-finite-optimum');
    if (r.status === 'no-finite-optimum') {
      expect(r.reason).toBe('separable');
      expect(r.message).toMatch(/boundary of these features splits the classes/);
    }
  });

  it('data a line splits, even with points on the line, have no optimum with features either (found in review)', () => {
    // Touching: a red and a blue point at the same place on the line x1 = 1, red left, blue right.
    // No θ of any features separates them strictly, yet the loss has no minimum (quasi-separation).
    const cols = toColumns([
      { x1: 0, x2: 0, label: 0 },
      { x1: 0, x2: 1, label: 0 },
      { x1: 1, x2: 0.5, label: 0 },
      { x1: 1, x2: 0.5, label: 1 },
      { x1: 2, x2: 0, label: 1 },
      { x1: 2, x2: 1, label: 1 },
    ]);
    for (const features of ['x1x2', 'x1sq-x2sq-x1x2']) {
      const r = solveReference(cols, 0, { features });
      expect(r.status, features).toBe('no-finite-optimum');
    }
    expect(solveReference(train('xor'), 0.01, { features: 'x1x2' }).status).toBe('optimum');
  });

  it('without features it is the straight-line model it always was', () => {
    const r = solveReference(train('xor'), 0.01);
    expect(r.status === 'optimum' && featureSetOfWeights(r.weights)).toBe('none');
  });
});

describe('the learning-rate bound with features', () => {
  it('λ_max by Jacobi equals the power method on random symmetric PSD matrices up to 6×6', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((k) =>
          fc.array(fc.double({ min: -5, max: 5, noNaN: true }), {
            minLength: k * k,
            maxLength: k * k,
          }),
        ),
        (a) => {
          const k = Math.round(Math.sqrt(a.length));
          // M = AᵀA + I is symmetric positive definite.
          const m = Array.from({ length: k * k }, (_, idx) => {
            const [r, c] = [Math.floor(idx / k), idx % k];
            let s = r === c ? 1 : 0;
            for (let i = 0; i < k; i++) s += a[i * k + r]! * a[i * k + c]!;
            return s;
          });
          let v = Array.from({ length: k }, (_, i) => 1 + i / 7);
          let lambda = 0;
          for (let it = 0; it < 5000; it++) {
            const mv = v.map((_, r) => v.reduce((s, x, c) => s + m[r * k + c]! * x, 0));
            lambda = Math.hypot(...mv) / Math.hypot(...v);
            v = mv.map((x) => x / Math.hypot(...mv));
          }
          expect(maxEigenSym(m)).toBeCloseTo(lambda, 6);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it('squares make L much larger: the circle with x1², x2² has a far smaller 2/L', () => {
    const cols = train('circle');
    const plain = smoothness(cols, 0).maxStableLr;
    const squared = smoothness(cols, 0, 'x1sq-x2sq').maxStableLr;
    expect(squared).toBeLessThan(plain / 5);
    // Below 2/L every full-batch step lowers the objective: the guarantee the bound gives.
    let w = fromTheta([0, 0, 0, 0, 0], 'x1sq-x2sq');
    let j = objective(cols, w, 0);
    for (let i = 0; i < 300; i++) {
      const g = lossAndGradient(cols, w, 0);
      const step = [g.g1, g.g2, g.g11!, g.g22!, g.gb];
      w = fromTheta(
        toTheta(w, 'x1sq-x2sq').map((v, k) => v - 0.99 * squared * step[k]!),
        'x1sq-x2sq',
      );
      const next = objective(cols, w, 0);
      expect(next).toBeLessThan(j);
      j = next;
    }
  });

  it('every quadratic feature enters in QUAD_FEATURES order', () => {
    expect(QUAD_FEATURES).toEqual(['x1sq', 'x2sq', 'x1x2']);
  });
});

describe('a slice of the loss surface', () => {
  it('each cell is the objective at the slice’s weights, for any two parameters', () => {
    const cols = train('circle');
    const at: Weights = { w1: 0.1, w2: -0.5, w11: -3, w22: -3.1, b: 14.9 };
    const pairs: [ParamKey, ParamKey][] = [
      ['w11', 'w22'],
      ['w1', 'b'],
      ['b', 'w22'],
      ['w1', 'w2'],
    ];
    for (const axes of pairs) {
      const spec: GridSpec = {
        w1: [-4, 2],
        w2: [-5, 16],
        b: 0,
        l2: 0.05,
        size: 5,
        slice: { axes, at },
      };
      const grid = lossGridF64(cols, spec);
      for (let j = 0; j < 5; j++) {
        for (let i = 0; i < 5; i++) {
          const w = sliceWeights(spec.slice!, gridCoord(spec.w1, 5, i), gridCoord(spec.w2, 5, j));
          expect(grid[j * 5 + i]).toBeCloseTo(objective(cols, w, 0.05), 10);
        }
      }
    }
  });
});
