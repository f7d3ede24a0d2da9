/**
 * The WebGL2 race engine: every lane of a race in one raw WebGL2 kernel, on its own context. The
 * optimizer state is 2-column textures (one texel per lane, see race-webgl-shaders.ts); a draw
 * over the lanes' texels updates all K lanes. Small N: one fragment per lane runs many epochs per
 * draw. Large N: each epoch is a two-pass parallel reduction, as in the single-model engine.
 * Draws are sized by a Pacer to a short target duration; `run` reads every lane's θ back with
 * one readPixels.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import { DEFAULT_PARAMS, type TrainParams } from '../engines/engine.ts';
import { BLOCK_SIZE, REDUCE_ABOVE, WebGLContextLostError } from '../engines/fused-webgl.ts';
import * as G from '../engines/fused-webgl-gl.ts';
import { dataLayout, Pacer, type Layout } from '../engines/fused-webgl-plan.ts';
import type { RaceLane } from '../protocol.ts';
import type { RaceEngine } from './race-engine.ts';
import {
  floatUniforms,
  LANE_COLUMNS,
  laneGrid,
  OPTIMIZER_CODE,
  raceShaders,
  unpackLanes,
} from './race-webgl-shaders.ts';

/** Options of {@link createRaceWebGLEngine}; all but `canvas` exist for tests and benchmarks. */
export interface RaceWebGLOptions {
  /** Canvas to create the context on; default a new 1×1 OffscreenCanvas. */
  canvas?: OffscreenCanvas;
  /** Above this many points an epoch is a parallel reduction; default the fused engine's. */
  reduceAbove?: number;
}

/** Render target: textures (as MRT colour attachments) and their framebuffer. */
interface Target {
  textures: WebGLTexture[];
  fbo: WebGLFramebuffer;
  width: number;
  height: number;
}

type Programs = Record<'fused' | 'partials' | 'reduce', WebGLProgram>;

/** Target duration of one draw, ms: short, so that the GPU stays responsive. */
const TARGET_DRAW_MS = 8;

class RaceWebGL implements RaceEngine {
  readonly id = 'fused-webgl';
  readonly precision = 'float32';
  private readonly canvas: OffscreenCanvas;
  private readonly gl: WebGL2RenderingContext;
  private readonly programs: Programs;
  private readonly locs = new Map<WebGLProgram, G.Locations>();
  private readonly states: [Target, Target];
  private readonly vao: WebGLVertexArrayObject;
  private readonly pacer: Pacer;
  private readonly reduceAbove: number;
  private readonly lrs: Float32Array;
  private readonly opts: Int32Array;
  private layout: Layout;
  private dataTex: WebGLTexture;
  private partials: Target | null = null;
  /** Index of the state copy that holds the latest θ, m, v, c. */
  private cur = 0;
  private n = 0;
  private lanes = 1;
  private params: TrainParams = { ...DEFAULT_PARAMS };
  /** Every lane's θ as of the last readback or start, so that run(0) needs no GPU round trip. */
  private weights: Weights[] = [{ w1: 0, w2: 0, b: 0 }];
  private lost = false;
  private disposed = false;
  private readonly onLost = (e: Event): void => {
    e.preventDefault();
    this.lost = true;
  };

  constructor(slots: number, opts: RaceWebGLOptions) {
    if (!opts.canvas && typeof OffscreenCanvas === 'undefined') {
      throw new Error('WebGL2 is unavailable here: there is no OffscreenCanvas.');
    }
    this.canvas = opts.canvas ?? new OffscreenCanvas(1, 1);
    const gl = (this.gl = G.createContext(this.canvas));
    this.canvas.addEventListener('webglcontextlost', this.onLost);
    this.reduceAbove = opts.reduceAbove ?? REDUCE_ABOVE;
    this.pacer = new Pacer(TARGET_DRAW_MS);
    // Room for a spare texel when `slots` is odd: every texel drawn is a lane of the arrays.
    const rows = Math.ceil(slots / LANE_COLUMNS);
    this.lrs = new Float32Array(rows * LANE_COLUMNS);
    this.opts = new Int32Array(rows * LANE_COLUMNS);
    const src = raceShaders(rows * LANE_COLUMNS);
    this.programs = {
      fused: G.buildProgram(gl, src.fused),
      partials: G.buildProgram(gl, src.partials),
      reduce: G.buildProgram(gl, src.reduce),
    };
    for (const p of Object.values(this.programs)) this.locs.set(p, G.uniformLocations(gl, p));
    this.vao = gl.createVertexArray();
    this.states = [this.target(4, LANE_COLUMNS, rows), this.target(4, LANE_COLUMNS, rows)];
    this.layout = dataLayout(0, gl.getParameter(gl.MAX_TEXTURE_SIZE) as number);
    this.dataTex = G.floatTexture(gl, this.layout.width, this.layout.height, null);
    this.warmUp();
  }

