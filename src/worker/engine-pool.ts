/**
 * Creates engines on demand, knows which are available here, and picks one for 'auto' by a short
 * calibration on the current data. Only this module (and the worker entry) chooses backends.
 */
import type { Columns } from '../core/dataset.ts';
import type { Weights } from '../core/maths.ts';
import { ENGINE_IDS, ENGINES, engineLimit, engineSupports } from '../core/settings.ts';
import type { Engine, EngineId, TrainParams } from './engines/engine.ts';
import { probeWebGL2, type FusedWebGLEngine, type WebGL2Probe } from './engines/fused-webgl.ts';
import { createJsEngine } from './engines/js-f64.ts';
import { createWasmEngine } from './engines/wasm-f64.ts';
import type { TfjsEngineId } from './engines/tfjs.ts';
import type { EngineInfo } from './protocol.ts';
import { fmtCount } from '../core/count.ts';

/** What we learnt about WebGL in this worker. */
export interface WebGLFacts {
  available: boolean;
  renderer: string;
  hardware: boolean;
  /** Why unavailable (the error), or ''. */
  error: string;
}

/**
 * Fewest training points at which Auto builds and times the fused kernel on a software renderer.
 * There an epoch costs a fixed ~200 µs (draw set-up and the reduction's passes, mostly serial:
 * 248 µs at 10,000 points, 693 µs at 100,000 on SwiftShader here) plus its share of the points,
 * while WASM spends ~3.2 ns per point (bench). Below ~63,000 points the fixed part alone exceeds
 * WASM's whole epoch, so no number of cores lets software WebGL win; its build (0.6–0.9 s of
 * shader compiles on SwiftShader) is then not worth making at start-up or at a calibration.
 */
export const SOFTWARE_GL_MIN_N = 65_536;

const TFJS = ENGINE_IDS.filter((id): id is TfjsEngineId => 'tfjs' in ENGINES[id]);

/** What the pool needs of the GPU engine (the fused WebGL2 kernel in a browser). */
export type GpuEngine = Engine &
  Pick<FusedWebGLEngine, 'renderer' | 'hardware' | 'isContextLost' | 'loseContextForTest'>;

/**
 * How engines are made and timed: the real ones in the worker; tests (in Node, without WebGL)
 * pass their own GPU engine and timer to reach the paths a GPU takes.
 */
export interface EngineFactories {
  /** What WebGL is here, without compiling; `build` makes the GPU engine. Throws without WebGL. */
  webgl: () => Pick<WebGL2Probe, 'renderer' | 'hardware'> & { build: () => GpuEngine };
  tfjs: (id: TfjsEngineId) => Promise<Engine>;
  /** Epochs per second of `engine` on this data (Auto's calibration). */
  time: typeof timeEngine;
}

export class EnginePool {
  private fused: GpuEngine | null = null;
  /** The probed context, until the fused engine is built on it. */
  private probe: ReturnType<EngineFactories['webgl']> | null = null;
  private tfjs: Engine | null = null;
  webgl: WebGLFacts = { available: false, renderer: '', hardware: false, error: 'not probed yet' };
  private tfjsAvailable = new Map<TfjsEngineId, string>();
  /** Why the WASM SIMD engine cannot be made here ('' when it can, undefined before trying). */
  private wasmError: string | undefined;
  /** The WASM instance Auto timed last (its own instance, so the one training is untouched). */
  private timedWasm: Engine | null = null;
  private readonly make: EngineFactories;

  constructor(make: Partial<EngineFactories> = {}) {
    this.make = {
      webgl: probeWebGL2,
      // TF.js (~1 MB) loads on first use, so the worker starts without parsing it.
      tfjs: async (id) => (await import('./engines/tfjs.ts')).createTfjsEngine(id),
      time: timeEngine,
      ...make,
    };
  }

  /**
   * Learns what WebGL is here. On a GPU the fused engine is built at once, so that its compiles
   * (tens of ms there) never wait for the first Play. On a software renderer the build — 0.6–0.9 s
   * of shader compiles on SwiftShader, on the cores the page needs to start — waits until the
   * engine is asked for: chosen by the person, or timed by Auto on data it could win on.
   */
  probeWebGL(): WebGLFacts {
    this.fused = null;
    this.probe = null;
    try {
      const probe = this.make.webgl();
      this.probe = probe;
      this.webgl = {
        available: true,
        renderer: probe.renderer,
        hardware: probe.hardware,
        error: '',
      };
      if (probe.hardware) this.buildFused();
    } catch (e) {
      this.unavailable(e);
    }
    return this.webgl;
  }

