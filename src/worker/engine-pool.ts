/**
 * Creates engines on demand, knows which are available here, and picks one for 'auto' by a short
 * calibration on the current data. Only this module (and the worker entry) chooses backends.
 */
import type { Columns } from '../core/dataset.ts';
import type { Weights } from '../core/maths.ts';
import { ENGINE_IDS, ENGINES, engineLimit, engineSupports } from '../core/settings.ts';
import type { Engine, EngineId, TrainParams } from './engines/engine.ts';
import { createFusedWebGLEngine, type FusedWebGLEngine } from './engines/fused-webgl.ts';
import { createJsEngine } from './engines/js-f64.ts';
import { createWasmEngine } from './engines/wasm-f64.ts';
import type { TfjsEngineId } from './engines/tfjs.ts';
import type { EngineInfo } from './protocol.ts';

/** What we learnt about WebGL in this worker. */
export interface WebGLFacts {
  available: boolean;
  renderer: string;
  hardware: boolean;
  /** Why unavailable (the error), or ''. */
  error: string;
}

const TFJS = ENGINE_IDS.filter((id): id is TfjsEngineId => 'tfjs' in ENGINES[id]);

/** What the pool needs of the GPU engine (the fused WebGL2 kernel in a browser). */
export type GpuEngine = Engine &
  Pick<FusedWebGLEngine, 'renderer' | 'hardware' | 'isContextLost' | 'loseContextForTest'>;

/**
 * How engines are made and timed: the real ones in the worker; tests (in Node, without WebGL)
 * pass their own GPU engine and timer to reach the paths a GPU takes.
 */
export interface EngineFactories {
  gpu: () => GpuEngine;
  tfjs: (id: TfjsEngineId) => Promise<Engine>;
  /** Epochs per second of `engine` on this data (Auto's calibration). */
  time: typeof timeEngine;
}

export class EnginePool {
  private fused: GpuEngine | null = null;
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
      gpu: () => createFusedWebGLEngine(),
      // TF.js (~1 MB) loads on first use, so the worker starts without parsing it.
      tfjs: async (id) => (await import('./engines/tfjs.ts')).createTfjsEngine(id),
      time: timeEngine,
      ...make,
    };
  }

  /** Creates the fused WebGL engine (compiling its shaders) and records what WebGL is here. */
  probeWebGL(): WebGLFacts {
    try {
      this.fused ??= this.make.gpu();
      this.fused.setData({
        n: 1,
        x1: Float64Array.of(0),
        x2: Float64Array.of(0),
        y: Float64Array.of(0),
      });
      this.fused.run(2); // compiles and links every program now, not on the user's first Play
      this.webgl = {
        available: true,
        renderer: this.fused.renderer,
        hardware: this.fused.hardware,
        error: '',
      };
    } catch (e) {
      this.fused = null;
      this.webgl = { available: false, renderer: '', hardware: false, error: message(e) };
    }
    return this.webgl;
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
      if (!this.fused || this.fused.isContextLost()) this.probeWebGL();
      if (!this.fused) throw new Error(`WebGL2 is unavailable: ${this.webgl.error}`);
      return this.fused;
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
    let fusedFailed = '';
    if (this.webgl.available && this.fused && engineSupports('fused-webgl', params)) {
      try {
        rates.push(['fused-webgl', this.make.time(this.fused, train, params, start, ms)]);
      } catch (e) {
        // e.g. quadratic features on a GPU with fewer than 8 draw buffers: skip it, say why.
        fusedFailed = ` The fused WebGL kernel could not run this model (${e instanceof Error ? e.message : String(e)}).`;
      }
    }
    const fmt = (r: number) => `${Math.round(r).toLocaleString('en-US')} epochs/s`;
    // Preference on near-ties: the order of `rates` (float64 first; WASM over plain JS).
    let [id, best] = rates[0]!;
    for (const [e, r] of rates.slice(1)) {
      const margin = e === 'fused-webgl' ? 1.1 : 0.9;
      if (r > 0 && r >= margin * best) [id, best] = [e, r];
    }
    if (id !== 'wasm-f64') this.timedWasm = null; // not needed: let its memory go
    const measured = rates.map(([e, r]) => `${e} ${fmt(r)}`).join(' vs ');
    const glNote = !this.webgl.available
      ? ` WebGL is unavailable (${this.webgl.error}).`
      : engineLimit('fused-webgl', params) === 'full batch only'
        ? ' The fused WebGL kernel trains full batches only.'
        : engineLimit('fused-webgl', params) === 'no standardizing'
          ? ' The fused WebGL kernel descends on the raw features only (no standardizing).'
          : this.webgl.hardware
            ? ''
            : ' WebGL here is software-emulated, so it runs on the CPU.';
    return {
      id,
      reason: `Auto: fastest for ${train.n.toLocaleString('en-US')} points (${measured}).${fusedFailed || glNote}`,
    };
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
