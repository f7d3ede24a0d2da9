/**
 * The loss-grid engines: J(w1, w2, b) at a fixed b over a size × size grid of (w1, w2), on the
 * same back ends as training (float64 JavaScript, a raw WebGL2 kernel, TF.js on webgl / wasm /
 * cpu). Every engine returns the grid of `lossGridF64` (src/core/loss-surface.ts), row-major,
 * in float32; the float32 engines agree with it within 1e-4·(1 + |J|).
 */
import type { Columns } from '../../core/dataset.ts';
import type { GridSpec } from '../../core/loss-surface.ts';
import type { EngineId } from '../engines/engine.ts';
import { createJsGridEngine } from './grid-js.ts';
import { createWebGLGridEngine } from './grid-webgl.ts';

/** One engine computing loss grids; synchronous once created. */
export interface GridEngine {
  readonly id: EngineId;
  /** Uploads the training points (kept until the next call). */
  setData(cols: Columns): void;
  /**
   * J on the grid, in nats: size² values, row-major as `lossGridF64`
   * (values[j·size + i] = J(w1_i, w2_j, b)).
   *
   * @throws Error for a bad spec (see `checkGridSpec`), a lost WebGL context, or a TF.js engine
   *   whose backend is no longer TF.js's global one.
   */
  compute(spec: GridSpec): Float32Array;
  /** Frees the data, textures, tensors and contexts; the engine is unusable afterwards. */
  dispose(): void;
  /** WebGL only: loses the context on purpose (the "Lose the WebGL context" fault). */
  loseContextForTest?(): void;
}

/**
 * Creates the grid engine for `id`. 'fused-webgl' is the raw WebGL2 grid kernel (on its own
 * context, not the training kernel's); the TF.js ids switch TF.js's global backend to theirs.
 *
 * @throws (rejects) Error when that backend, or WebGL2 with float render targets, is unavailable.
 */
export async function createGridEngine(id: EngineId): Promise<GridEngine> {
  // The loss grid is not a training run: both float64 engines draw it with the JavaScript grid.
  if (id === 'js-f64' || id === 'wasm-f64') return createJsGridEngine();
  if (id === 'fused-webgl') return createWebGLGridEngine();
  // TF.js loads on first use (see EnginePool).
  return (await import('./grid-tfjs.ts')).createTfjsGridEngine(id);
}
