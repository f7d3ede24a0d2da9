/**
 * The WASM SIMD float64 engine (issue #14): the full-batch gradient's sums in a WebAssembly
 * kernel that handles four pairs of points at once in f64x2 lanes (scripts/wasm/kernel.mjs says
 * how), the optimizer update in float64 JavaScript, shared with js-f64. Same numbers as js-f64 to
 * ~1e-14 (the order of summation and a polynomial e^x differ), about twice its speed on the CPU.
 * Full batches only: a mini-batch would gather its points in JavaScript first, which costs what
 * the kernel saves. With quadratic features the kernel's `sumsQuad` computes x1², x2², x1·x2 on
 * the fly and returns all six sums; the engine keeps those of the features that are on.
 */
import { EMPTY_COLUMNS, type Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import { engineSupports } from '../../core/settings.ts';
import { DEFAULT_PARAMS, type Engine, type TrainParams } from './engine.ts';
import { featureList } from '../../core/features.ts';
import { quadOf, unpackTheta, writeGradient } from './js-f64.ts';
import {
  applyUpdate,
  clearMoments,
  newOptState,
  scalingFor,
  weightsOf,
  type OptState,
} from './optimizer-state.ts';
import { WASM_F64_BASE64 } from './wasm-f64-binary.ts';

interface Kernel {
  memory: WebAssembly.Memory;
  sums(
    x1: number,
    x2: number,
    y: number,
    n: number,
    w1: number,
    w2: number,
    b: number,
    out: number,
  ): void;
  sumsQuad(
    x1: number,
    x2: number,
    y: number,
    n: number,
    w1: number,
    w2: number,
    w11: number,
    w22: number,
    w12: number,
    b: number,
    out: number,
  ): void;
}

let compiled: WebAssembly.Module | null = null;

/** The kernel's module, compiled once per worker (synchronously: workers may). */
function kernelModule(): WebAssembly.Module {
  if (compiled) return compiled;
  if (typeof WebAssembly === 'undefined') throw new Error('WebAssembly is unavailable here');
  const bytes = Uint8Array.from(atob(WASM_F64_BASE64), (c) => c.charCodeAt(0));
  if (!WebAssembly.validate(bytes)) throw new Error('this browser lacks WebAssembly SIMD');
  compiled = new WebAssembly.Module(bytes);
  return compiled;
}

const PAGE = 65_536;

/** Creates the WASM SIMD float64 engine. Throws where WebAssembly SIMD is unavailable. */
export function createWasmEngine(): Engine {
  const kernel = new WebAssembly.Instance(kernelModule()).exports as unknown as Kernel;
  let n = 0;
  /** The training columns (for the standardization's scaling). */
  let data: Columns = EMPTY_COLUMNS;
  /** Byte offsets of x1, x2, y and the three sums in the kernel's memory. */
  let at = { x1: 0, x2: 0, y: 0, out: 0 };
  let last = { x1: 0, x2: 0, y: 0 };
  let params: TrainParams = { ...DEFAULT_PARAMS };
  let quad = quadOf([]);
  let state: OptState = newOptState({ w1: 0, w2: 0, b: 0 }, 'none');
  let grad = new Float64Array(3);
  /** The kernel's six sums, in its order: S1, S2, S11, S22, S12, Sb (three for `sums`). */
  let sums = new Float64Array(kernel.memory.buffer, 0, 6);
  const linear = () => !quad.sq1 && !quad.sq2 && !quad.cross;

  const epoch = (): void => {
    const t = unpackTheta(state.theta, quad);
    const { w1, w2, w11, w22, w12, b } = t;
    const lin = linear();
    if (lin) kernel.sums(at.x1, at.x2, at.y, n, w1, w2, b, at.out);
    else kernel.sumsQuad(at.x1, at.x2, at.y, n, w1, w2, w11, w22, w12, b, at.out);
    let s1 = sums[0]!;
    let s2 = sums[1]!;
    let s11 = lin ? 0 : sums[2]!;
    let s22 = lin ? 0 : sums[3]!;
    let s12 = lin ? 0 : sums[4]!;
    let sb = lin ? sums[2]! : sums[5]!;
    if (n % 2 === 1) {
      // The odd last point, in JavaScript (the kernel takes pairs).
      const a = last.x1;
      const c = last.x2;
      const z = w1 * a + w2 * c + w11 * a * a + w22 * c * c + w12 * a * c + b;
      const r = (z >= 0 ? 1 / (1 + Math.exp(-z)) : 1 - 1 / (1 + Math.exp(z))) - last.y;
      s1 += r * a;
      s2 += r * c;
      s11 += r * a * a;
      s22 += r * c * c;
      s12 += r * a * c;
      sb += r;
    }
    writeGradient(grad, quad, t, { s1, s2, s11, s22, s12, sb }, n, params.l2);
    applyUpdate(state, params, grad);
  };

  /** A state for the model of the current features, at `w`. */
  const stateAt = (w: Weights): void => {
    state = newOptState(w, params.features, scalingFor(data, params));
    grad = new Float64Array(state.theta.length);
    quad = quadOf(featureList(params.features));
  };

  return {
    id: 'wasm-f64',
    precision: 'float64',
    supports: (p) => engineSupports('wasm-f64', p),
    setData(train: Columns) {
      const m = train.n;
      const stride = 8 * (m + (m % 2)) + 16; // 16-byte aligned columns
      const bytes = 3 * stride + 48;
      const grow = Math.ceil((bytes - kernel.memory.buffer.byteLength) / PAGE);
      if (grow > 0) kernel.memory.grow(grow); // may throw: nothing has changed yet
      n = m;
      at = { x1: 0, x2: stride, y: 2 * stride, out: 3 * stride };
      const f = new Float64Array(kernel.memory.buffer);
      f.set(train.x1.subarray(0, n), at.x1 / 8);
      f.set(train.x2.subarray(0, n), at.x2 / 8);
      f.set(train.y.subarray(0, n), at.y / 8);
      sums = new Float64Array(kernel.memory.buffer, at.out, 6);
      last = n > 0 ? { x1: train.x1[n - 1]!, x2: train.x2[n - 1]!, y: train.y[n - 1]! } : last;
      data = train;
      // Standardized coordinates are the data's: new data, new coordinates (moments restart).
      if (params.standardize === 'on') stateAt(weightsOf(state, params.features));
    },
    setParams(next) {
      const before = params;
      params = { ...next };
      if (next.features !== before.features || next.standardize !== before.standardize) {
        stateAt(weightsOf(state, before.features));
      } else if (next.optimizer !== before.optimizer) clearMoments(state);
    },
    setWeights(w) {
      stateAt(w);
    },
    run(epochs): Weights {
      if (n > 0) for (let e = 0; e < epochs; e++) epoch();
      return weightsOf(state, params.features);
    },
    dispose() {
      n = 0;
    },
  };
}
