/**
 * The WASM SIMD float64 engine (issue #14): the full-batch gradient's sums in a WebAssembly
 * kernel that handles four pairs of points at once in f64x2 lanes (scripts/wasm/kernel.mjs says
 * how), the optimizer update in float64 JavaScript, shared with js-f64. Same numbers as js-f64 to
 * ~1e-14 (the order of summation and a polynomial e^x differ), about twice its speed on the CPU.
 * Full batches only: a mini-batch would gather its points in JavaScript first, which costs what
 * the kernel saves.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import { engineSupports } from '../../core/settings.ts';
import { DEFAULT_PARAMS, type Engine, type TrainParams } from './engine.ts';
import { applyUpdate, clearMoments, newOptState, type OptState } from './optimizer-state.ts';
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
  /** Byte offsets of x1, x2, y and the three sums in the kernel's memory. */
  let at = { x1: 0, x2: 0, y: 0, out: 0 };
  let last = { x1: 0, x2: 0, y: 0 };
  let params: TrainParams = { ...DEFAULT_PARAMS };
  let state: OptState = newOptState({ w1: 0, w2: 0, b: 0 }, 'none');
  const grad = new Float64Array(3);
  let sums = new Float64Array(kernel.memory.buffer, 0, 3);

  const epoch = (): void => {
    const th = state.theta;
    const w1 = th[0]!;
    const w2 = th[1]!;
    const b = th[2]!;
    kernel.sums(at.x1, at.x2, at.y, n, w1, w2, b, at.out);
    let s1 = sums[0]!;
    let s2 = sums[1]!;
    let sb = sums[2]!;
    if (n % 2 === 1) {
      // The odd last point, in JavaScript (the kernel takes pairs).
      const z = w1 * last.x1 + w2 * last.x2 + b;
      const r = (z >= 0 ? 1 / (1 + Math.exp(-z)) : 1 - 1 / (1 + Math.exp(z))) - last.y;
      s1 += r * last.x1;
      s2 += r * last.x2;
      sb += r;
    }
    grad[0] = s1 / n + params.l2 * w1;
    grad[1] = s2 / n + params.l2 * w2;
    grad[2] = sb / n;
    applyUpdate(state, params, grad);
  };

  return {
    id: 'wasm-f64',
    precision: 'float64',
    supports: (p) => engineSupports('wasm-f64', p),
    setData(train: Columns) {
      const m = train.n;
      const stride = 8 * (m + (m % 2)) + 16; // 16-byte aligned columns
      const bytes = 3 * stride + 32;
      const grow = Math.ceil((bytes - kernel.memory.buffer.byteLength) / PAGE);
      if (grow > 0) kernel.memory.grow(grow); // may throw: nothing has changed yet
      n = m;
      at = { x1: 0, x2: stride, y: 2 * stride, out: 3 * stride };
      const f = new Float64Array(kernel.memory.buffer);
      f.set(train.x1.subarray(0, n), at.x1 / 8);
      f.set(train.x2.subarray(0, n), at.x2 / 8);
      f.set(train.y.subarray(0, n), at.y / 8);
      sums = new Float64Array(kernel.memory.buffer, at.out, 3);
      last = n > 0 ? { x1: train.x1[n - 1]!, x2: train.x2[n - 1]!, y: train.y[n - 1]! } : last;
    },
    setParams(next) {
      if (next.optimizer !== params.optimizer) clearMoments(state);
      params = { ...next };
    },
    setWeights(w) {
      state = newOptState(w, 'none');
    },
    run(epochs): Weights {
      if (n > 0) for (let e = 0; e < epochs; e++) epoch();
      const th = state.theta;
      return { w1: th[0]!, w2: th[1]!, b: th[2]! };
    },
    dispose() {
      n = 0;
    },
  };
}