  start(train: Columns, params: TrainParams, lanes: readonly RaceLane[], init: Weights): void {
    if (params.features !== 'none' || params.standardize === 'on') {
      throw new Error(
        'the WebGL race kernel races the straight-line model only (no features, no standardizing)',
      );
    }
    this.assertAlive();
    this.setData(train);
    this.params = { ...params };
    this.lanes = lanes.length;
    this.lrs.fill(0);
    this.opts.fill(0);
    lanes.forEach((l, i) => {
      this.lrs[i] = l.lr;
      this.opts[i] = OPTIMIZER_CODE[l.optimizer];
    });
    this.writeState(init);
    this.weights = lanes.map(() => ({ w1: init.w1, w2: init.w2, b: init.b }));
  }

  run(epochs: number): Weights[] {
    this.assertAlive();
    const total = Math.floor(epochs);
    // Like the float64 engines: no data, no update (the mean gradient is undefined).
    if (!(total > 0) || this.n === 0) return this.weights.map((w) => ({ ...w }));
    const t0 = performance.now();
    const reduce = this.n > this.reduceAbove;
    // The pacer's unit of work is a point-epoch of one lane.
    const cost = this.n * this.lanes;
    const k = this.pacer.epochsPerDraw(cost);
    const draws = reduce
      ? this.reduceEpochs(total, this.pacer.bands(cost, this.layout.height))
      : this.fusedEpochs(total, k);
    const out = this.readBack();
    const ms = performance.now() - t0;
    this.assertAlive();
    const full = reduce || total >= k;
    const path = reduce ? 'reduce' : 'fused';
    this.pacer.record({ path, n: cost, epochs: total, draws, ms, full });
    this.weights = out;
    return out.map((w) => ({ ...w }));
  }

