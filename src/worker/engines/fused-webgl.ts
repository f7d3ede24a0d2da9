/**
 * The fused WebGL2 engine: full-batch logistic regression in a raw WebGL2 kernel. For small N one
 * fragment runs many epochs per draw; for large N each epoch is a two-pass parallel reduction.
 * The optimizer state stays on the GPU between epochs and between runs; `run` reads θ back once.
 */
import { featureList, QUAD_FEATURES, restrictWeights } from '../../core/features.ts';
import type { Columns } from '../../core/dataset.ts';
import { engineSupports } from '../../core/settings.ts';
import type { Weights } from '../../core/maths.ts';
import { DEFAULT_PARAMS, type Engine, type TrainParams } from './engine.ts';
import { createContext, rendererName } from './fused-webgl-gl.ts';
import { Kernel } from './fused-webgl-kernel.ts';
import { isSoftwareRenderer, MAX_WIDTH, Pacer } from './fused-webgl-plan.ts';

/** Thrown by `run` when the WebGL context was lost; the engine must then be recreated. */
export class WebGLContextLostError extends Error {
  constructor() {
    super('The WebGL context was lost; the fused WebGL engine must be recreated.');
    this.name = 'WebGLContextLostError';
  }
}

/** Options of {@link createFusedWebGLEngine}; all but `canvas` exist for tests and benchmarks. */
export interface FusedWebGLOptions {
  /** Canvas to create the context on; default a new 1×1 OffscreenCanvas. */
  canvas?: OffscreenCanvas;
  /** Above this many points an epoch is a parallel reduction; default {@link REDUCE_ABOVE}. */
  reduceAbove?: number;
  /** Points per fragment in the reduction's first pass: a power of two ≤ 4096; default 256. */
  blockSize?: number;
  /** Target duration of one draw, ms; default 8. */
  targetDrawMs?: number;
}

/** The fused engine: an {@link Engine} plus what the worker needs to know about its GPU. */
export interface FusedWebGLEngine extends Engine {
  readonly id: 'fused-webgl';
  readonly precision: 'float32';
  /** The GPU (or software rasteriser) WebGL runs on. */
  readonly renderer: string;
  /** False for software renderers (SwiftShader, llvmpipe), where "GPU" work runs on the CPU. */
  readonly hardware: boolean;
  /** Milliseconds per draw in the latest `run`: its wall time, readback included, ÷ its draws. */
  readonly lastDrawMs: number;
  /** Epochs one draw runs on the single-fragment path now (adapted from measured draws). */
  readonly epochsPerDraw: number;
  /** Whether the context is lost (then `run` throws {@link WebGLContextLostError}). */
  isContextLost(): boolean;
  /** Loses the context on purpose through WEBGL_lose_context, to test recovery. */
  loseContextForTest(): void;
}

/**
 * Default N above which each epoch is a parallel reduction: the crossover measured on SwiftShader
 * (2 cores), where a lone fragment uses one SIMD lane of one core. Not measured on a GPU, where
 * the lone fragment is one slow thread but each reduction epoch costs two draws of CPU overhead.
 */
export const REDUCE_ABOVE = 4096;
/**
 * Default points per first-pass fragment. 64–1024 were within noise on SwiftShader; 256 keeps
 * thousands of fragments at 1M points and the one-fragment second pass under 4,000 texels.
 */
export const BLOCK_SIZE = 256;

/** What WebGL2 is in this worker, learnt without compiling anything (see {@link probeWebGL2}). */
export interface WebGL2Probe {
  /** The GPU (or software rasteriser) WebGL runs on. */
  readonly renderer: string;
  /** False for software renderers (SwiftShader, llvmpipe), where "GPU" work runs on the CPU. */
  readonly hardware: boolean;
  /** Builds the fused engine on the probed context: compiles its programs and runs each once. */
  build(): FusedWebGLEngine;
}

/**
 * Opens a WebGL2 context and names its renderer — a few milliseconds on a GPU, ~0.1 s on
 * SwiftShader — leaving the shader compiles (~0.6–0.9 s of CPU on SwiftShader) to `build`.
 *
 * @throws Error if WebGL2 or EXT_color_buffer_float is unavailable.
 */
export function probeWebGL2(): WebGL2Probe {
  const canvas = new OffscreenCanvas(1, 1);
  const renderer = rendererName(createContext(canvas));
  return {
    renderer,
    hardware: !isSoftwareRenderer(renderer),
    build: () => createFusedWebGLEngine({ canvas }),
  };
}

/**
 * Creates the fused WebGL2 engine on its own context, compiles its programs and runs each once.
 *
 * @throws Error if WebGL2 or EXT_color_buffer_float is unavailable, or a shader fails to build.
 */
