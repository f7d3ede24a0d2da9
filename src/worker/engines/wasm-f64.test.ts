/**
 * The WASM SIMD float64 engine against the float64 JavaScript engine (the ground truth), and its
 * binary against the generator it is built from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kernelModuleSource, kernelWat } from '../../../scripts/wasm/kernel.mjs';
import { readFileSync } from 'node:fs';
import { toColumns } from '../../core/dataset.ts';
import { makePreset } from '../../core/datasets.ts';
import type { Weights } from '../../core/maths.ts';
import { restrictWeights } from '../../core/features.ts';

/** Zero weights of the model of `features` (their fields present). */
const fromThetaZeros = (features: string): Weights =>
  restrictWeights({ w1: 0, w2: 0, b: 0 }, features);
import { DEFAULT_PARAMS, type Engine, type TrainParams } from './engine.ts';
import { createJsEngine } from './js-f64.ts';
import { createWasmEngine } from './wasm-f64.ts';

const relErr = (a: Weights, b: Weights) => {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  return Math.max(
    ...(['w1', 'w2', 'b', 'w11', 'w22', 'w12'] as const)
      .filter((k) => b[k] !== undefined)
      .map((k) => Math.abs(a[k]! - b[k]!) / (1 + Math.abs(b[k]!))),
  );
};

function train(
  engine: Engine,
  cols: ReturnType<typeof toColumns>,
  p: TrainParams,
  epochs: number,
  start: Weights = { w1: 0, w2: 0, b: 0 },
) {
  engine.setData(cols);
  engine.setParams(p);
  engine.setWeights(start);
  return engine.run(epochs);
}

/** The same training on the WASM engine and on float64 JavaScript: [wasm, js]. */
const both = (...args: Parameters<typeof train> extends [Engine, ...infer R] ? R : never) =>
  [createWasmEngine(), createJsEngine()].map((e) => train(e, ...args)) as [Weights, Weights];

describe('the WASM SIMD float64 engine', () => {
  const options = { n: 300, noise: 1, seed: 7 };
  const overlap = toColumns(makePreset('overlap', options));

  it.each(['sgd', 'momentum', 'adam'] as const)(
    'follows float64 JavaScript to 1e-12 over 2,000 epochs with %s and L2',
    (optimizer) => {
      const p = { ...DEFAULT_PARAMS, optimizer, l2: 0.01, lr: 0.05 };
      const [a, b] = both(overlap, p, 2_000);
      expect(relErr(a, b)).toBeLessThan(1e-12);
    },
  );

  it.each(['x1x2', 'x1sq-x2sq', 'x1sq-x2sq-x1x2', 'x2sq'])(
    'with the features %s follows float64 JavaScript to 1e-11 (the kernel computes them on the fly)',
    (features) => {
      const circle = toColumns(makePreset('circle', options));
      for (const optimizer of ['sgd', 'adam'] as const) {
        const p = { ...DEFAULT_PARAMS, optimizer, features, l2: 0.01, lr: 0.01 };
        const [a, b] = both(circle, p, 1_000, fromThetaZeros(features));
        // Squares reach ~16 here: the sums' last-digit differences (another order of addition)
        // are ~10× those of the straight-line model's.
        expect(relErr(a, b)).toBeLessThan(1e-11);
      }
      // Odd sizes: the last point is done in JavaScript, with the same features.
      const odd = toColumns(makePreset('circle', options).slice(0, 37));
      const [a, b] = both(odd, { ...DEFAULT_PARAMS, features, lr: 0.05 }, 20);
      expect(relErr(a, b)).toBeLessThan(1e-13);
    },
  );

  it('takes odd sizes, one point and none, and any placement in the 4-vector loop (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 37 }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (n, w) => {
          const cols = toColumns(makePreset('overlap', options).slice(0, n));
          const p = { ...DEFAULT_PARAMS, lr: 0.1 };
          const start = { w1: w, w2: -w / 2, b: 0.3 };
          const [a, b] = both(cols, p, 5, start);
          expect(relErr(a, b)).toBeLessThan(1e-13);
        },
      ),
    );
  });

  it('gives the same answer as JavaScript where the logit is huge (σ saturates, nothing overflows)', () => {
    const p = { ...DEFAULT_PARAMS, lr: 1 };
    for (const start of [
      { w1: 1e6, w2: -1e6, b: 3 },
      { w1: -800, w2: 900, b: 0 },
    ]) {
      const [a, b] = both(overlap, p, 3, start);
      expect(relErr(a, b)).toBeLessThan(1e-12);
    }
  });

  it('diverges to NaN or ±Infinity exactly when JavaScript does', () => {
    const p = { ...DEFAULT_PARAMS, lr: 1e300 };
    const [a, b] = both(overlap, p, 50);
    for (const k of ['w1', 'w2', 'b'] as const) {
      expect(Number.isFinite(a[k]), k).toBe(Number.isFinite(b[k]));
    }
  });

  it('trains full batches only (the registry says so too)', () => {
    const e = createWasmEngine();
    expect(e.supports({ ...DEFAULT_PARAMS, batchSize: 0 })).toBe(true);
    expect(e.supports({ ...DEFAULT_PARAMS, batchSize: 32 })).toBe(false);
  });

  it('ships the bytes that scripts/wasm/kernel.mjs builds (npm run build:wasm)', async () => {
    const here = (f: string) => readFileSync(new URL(f, import.meta.url), 'utf8');
    expect(here('./wasm-f64-binary.ts')).toBe(await kernelModuleSource());
    expect(here('./wasm-f64.wat')).toBe(kernelWat());
  });
});
