// grid-tfjs.ts imports TF.js's .wasm files with Vite's `?url`, which this test project's types
// do not declare; Vitest resolves them.
/// <reference types="vite/client" />
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lossGridF64, type GridSpec } from '../../core/loss-surface.ts';
import { gridSpec, randomCols } from './grid-test-data.ts';
import { createGridEngine, type GridEngine } from './grid-engine.ts';
import { bceSums, uploadColumns } from './grid-tfjs.ts';

// TF.js runs here on its cpu backend (float32); webgl and wasm are checked in the browser.

const spec = (over: Partial<GridSpec> = {}): GridSpec => gridSpec({ size: 16, ...over });

/** The largest |Δ| / (1 + |J|) between a float32 grid and the float64 reference. */
function worstError(got: Float32Array, want: Float64Array): number {
  expect(got.length).toBe(want.length);
  let worst = 0;
  got.forEach((g, k) => {
    worst = Math.max(worst, Math.abs(g - want[k]!) / (1 + Math.abs(want[k]!)));
  });
  return worst;
}

let engine: GridEngine;
beforeAll(async () => {
  engine = await createGridEngine('tfjs-cpu');
});
afterAll(() => engine.dispose());

describe('the tfjs-cpu grid engine', () => {
  it('matches lossGridF64 within 1e-4·(1 + |J|) on random data, with and without L2', () => {
    for (const [n, seed] of [
      [1, 1],
      [301, 2],
      [2000, 3],
    ] as const) {
      const cols = randomCols(n, seed);
      engine.setData(cols);
      for (const s of [spec(), spec({ l2: 0.3, b: -2, size: 9 })]) {
        expect(worstError(engine.compute(s), lossGridF64(cols, s))).toBeLessThan(1e-4);
      }
    }
  });

  it('stays finite and accurate at huge logits (|w| up to 1000, l2 = 0.01)', () => {
    const cols = randomCols(200, 4);
    engine.setData(cols);
    const s = spec({ w1: [-1000, 1000], w2: [-1000, 1000], b: 30, l2: 0.01, size: 7 });
    const got = engine.compute(s);
    expect(got.every(Number.isFinite)).toBe(true);
    expect(worstError(got, lossGridF64(cols, s))).toBeLessThan(1e-4);
  });

  it('gives the L2 term alone when there are no points', () => {
    const empty = {
      n: 0,
      x1: new Float64Array(0),
      x2: new Float64Array(0),
      y: new Float64Array(0),
    };
    engine.setData(empty);
    const s = spec({ l2: 2, size: 3, w1: [-1, 1], w2: [0, 2] });
    expect(Array.from(engine.compute(s))).toEqual([1, 0, 1, 2, 1, 2, 5, 4, 5]);
  });

  it('leaves no tensor behind: compute keeps the count, dispose frees the data', async () => {
    const start = tf.memory().numTensors;
    const own = await createGridEngine('tfjs-cpu');
    own.setData(randomCols(500, 5));
    own.setData(randomCols(600, 6));
    const before = tf.memory().numTensors;
    own.compute(spec({ size: 64 }));
    own.compute(spec({ size: 5, l2: 1 }));
    expect(tf.memory().numTensors).toBe(before);
    own.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('refuses to compute once the global TF.js backend has changed', async () => {
    tf.registerBackend('grid-test-other', () => new MathBackendCPU());
    try {
      expect(await tf.setBackend('grid-test-other')).toBe(true);
      expect(() => engine.compute(spec())).toThrow(/backend is now 'grid-test-other'.*'cpu'/);
      expect(() => engine.setData(randomCols(3, 7))).toThrow(/backend/);
    } finally {
      await tf.setBackend('cpu');
      tf.removeBackend('grid-test-other');
    }
    expect(engine.compute(spec({ size: 2 })).length).toBe(4);
  });

  it('rejects a bad spec before touching TF.js', () => {
    expect(() => engine.compute(spec({ size: 513 }))).toThrow(/grid size/);
  });
});

describe('bceSums', () => {
  it('gives the same sums whether the points come in one chunk or many', () => {
    const cols = randomCols(257, 8);
    const data = uploadColumns(cols);
    const s = spec({ size: 8 });
    const whole = bceSums(data, s);
    const tensors = tf.memory().numTensors;
    // 64 cells: 3 points a chunk, 86 chunks.
    const chunked = bceSums(data, s, 64 * 3);
    expect(tf.memory().numTensors).toBe(tensors);
    whole.forEach((v, k) => expect(Math.abs(chunked[k]! - v)).toBeLessThan(1e-5 * (1 + v)));
    tf.dispose([data.xT, data.y]);
  });
});

describe('createGridEngine', () => {
  it('creates the float64 engine for js-f64, and rejects fused-webgl where there is no WebGL2', async () => {
    const js = await createGridEngine('js-f64');
    expect(js.id).toBe('js-f64');
    js.dispose();
    await expect(createGridEngine('fused-webgl')).rejects.toThrow(/WebGL2 is unavailable/);
  });
});