export function createFusedWebGLEngine(opts: FusedWebGLOptions = {}): FusedWebGLEngine {
  return new FusedEngine(opts);
}

class FusedEngine implements FusedWebGLEngine {
  readonly id = 'fused-webgl';
  readonly precision = 'float32';
  readonly renderer: string;
  readonly hardware: boolean;
  lastDrawMs = 0;
  private readonly canvas: OffscreenCanvas;
  private readonly gl: WebGL2RenderingContext;
  private readonly kernel: Kernel;
  private readonly pacer: Pacer;
  private readonly reduceAbove: number;
  private params: TrainParams = { ...DEFAULT_PARAMS };
  /** θ as of the last readback or setWeights, so that run(0) needs no GPU round trip. */
  private weights: Weights = { w1: 0, w2: 0, b: 0 };
  private lost = false;
  private disposed = false;
  private readonly onLost = (e: Event): void => {
    e.preventDefault();
    this.lost = true;
  };

  constructor(opts: FusedWebGLOptions) {
    this.canvas = opts.canvas ?? new OffscreenCanvas(1, 1);
    this.gl = createContext(this.canvas);
    this.canvas.addEventListener('webglcontextlost', this.onLost);
    this.renderer = rendererName(this.gl);
    this.hardware = !isSoftwareRenderer(this.renderer);
    this.reduceAbove = opts.reduceAbove ?? REDUCE_ABOVE;
    this.pacer = new Pacer(opts.targetDrawMs ?? 8);
    this.kernel = new Kernel(this.gl, checkBlockSize(opts.blockSize ?? BLOCK_SIZE));
    this.kernel.warmUp(this.params);
  }

  get epochsPerDraw(): number {
    return this.pacer.epochsPerDraw(this.kernel.n);
  }

  supports(params: TrainParams): boolean {
    return engineSupports(this.id, params);
  }

  setData(train: Columns): void {
    this.kernel.setData(train, train.n > this.reduceAbove);
  }

  setParams(params: TrainParams): void {
    const before = this.params;
    if (params.features !== before.features) {
      // Another model: the kernel's other shape (switched first: it may throw, and then nothing
      // has changed), the weights carried over (moments restart).
      const list = featureList(params.features);
      const mask = QUAD_FEATURES.map((f) => (list.includes(f) ? 1 : 0)) as [number, number, number];
      this.kernel.setQuad(list.length ? mask : null);
      this.params = { ...params };
      this.setWeights(this.weights);
      return;
    }
    this.params = { ...params };
    if (params.optimizer !== before.optimizer) this.kernel.writeState(null);
  }

  setWeights(weights: Weights): void {
    this.weights = restrictWeights(weights, this.params.features);
    this.kernel.writeState(this.weights);
  }

  run(epochs: number): Weights {
    this.assertAlive();
    const total = Math.floor(epochs);
    const n = this.kernel.n;
    // Like the float64 engine: no data, no update (the mean gradient is undefined).
    if (!(total > 0) || n === 0) return { ...this.weights };
    const t0 = performance.now();
    const reduce = n > this.reduceAbove;
    const k = this.pacer.epochsPerDraw(n);
    const draws = reduce
      ? this.kernel.reduceEpochs(total, this.pacer.bands(n, this.kernel.layout.height), this.params)
      : this.kernel.fusedEpochs(total, k, this.params);
    const out = restrictWeights(this.kernel.readBack(), this.params.features);
    const ms = performance.now() - t0;
    this.assertAlive();
    this.lastDrawMs = ms / draws;
    const full = reduce || total >= k;
    this.pacer.record({ path: reduce ? 'reduce' : 'fused', n, epochs: total, draws, ms, full });
    this.weights = out;
    return { ...out };
  }

  isContextLost(): boolean {
    return this.lost || this.gl.isContextLost();
  }

  loseContextForTest(): void {
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  dispose(): void {
    this.canvas.removeEventListener('webglcontextlost', this.onLost);
    if (!this.disposed) this.kernel.dispose();
    this.disposed = true;
    // Browsers cap live WebGL contexts; losing ours frees it now rather than at garbage collection.
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('The fused WebGL engine was disposed.');
    if (this.isContextLost()) throw new WebGLContextLostError();
  }
}

function checkBlockSize(b: number): number {
  if (!Number.isInteger(b) || b < 1 || b > MAX_WIDTH || (b & (b - 1)) !== 0) {
    throw new RangeError(`fused WebGL block size must be a power of two ≤ ${MAX_WIDTH}: ${b}`);
  }
  return b;
}