  /** The fused engine, built on the probed context (compiled, every program run once) if not yet. */
  private buildFused(): GpuEngine {
    if (this.fused) return this.fused;
    if (!this.probe) throw new Error(`WebGL2 is unavailable: ${this.webgl.error}`);
    try {
      const engine = this.probe.build();
      engine.setData({
        n: 1,
        x1: Float64Array.of(0),
        x2: Float64Array.of(0),
        y: Float64Array.of(0),
      });
      engine.run(2); // compiles and links every program now, not inside a timed or played run
      this.fused = engine;
      return engine;
    } catch (e) {
      this.unavailable(e);
      throw e;
    }
  }

  private unavailable(e: unknown): void {
    this.fused = null;
    this.probe = null;
    this.webgl = { available: false, renderer: '', hardware: false, error: message(e) };
  }

  /**
   * Returns an engine of this id, creating it if needed. TF.js has one global backend and one
   * registry of variable names, so a new TF.js engine replaces the old one, which is disposed
   * first: the caller must hold training meanwhile (EngineSelector does), or an epoch would run
   * on a disposed engine.
   */
  async get(id: EngineId): Promise<Engine> {
    if (id === 'js-f64') return createJsEngine();
    if (id === 'wasm-f64') {
      // The instance Auto just timed already holds the data: train on it (no second copy).
      const timed = this.timedWasm;
      this.timedWasm = null;
      return timed ?? this.wasm();
    }
    if (id === 'fused-webgl') {
      if (this.fused?.isContextLost() || (!this.fused && !this.probe)) this.probeWebGL();
      return this.buildFused();
    }
    if (this.tfjs?.id === id) return this.tfjs;
    this.tfjs?.dispose();
    this.tfjs = null;
    try {
      this.tfjs = await this.make.tfjs(id as TfjsEngineId);
      this.tfjsAvailable.set(id as TfjsEngineId, '');
      return this.tfjs;
    } catch (e) {
      this.tfjsAvailable.set(id as TfjsEngineId, message(e));
      throw e;
    }
  }

  /** Drops the instance Auto timed (the engine in use stays: it was the one picked). */
  releaseTimed(): void {
    this.timedWasm = null;
  }

  /** A new WASM SIMD float64 engine; remembers why not, where it cannot be made. */
  private wasm(): Engine {
    try {
      const engine = createWasmEngine();
      this.wasmError = '';
      return engine;
    } catch (e) {
      this.wasmError = message(e);
      throw e;
    }
  }

  /** Whether the WASM SIMD engine can be made here (tries once). */
  get wasmAvailable(): boolean {
    if (this.wasmError === undefined) {
      try {
        this.wasm();
      } catch {
        // recorded in wasmError
      }
    }
    return this.wasmError === '';
  }

  /** Forgets the fused engine after its context was lost (a later probe may bring it back). */
  dropFused(): void {
    this.fused = null;
    this.probe = null;
    this.webgl = { ...this.webgl, available: false, error: 'WebGL context lost' };
  }

  /** The fused engine if it exists (for fault simulation). */
  get fusedEngine(): GpuEngine | null {
    return this.fused;
  }

  /** Facts about every engine, for the page. */
  describe(): EngineInfo[] {
    const gl = this.webgl.available
      ? `${this.webgl.hardware ? 'hardware GPU' : 'software WebGL'}: ${this.webgl.renderer}`
      : `WebGL unavailable: ${this.webgl.error}`;
    return [
      { id: 'fused-webgl', available: this.webgl.available, precision: 'float32', note: gl },
      { id: 'js-f64', available: true, precision: 'float64', note: 'plain JavaScript loop' },
      {
        id: 'wasm-f64',
        available: this.wasmAvailable,
        precision: 'float64',
        note: this.wasmError || 'WebAssembly, 2 points per SIMD instruction',
      },
      ...TFJS.map((id) => {
        const err = this.tfjsAvailable.get(id);
        return {
          id,
          available: err === undefined || err === '',
          precision: 'float32' as const,
          note: err || 'TF.js, one op per dispatch',
        };
      }),
    ];
  }

