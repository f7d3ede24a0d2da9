/**
 * TF.js engines: the same model on the `webgl`, `wasm` or `cpu` backend, trained with TF.js's own
 * optimizers (`tf.train.sgd`, `momentum`, `adam`). Per-op dispatch makes these slow at small N
 * (~10 ops an epoch); they are here as the reference implementation on each backend and for
 * large N, where the arithmetic dominates. Only one TF.js engine exists at a time: TF.js has one
 * global backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { EMPTY_COLUMNS, type Columns } from '../../core/dataset.ts';
import {
  featureList,
  fromStandardized,
  fromTheta,
  toStandardized,
  toTheta,
  type QuadFeature,
  type Scaling,
} from '../../core/features.ts';
import { scalingFor } from './optimizer-state.ts';
import type { Weights } from '../../core/maths.ts';
import { makeRng, shuffleInPlace } from '../../core/random.ts';
import { ENGINES, type TfjsEngineId } from '../../core/settings.ts';
import { DEFAULT_PARAMS, type Engine, type EngineId, type TrainParams } from './engine.ts';

/** TF.js backend names, by engine id (from the engine registry). */
export const BACKENDS: Record<TfjsEngineId, string> = {
  'tfjs-webgl': ENGINES['tfjs-webgl'].tfjs,
  'tfjs-wasm': ENGINES['tfjs-wasm'].tfjs,
  'tfjs-cpu': ENGINES['tfjs-cpu'].tfjs,
};
export type { TfjsEngineId };

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

/**
 * Switches TF.js to the backend of `id`. `tf.setBackend` returns false (and may leave
 * `tf.getBackend()` claiming success) when a backend cannot start, so the result is checked.
 */
export async function activateBackend(id: TfjsEngineId): Promise<boolean> {
  try {
    const ok = await tf.setBackend(BACKENDS[id]);
    return ok && tf.getBackend() === BACKENDS[id];
  } catch {
    return false;
  }
}

/** Number of live tensors (for leak checks). */
export const liveTensors = (): number => tf.memory().numTensors;

/** Bytes held by live TF.js tensors. */
export const tfBytes = (): number => tf.memory().numBytes;

