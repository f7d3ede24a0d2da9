/**
 * "Standardize features": descent on standardized columns, the weights shown raw. Checked against
 * plain gradient descent written out here on explicitly standardized columns (float64, another
 * way), and on every CPU engine.
 */
import { describe, expect, it } from 'vitest';
import { toColumns, type Columns } from '../../core/dataset.ts';
import { makePreset } from '../../core/datasets.ts';
import {
  featureFunctions,
  featureScaling,
  fromTheta,
  paramCount,
  restrictWeights,
  toTheta,
} from '../../core/features.ts';
import { objective, sigmoid, type Weights } from '../../core/maths.ts';
import { solveReference } from '../../core/reference-solver.ts';
import { smoothness } from '../../core/smoothness.ts';
import { DEFAULT_PARAMS, type Engine, type TrainParams } from './engine.ts';
import { createJsEngine } from './js-f64.ts';
import { createWasmEngine } from './wasm-f64.ts';

const FEATURES = 'x1sq-x2sq';
const circle = toColumns(
  makePreset('circle', { n: 300, noise: 1, seed: 42 }).filter((p) => p.split === 'train'),
);

/** Full-batch SGD on the standardized design matrix, penalising the raw weights w'/σ. */
function reference(cols: Columns, lr: number, l2: number, epochs: number): Weights {
  const fns = featureFunctions(FEATURES);
  const { mean, sd } = featureScaling(cols, FEATURES);
  const d = fns.length;
  const rows = Array.from({ length: cols.n }, (_, i) =>
    fns.map((f, k) => (f(cols.x1[i]!, cols.x2[i]!) - mean[k]!) / sd[k]!),
  );
  const th = new Array<number>(d + 1).fill(0);
  for (let e = 0; e < epochs; e++) {
    const g = new Array<number>(d + 1).fill(0);
    rows.forEach((r, i) => {
      const z = r.reduce((s, v, k) => s + v * th[k]!, th[d]!);
      const res = sigmoid(z) - cols.y[i]!;
      r.forEach((v, k) => (g[k]! += res * v));
      g[d]! += res;
    });
    for (let k = 0; k <= d; k++) {
      const pen = k < d ? (l2 * th[k]!) / (sd[k]! * sd[k]!) : 0;
      th[k]! -= lr * (g[k]! / cols.n + pen);
    }
  }
  const raw = th.slice(0, d).map((w, k) => w / sd[k]!);
  const b = th[d]! - raw.reduce((s, w, k) => s + w * mean[k]!, 0);
  return fromTheta([...raw, b], FEATURES);
}

function run(engine: Engine, p: TrainParams, epochs: number): Weights {
  engine.setData(circle);
  engine.setParams(p);
  engine.setWeights(restrictWeights({ w1: 0, w2: 0, b: 0 }, p.features));
  return engine.run(epochs);
}

const relErr = (a: Weights, b: Weights) =>
  Math.max(
    ...toTheta(b, FEATURES).map(
      (v, k) => Math.abs(toTheta(a, FEATURES)[k]! - v) / (1 + Math.abs(v)),
    ),
  );

describe('Standardize features', () => {
  const p: TrainParams = { ...DEFAULT_PARAMS, features: FEATURES, standardize: 'on', lr: 0.5 };

  it('the JavaScript engine is gradient descent on the standardized columns, weights shown raw', () => {
    for (const l2 of [0, 0.01]) {
      const want = reference(circle, 0.5, l2, 300);
      expect(relErr(run(createJsEngine(), { ...p, l2 }, 300), want)).toBeLessThan(1e-10);
    }
  });

  it('the WASM engine follows the JavaScript engine, with momentum and Adam too', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const q = { ...p, optimizer, l2: 0.01, lr: optimizer === 'sgd' ? 0.5 : 0.05 };
      const js = run(createJsEngine(), q, 500);
      expect(relErr(run(createWasmEngine(), q, 500), js)).toBeLessThan(1e-11);
    }
  });

  it('changes the path, not the optimum: far fewer epochs to the same exact optimum', () => {
    const opt = solveReference(circle, 0.01, { features: FEATURES });
    if (opt.status !== 'optimum') throw new Error(opt.message);
    const gap = (w: Weights) => objective(circle, w, 0.01) - opt.objective;
    // Each at a safe rate for its own coordinates (below its own 2/L).
    const rawLr = 0.9 * smoothness(circle, 0.01, FEATURES).maxStableLr;
    const stdLr = 0.9 * smoothness(circle, 0.01, FEATURES, true).maxStableLr;
    expect(stdLr).toBeGreaterThan(rawLr);
    const raw = run(createJsEngine(), { ...p, standardize: 'off', l2: 0.01, lr: rawLr }, 2_000);
    const std = run(createJsEngine(), { ...p, l2: 0.01, lr: stdLr }, 2_000);
    expect(gap(std)).toBeLessThan(1e-8);
    expect(gap(raw)).toBeGreaterThan(100 * gap(std));
    expect(paramCount(FEATURES)).toBe(5);
  });
});