  /**
   * Picks the fastest of the fast candidates (float64 JS, WASM SIMD float64, fused WebGL) for
   * this data by timing each for ~`ms` ms. Within 10 %, float64 beats float32 and WASM beats
   * plain JavaScript; software WebGL must beat both by 10 %. Returns the choice and the reason.
   */
  async pickAuto(
    train: Columns,
    params: TrainParams,
    start: Weights,
    ms = 30,
  ): Promise<{ id: EngineId; reason: string }> {
    const rates: [EngineId, number][] = [
      ['js-f64', this.make.time(createJsEngine(), train, params, start, ms)],
    ];
    if (engineSupports('wasm-f64', params) && this.wasmAvailable) {
      this.timedWasm = this.wasm();
      rates.push(['wasm-f64', this.make.time(this.timedWasm, train, params, start, ms)]);
    }
    const fused = this.timeFused(train, params, start, ms);
    if (typeof fused === 'number') rates.push(['fused-webgl', fused]);
    const fmt = (r: number) => `${fmtCount(r)} epochs/s`;
    // Preference on near-ties: the order of `rates` (float64 first; WASM over plain JS).
    let [id, best] = rates[0]!;
    for (const [e, r] of rates.slice(1)) {
      const margin = e === 'fused-webgl' ? 1.1 : 0.9;
      if (r > 0 && r >= margin * best) [id, best] = [e, r];
    }
    if (id !== 'wasm-f64') this.timedWasm = null; // not needed: let its memory go
    const measured = rates.map(([e, r]) => `${e} ${fmt(r)}`).join(' vs ');
    const note = typeof fused === 'string' ? fused : this.glNote(params);
    return {
      id,
      reason: `Auto: fastest for ${fmtCount(train.n)} points (${measured}).${note}`,
    };
  }

  /**
   * Epochs/s of the fused kernel on these data, or why it was not timed ('' if that needs no
   * word). Software WebGL is built and timed only from SOFTWARE_GL_MIN_N points (see there).
   */
  private timeFused(train: Columns, params: TrainParams, start: Weights, ms: number) {
    if (!this.webgl.available || !engineSupports('fused-webgl', params)) return '';
    if (!this.webgl.hardware && train.n < SOFTWARE_GL_MIN_N)
      return ` WebGL here is software-emulated (on the CPU): Auto times it from ${fmtCount(SOFTWARE_GL_MIN_N)} points; below that its fixed cost per epoch exceeds WASM's whole epoch.`;
    let engine: GpuEngine;
    try {
      engine = this.buildFused();
    } catch (e) {
      return ` The fused WebGL kernel could not be built (${message(e)}).`;
    }
    try {
      return this.make.time(engine, train, params, start, ms);
    } catch (e) {
      // e.g. quadratic features on a GPU with fewer than 8 draw buffers: skip it, say why.
      return ` The fused WebGL kernel could not run this model (${message(e)}).`;
    }
  }

  /** What Auto's reason adds about WebGL when the fused kernel was timed or cannot train. */
  private glNote(params: TrainParams): string {
    if (!this.webgl.available) return ` WebGL is unavailable (${this.webgl.error}).`;
    const limit = engineLimit('fused-webgl', params);
    if (limit === 'full batch only') return ' The fused WebGL kernel trains full batches only.';
    if (limit === 'no standardizing')
      return ' The fused WebGL kernel descends on the raw features only (no standardizing).';
    return this.webgl.hardware ? '' : ' WebGL here is software-emulated, so it runs on the CPU.';
  }
}

/**
 * Epochs per second of `engine` on this data: `ms` of warm-up (JIT, shader caches, the fused
 * kernel's draw sizing, which starts cautious) and then `ms` timed.
 */
export function timeEngine(
  engine: Engine,
  train: Columns,
  params: TrainParams,
  start: Weights,
  ms: number,
): number {
  engine.setData(train);
  engine.setParams(params);
  engine.setWeights(start);
  const phase = (): number => {
    let epochs = 0;
    let k = 1;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) {
      engine.run(k);
      epochs += k;
      if (performance.now() - t < ms / 4) k *= 2;
      t = performance.now();
    }
    return (epochs * 1000) / Math.max(1e-3, t - t0);
  };
  phase();
  return phase();
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