/** Creates a TF.js engine on its backend; rejects if the backend cannot start. */
export async function createTfjsEngine(id: TfjsEngineId): Promise<Engine> {
  if (!(await activateBackend(id)))
    throw new Error(`TF.js backend '${BACKENDS[id]}' is unavailable`);
  // w has one row per feature (x1, x2, then the active quadratic ones); remade when they change.
  let w = tf.variable(
    tf.tidy(() => tf.zeros([2, 1])),
    true,
    'w',
  );
  let quads: QuadFeature[] = [];
  const b = tf.variable(
    tf.tidy(() => tf.scalar(0)),
    true,
    'b',
  );
  let x: tf.Tensor2D = tf.zeros([0, 2]);
  let y: tf.Tensor2D = tf.zeros([0, 1]);
  let n = 0;
  let params: TrainParams = { ...DEFAULT_PARAMS };
  let optimizer = makeOptimizer(params);
  let rng = makeRng(params.seed);
  let order: number[] = [];

  // "Standardize features": w and b are then the standardized θ' (see Scaling in core/features),
  // the columns are shifted and scaled on the fly, and the L2 term is the raw weights'.
  let train: Columns = EMPTY_COLUMNS;
  let scaling: Scaling | null = null;
  let mu: tf.Tensor2D | null = null;
  let invSd: tf.Tensor2D | null = null;
  const setScaling = (next: Scaling | null): void => {
    tf.dispose([mu, invSd].filter((t): t is tf.Tensor2D => t !== null));
    scaling = next;
    mu = next && tf.tensor2d(next.mean, [1, next.mean.length]);
    invSd =
      next &&
      tf.tensor2d(
        next.sd.map((v) => 1 / v),
        [1, next.sd.length],
      );
  };
  /** The weights as the page knows them (raw features). */
  const readWeights = (): Weights => {
    const theta = [...w.dataSync(), b.dataSync()[0]!];
    if (!scaling) return fromTheta(theta, params.features);
    const raw = new Float64Array(theta.length);
    fromStandardized(theta, scaling, raw);
    return fromTheta(raw, params.features);
  };

  const lossOf = (xb: tf.Tensor2D, yb: tf.Tensor2D) => (): tf.Scalar => {
    const phi = features(xb, quads);
    const cols = mu && invSd ? tf.mul(tf.sub(phi, mu), invSd) : phi;
    const z = tf.add(tf.matMul(cols, w), b);
    // Stable BCE from logits: max(z, 0) − z·y + log(1 + e^(−|z|)).
    const bce = tf.mean(
      tf.add(tf.sub(tf.relu(z), tf.mul(z, yb)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))),
    );
    const raw = invSd ? tf.mul(w, tf.transpose(invSd)) : w;
    return params.l2 > 0
      ? tf.add(bce, tf.mul(params.l2 / 2, tf.sum(tf.square(raw))))
      : (bce as tf.Scalar);
  };

  const epoch = (): void => {
    const bs = params.batchSize;
    if (bs <= 0 || bs >= n) {
      tf.tidy(() => {
        optimizer.minimize(lossOf(x, y));
      });
      return;
    }
    if (order.length !== n) order = Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(order, rng);
    for (let from = 0; from < n; from += bs) {
      tf.tidy(() => {
        const idx = tf.tensor1d(order.slice(from, Math.min(n, from + bs)), 'int32');
        optimizer.minimize(lossOf(tf.gather(x, idx), tf.gather(y, idx)));
      });
    }
  };

  /** Sets w and b to the weights of the current features. */
  const assign = (wts: Weights): void => {
    const raw = toTheta(wts, params.features);
    const theta = scaling ? toStandardized(raw, scaling) : raw;
    tf.tidy(() => {
      w.assign(tf.tensor2d(theta.slice(0, -1), [theta.length - 1, 1]));
      b.assign(tf.scalar(theta.at(-1)!));
    });
  };

  const engine: Engine & { id: EngineId } = {
    id,
    precision: 'float32',
    supports: () => true,
    setData(t: Columns) {
      x.dispose();
      y.dispose();
      n = t.n;
      const xy = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) {
        xy[2 * i] = t.x1[i]!;
        xy[2 * i + 1] = t.x2[i]!;
      }
      x = tf.tensor2d(xy, [n, 2]);
      y = tf.tensor2d(Float32Array.from(t.y), [n, 1]);
      order = [];
      if (params.standardize === 'on') {
        // Standardized coordinates are the data's: new data, new coordinates.
        const keep = readWeights();
        train = t;
        setScaling(scalingFor(train, params));
        assign(keep);
        optimizer.dispose();
        optimizer = makeOptimizer(params);
      }
      train = t;
    },
    setParams(next) {
      const model = next.features !== params.features || next.standardize !== params.standardize;
      const changed = next.optimizer !== params.optimizer || model;
      if (next.seed !== params.seed) rng = makeRng(next.seed);
      if (model) {
        const keep = readWeights();
        quads = featureList(next.features);
        setScaling(scalingFor(train, next));
        w.dispose();
        w = tf.variable(
          tf.tidy(() => tf.zeros([2 + quads.length, 1])),
          true,
          'w',
        );
        params = { ...next };
        assign(keep);
      }
      params = { ...next };
      if (changed) {
        optimizer.dispose();
        optimizer = makeOptimizer(params);
      } else setLearningRate(optimizer, params.lr);
    },
    setWeights(wts: Weights) {
      assign(wts);
      optimizer.dispose();
      optimizer = makeOptimizer(params);
      rng = makeRng(params.seed);
    },
    run(epochs: number): Weights {
      if (n > 0) for (let e = 0; e < epochs; e++) epoch();
      return readWeights();
    },
    dispose() {
      optimizer.dispose();
      setScaling(null);
      tf.dispose([w, b, x, y]);
    },
  };
  return engine;
}

/** The feature matrix [x1, x2, active quadratic features…] of an n×2 batch, computed on the fly. */
function features(xb: tf.Tensor2D, quads: readonly QuadFeature[]): tf.Tensor2D {
  if (quads.length === 0) return xb;
  const x1 = tf.slice(xb, [0, 0], [-1, 1]);
  const x2 = tf.slice(xb, [0, 1], [-1, 1]);
  const of: Record<QuadFeature, () => tf.Tensor2D> = {
    x1sq: () => tf.square(x1),
    x2sq: () => tf.square(x2),
    x1x2: () => tf.mul(x1, x2),
  };
  return tf.concat([xb, ...quads.map((f) => of[f]())], 1);
}

function makeOptimizer(p: TrainParams): tf.Optimizer {
  if (p.optimizer === 'momentum') return tf.train.momentum(p.lr, p.momentum);
  if (p.optimizer === 'adam') return tf.train.adam(p.lr, p.beta1, p.beta2, p.epsilon);
  return tf.train.sgd(p.lr);
}

/**
 * Changes the learning rate in place, keeping momentum and Adam's moments: a live slider must
 * not reset the optimizer. SGD and momentum cache −lr as a tensor and expose `setLearningRate`;
 * Adam reads `this.learningRate` on every step.
 */
function setLearningRate(opt: tf.Optimizer, lr: number): void {
  const o = opt as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}