  loseContextForTest(): void {
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  dispose(): void {
    this.canvas.removeEventListener('webglcontextlost', this.onLost);
    if (!this.disposed) this.deleteAll();
    this.disposed = true;
    // Browsers cap live WebGL contexts; losing ours frees it now rather than at garbage collection.
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('The WebGL race engine was disposed.');
    if (this.lost || this.gl.isContextLost()) throw new WebGLContextLostError();
  }

  /** Runs `total` epochs in draws of at most `k` epochs; returns the number of draws. */
  private fusedEpochs(total: number, k: number): number {
    const gl = this.gl;
    const prog = this.programs.fused;
    this.begin(prog);
    this.laneViewport();
    let draws = 0;
    for (let done = 0; done < total; draws++) {
      const now = Math.min(k, total - done);
      gl.uniform1i(this.loc(prog, 'uK'), now);
      this.drawState();
      gl.flush();
      done += now;
    }
    return draws;
  }

  /** Runs `total` reduction epochs, pass 1 split into `bands` draws; returns the draws. */
  private reduceEpochs(total: number, bands: number): number {
    const gl = this.gl;
    const bpr = Math.ceil(this.layout.width / BLOCK_SIZE);
    const part = this.ensurePartials(bpr * this.lanes, this.layout.height);
    const { partials, reduce } = this.programs;
    const perBand = Math.ceil(part.height / Math.max(1, bands));
    this.begin(partials);
    gl.uniform1i(this.loc(partials, 'uBlock'), BLOCK_SIZE);
    gl.uniform1i(this.loc(partials, 'uBpr'), bpr);
    this.begin(reduce);
    gl.uniform1i(this.loc(reduce, 'uBpr'), bpr);
    G.bindUnit(gl, G.UNIT.partials, part.textures[0]!);
    for (let e = 0; e < total; e++) {
      gl.useProgram(partials);
      G.bindState(gl, this.states[this.cur]!);
      gl.bindFramebuffer(gl.FRAMEBUFFER, part.fbo);
      for (let y = 0; y < part.height; y += perBand) {
        gl.viewport(0, y, part.width, Math.min(perBand, part.height - y));
        gl.drawArrays(gl.TRIANGLES, 0, 3);
      }
      gl.useProgram(reduce);
      this.laneViewport();
      this.drawState();
      gl.flush();
    }
    return total * (Math.ceil(part.height / perBand) + 1);
  }

  /** Reads every lane's θ back: the one synchronous GPU→CPU transfer of a run. */
  private readBack(): Weights[] {
    const gl = this.gl;
    const [w, h] = laneGrid(this.lanes);
    const px = new Float32Array(4 * w * h);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.states[this.cur]!.fbo);
    gl.readBuffer(gl.COLOR_ATTACHMENT0);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.FLOAT, px);
    return unpackLanes(px, this.lanes);
  }

  /** Uses `prog`, binds the data and the VAO, and sets the shared and per-lane uniforms. */
  private begin(prog: WebGLProgram): void {
    const gl = this.gl;
    gl.useProgram(prog);
    gl.bindVertexArray(this.vao);
    G.bindUnit(gl, G.UNIT.data, this.dataTex);
    gl.uniform1i(this.loc(prog, 'uN'), this.n);
    gl.uniform1i(this.loc(prog, 'uW'), this.layout.width);
    for (const [name, v] of Object.entries(floatUniforms(this.params, this.n))) {
      gl.uniform1f(this.loc(prog, name), v);
    }
    gl.uniform1fv(this.loc(prog, 'uLrs[0]'), this.lrs);
    gl.uniform1iv(this.loc(prog, 'uOpts[0]'), this.opts);
  }

  /** Sets the viewport to the lanes' texels (and one spare texel, inert, when K is odd). */
  private laneViewport(): void {
    this.gl.viewport(0, 0, ...laneGrid(this.lanes));
  }

  /** One draw from the current state copy into the other, which then becomes current. */
  private drawState(): void {
    const gl = this.gl;
    G.bindState(gl, this.states[this.cur]!);
    this.cur ^= 1;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.states[this.cur]!.fbo);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  /** Uploads the points (resizing the data texture only when its layout changes). */
  private setData(cols: Columns): void {
    const max = this.gl.getParameter(this.gl.MAX_TEXTURE_SIZE) as number;
    const up = G.uploadPoints(this.gl, this.dataTex, this.layout, cols, max);
    this.dataTex = up.texture;
    this.layout = up.layout;
    this.n = cols.n;
    if (cols.n <= this.reduceAbove) this.deletePartials();
  }

  /** θ = `init` with c = 0 in every slot; m, v and Adam's step count cleared. */
  private writeState(init: Weights): void {
    const gl = this.gl;
    const { width: w, height: h, textures } = this.states[this.cur]!;
    const theta = new Float32Array(4 * w * h);
    for (let i = 0; i < w * h; i++) theta.set([init.w1, init.w2, init.b, 0], 4 * i);
    const zeros = new Float32Array(4 * w * h);
    textures.forEach((tex, i) => {
      gl.bindTexture(gl.TEXTURE_2D, tex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, w, h, gl.RGBA, gl.FLOAT, i === 0 ? theta : zeros);
    });
  }

  /** Runs every program once on no data, so that lazy drivers compile now, not in a timed run. */
  private warmUp(): void {
    this.fusedEpochs(1, 1);
    this.reduceEpochs(1, 1);
    this.deletePartials();
    this.readBack();
    this.writeState({ w1: 0, w2: 0, b: 0 });
  }

  private target(count: number, width: number, height: number): Target {
    const textures = Array.from({ length: count }, () =>
      G.floatTexture(this.gl, width, height, null),
    );
    return { textures, fbo: G.framebuffer(this.gl, textures), width, height };
  }

  private ensurePartials(width: number, height: number): Target {
    const old = this.partials;
    if (old && old.width === width && old.height === height) return old;
    this.deletePartials();
    return (this.partials = this.target(1, width, height));
  }

  private deletePartials(): void {
    if (!this.partials) return;
    this.deleteTarget(this.partials);
    this.partials = null;
  }

  private deleteTarget(t: Target): void {
    this.gl.deleteFramebuffer(t.fbo);
    t.textures.forEach((tex) => this.gl.deleteTexture(tex));
  }

  private deleteAll(): void {
    const gl = this.gl;
    for (const p of Object.values(this.programs)) gl.deleteProgram(p);
    this.states.forEach((s) => this.deleteTarget(s));
    this.deletePartials();
    gl.deleteTexture(this.dataTex);
    gl.deleteVertexArray(this.vao);
    this.locs.clear();
  }

  private loc(prog: WebGLProgram, name: string): WebGLUniformLocation | null {
    return this.locs.get(prog)?.get(name) ?? null;
  }
}

/**
 * Creates the WebGL2 race engine on its own context, compiles its programs and runs each once.
 * Use it through `createRaceEngine`, which checks inputs (at most `slots` lanes).
 *
 * @param slots Lanes the kernel has room for (the length of its uniform arrays).
 * @throws Error if WebGL2 or EXT_color_buffer_float is unavailable, or a shader fails to build.
 */
export function createRaceWebGLEngine(slots: number, opts: RaceWebGLOptions = {}): RaceEngine {
  if (!opts.canvas && typeof OffscreenCanvas === 'undefined') {
    throw new Error('WebGL2 is unavailable here: there is no OffscreenCanvas.');
  }
  const canvas = opts.canvas ?? new OffscreenCanvas(1, 1);
  return G.buildOrRelease(canvas, () => new RaceWebGL(slots, { ...opts, canvas }));
}
