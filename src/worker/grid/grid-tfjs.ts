/**
 * The TF.js grid engine: J on the grid as TF.js ops on the webgl, wasm or cpu backend. The grid's
 * size² weight pairs form a [size², 2] matrix W; for each chunk of c points,
 * Z = W·Xᵀ + b is [size², c] and the stable BCE max(z, 0) − z·y + log1p(e^−|z|) is summed over
 * the chunk; chunk sums accumulate in a float32 tensor, read back once. The mean and the L2 term
 * are then added on the CPU in float64. Every intermediate tensor is freed: tf.memory().numTensors
 * is the same after `compute` as before it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Columns } from '../../core/dataset.ts';
import { checkGridSpec, gridCoord, type GridSpec } from '../../core/loss-surface.ts';
import { activateBackend, BACKENDS, type TfjsEngineId } from '../engines/tfjs.ts';
import type { GridEngine } from './grid-engine.ts';
import { finishGrid } from './grid-js.ts';

/** Most logits one chunk computes (size²·c): bounds the [size², c] intermediates to 16 MB. */
export const CHUNK_FLOATS = 1 << 22;

/** The training points as tensors: xT is [2, n] (rows x1, x2), y is [1, n]. */
export interface GridTensors {
  n: number;
  xT: tf.Tensor2D;
  y: tf.Tensor2D;
}

/** Uploads columns as {@link GridTensors} on the current backend (float32). */
export function uploadColumns(cols: Columns): GridTensors {
  const xy = new Float32Array(2 * cols.n);
  xy.set(cols.x1);
  xy.set(cols.x2, cols.n);
  return {
    n: cols.n,
    xT: tf.tensor2d(xy, [2, cols.n]),
    y: tf.tensor2d(Float32Array.from(cols.y), [1, cols.n]),
  };
}

/** The [size², 2] weight matrix: row j·size + i is (w1_i, w2_j). */
function weightGrid(spec: GridSpec): tf.Tensor2D {
  const { size } = spec;
  const w = new Float32Array(2 * size * size);
  for (let j = 0; j < size; j++) {
    const w2 = gridCoord(spec.w2, size, j);
    for (let i = 0; i < size; i++) {
      w[2 * (j * size + i)] = gridCoord(spec.w1, size, i);
      w[2 * (j * size + i) + 1] = w2;
    }
  }
  return tf.tensor2d(w, [size * size, 2]);
}

/** Σ over points [from, from + c) of BCE(W·x + b, y), per grid vertex: a [size²] tensor. */
function chunkSum(w: tf.Tensor2D, d: GridTensors, b: number, from: number, c: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(w, tf.slice(d.xT, [0, from], [2, c])), b);
    const y = tf.slice(d.y, [0, from], [1, c]);
    const bce = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
    return tf.sum(bce, 1);
  });
}

/**
 * Σ_k BCE(z_k, y_k) per grid vertex, row-major, on the current TF.js backend in float32, in
 * chunks of at most {@link CHUNK_FLOATS}/size² points. Leaves no tensor behind.
 *
 * @param chunkFloats Most logits per chunk (tests pass small values to force many chunks).
 */
export function bceSums(d: GridTensors, spec: GridSpec, chunkFloats = CHUNK_FLOATS): Float32Array {
  const cells = spec.size * spec.size;
  if (d.n === 0) return new Float32Array(cells);
  const c = Math.max(1, Math.min(d.n, Math.floor(chunkFloats / cells)));
  const w = weightGrid(spec);
  let acc: tf.Tensor1D = tf.zeros([cells]);
  try {
    for (let from = 0; from < d.n; from += c) {
      const part = chunkSum(w, d, spec.b, from, Math.min(c, d.n - from));
      const next = tf.add<tf.Tensor1D>(acc, part);
      tf.dispose([acc, part]);
      acc = next;
    }
    return acc.dataSync() as Float32Array;
  } finally {
    tf.dispose([w, acc]);
  }
}

/**
 * Creates a TF.js grid engine, switching TF.js's global backend to that of `id`.
 *
 * @throws (rejects) Error when the backend cannot start.
 */
export async function createTfjsGridEngine(id: TfjsEngineId): Promise<GridEngine> {
  if (!(await activateBackend(id)))
    throw new Error(`TF.js backend '${BACKENDS[id]}' is unavailable`);
  const backend = BACKENDS[id];
  const check = (): void => {
    const now = tf.getBackend();
    if (now !== backend)
      throw new Error(
        `the TF.js backend is now '${now}', not this grid engine's '${backend}': recreate the engine`,
      );
  };
  let data: GridTensors | null = null;
  const drop = (): void => {
    if (data) tf.dispose([data.xT, data.y]);
    data = null;
  };
  return {
    id,
    setData(cols) {
      check();
      drop();
      data = uploadColumns(cols);
    },
    compute(spec) {
      checkGridSpec(spec);
      check();
      if (!data) return finishGrid(new Float32Array(spec.size * spec.size), 0, spec);
      return finishGrid(bceSums(data, spec), data.n, spec);
    },
    dispose: drop,
  };
}
