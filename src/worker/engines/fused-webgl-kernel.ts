/**
 * The GPU half of the fused engine: owns every WebGL object and issues the draws. It knows nothing
 * about timing or context loss; `fused-webgl.ts` wraps it in the Engine contract.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import type { OptimizerId, TrainParams } from './engine.ts';
import * as G from './fused-webgl-gl.ts';
import { dataLayout, type Layout } from './fused-webgl-plan.ts';
import {
  FUSED_QUAD_SHADER,
  FUSED_SHADER,
  PARTIALS_QUAD_SHADER,
  PARTIALS_SHADER,
  REDUCE_QUAD_SHADER,
  REDUCE_SHADER,
} from './fused-webgl-shaders.ts';

/** Which quadratic features are on: (x1², x2², x1·x2) as 1 or 0. */
export type QuadMask = readonly [number, number, number];

/** The three programs of one model shape. */
interface Programs {
  fused: WebGLProgram;
  partials: WebGLProgram;
  reduce: WebGLProgram;
}

const OPTIMIZER_CODE: Record<OptimizerId, number> = { sgd: 0, momentum: 1, adam: 2 };

/** The partials texture of the reduction's first pass, one texel per block of points. */
interface Partials {
  /** One texture, or two with quadratic features (their sums in the second). */
  textures: WebGLTexture[];
  fbo: WebGLFramebuffer;
  width: number;
  height: number;
}

/** Programs, textures and framebuffers of one engine, on one context. */
export class Kernel {
  private readonly linear: Programs;
  private readonly locs = new Map<WebGLProgram, G.Locations>();
  private readonly linearStates: [G.StateTarget, G.StateTarget];
  /** The quadratic-features programs and states, built the first time features are on. */
  private quad: { programs: Programs; states: [G.StateTarget, G.StateTarget] } | null = null;
  /** The features that are on, or null for the straight-line model. */
  private mask: QuadMask | null = null;
  private readonly vao: WebGLVertexArrayObject;
  private readonly maxSize: number;
  private dataTex: WebGLTexture;
  private partials: Partials | null = null;
  /** Index of the state copy that holds the latest θ, m, v, c. */
  private cur = 0;
  layout: Layout;
  n = 0;

  constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly blockSize: number,
  ) {
    this.linear = this.buildPrograms(FUSED_SHADER, PARTIALS_SHADER, REDUCE_SHADER);
    this.vao = gl.createVertexArray();
    this.linearStates = [G.stateTarget(gl), G.stateTarget(gl)];
    this.maxSize = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
    this.layout = dataLayout(0, this.maxSize);
    this.dataTex = G.floatTexture(gl, this.layout.width, this.layout.height, null);
  }

  private get programs(): Programs {
    return this.mask && this.quad ? this.quad.programs : this.linear;
  }

  private get states(): [G.StateTarget, G.StateTarget] {
    return this.mask && this.quad ? this.quad.states : this.linearStates;
  }

  private buildPrograms(fused: string, partials: string, reduce: string): Programs {
    const gl = this.gl;
    const p = {
      fused: G.buildProgram(gl, fused),
      partials: G.buildProgram(gl, partials),
      reduce: G.buildProgram(gl, reduce),
    };
    for (const prog of Object.values(p)) this.locs.set(prog, G.uniformLocations(gl, prog));
    return p;
  }

  /**
   * Switches the model: null, the straight line (w1, w2, b); a mask, quadratic features too
   * (eight state textures, written by one draw: needs 8 draw buffers). Write the state next.
   *
   * @throws Error where the context has fewer than 8 draw buffers.
   */
  setQuad(mask: QuadMask | null): void {
    const gl = this.gl;
    if (mask && !this.quad) {
      const buffers = gl.getParameter(gl.MAX_DRAW_BUFFERS) as number;
      if (buffers < 8) {
        throw new Error(
          `fused WebGL: quadratic features need 8 draw buffers; this GPU has ${buffers}.`,
        );
      }
      this.quad = {
        programs: this.buildPrograms(FUSED_QUAD_SHADER, PARTIALS_QUAD_SHADER, REDUCE_QUAD_SHADER),
        states: [G.stateTarget(gl, true), G.stateTarget(gl, true)],
      };
    }
    const reshape = !!mask !== !!this.mask;
    this.mask = mask;
    if (reshape && this.partials) {
      const { width, height } = this.partials;
      this.deletePartials();
      this.ensurePartials(width, height);
    }
  }

  /** Uploads the points; `reduce` says whether the partials target is needed. */
  setData(cols: Columns, reduce: boolean): void {
    const up = G.uploadPoints(this.gl, this.dataTex, this.layout, cols, this.maxSize);
    this.dataTex = up.texture;
    this.layout = up.layout;
    this.n = cols.n;
    const layout = up.layout;
    if (reduce) this.ensurePartials(Math.ceil(layout.width / this.blockSize), layout.height);
    else this.deletePartials();
  }

  /** Writes θ (with c = 0) when given; always clears m, v and Adam's step count. */
  writeState(theta: Weights | null): void {
    const gl = this.gl;
    const [th, m, v, c, thQ, mQ, vQ, cQ] = this.states[this.cur]!.textures;
    const put = (tex: WebGLTexture | undefined, px: readonly number[]) => {
      if (!tex) return;
      gl.bindTexture(gl.TEXTURE_2D, tex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, 1, 1, gl.RGBA, gl.FLOAT, Float32Array.from(px));
    };
    if (theta) {
      put(th, [theta.w1, theta.w2, theta.b, 0]);
      put(c, [0, 0, 0, 0]);
      put(thQ, [theta.w11 ?? 0, theta.w22 ?? 0, theta.w12 ?? 0, 0]);
      put(cQ, [0, 0, 0, 0]);
    }
    for (const t of [m, v, mQ, vQ]) put(t, [0, 0, 0, 0]);
  }

  /** Runs `total` epochs in draws of at most `k` epochs; returns the number of draws. */
  fusedEpochs(total: number, k: number, p: TrainParams): number {
    const gl = this.gl;
    const prog = this.programs.fused;
    this.begin(prog, p);
    gl.viewport(0, 0, 1, 1);
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
  reduceEpochs(total: number, bands: number, p: TrainParams): number {
    const gl = this.gl;
    const part = this.partials;
    if (!part) throw new Error('fused WebGL: the reduction target is missing.');
    const { partials, reduce } = this.programs;
    const perBand = Math.ceil(part.height / Math.max(1, bands));
    this.begin(partials, p);
    gl.uniform1i(this.loc(partials, 'uBlock'), this.blockSize);
    this.begin(reduce, p);
    G.bindUnit(gl, G.UNIT.partials, part.textures[0]!);
    if (part.textures[1]) G.bindUnit(gl, G.UNIT.partialsQ, part.textures[1]);
    for (let e = 0; e < total; e++) {
      gl.useProgram(partials);
      G.bindState(gl, this.states[this.cur]!);
      gl.bindFramebuffer(gl.FRAMEBUFFER, part.fbo);
      for (let y = 0; y < part.height; y += perBand) {
        gl.viewport(0, y, part.width, Math.min(perBand, part.height - y));
        gl.drawArrays(gl.TRIANGLES, 0, 3);
      }
      gl.useProgram(reduce);
      gl.viewport(0, 0, 1, 1);
      this.drawState();
      gl.flush();
    }
    return total * (Math.ceil(part.height / perBand) + 1);
  }

  /**
   * Reads θ back: the one synchronous GPU→CPU transfer of a run (two texels with features). The
   * quadratic weights come back as w11, w22, w12 whether or not their feature is on.
   */
  readBack(): Weights {
    const gl = this.gl;
    const px = new Float32Array(4);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.states[this.cur]!.fbo);
    gl.readBuffer(gl.COLOR_ATTACHMENT0);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.FLOAT, px);
    const w: Weights = { w1: px[0]!, w2: px[1]!, b: px[2]! };
    if (!this.mask) return w;
    gl.readBuffer(gl.COLOR_ATTACHMENT4);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.FLOAT, px);
    return { ...w, w11: px[0]!, w22: px[1]!, w12: px[2]! };
  }

  /**
   * Runs every program once on no data (θ = 0 stays 0 under SGD), so that drivers that compile
   * lazily do it now rather than inside the first timed run.
   */
  warmUp(p: TrainParams): void {
    this.fusedEpochs(1, 1, p);
    this.ensurePartials(1, 1);
    this.reduceEpochs(1, 1, p);
    this.deletePartials();
    this.readBack();
    this.writeState({ w1: 0, w2: 0, b: 0 });
  }

  dispose(): void {
    const gl = this.gl;
    const programs = [this.linear, ...(this.quad ? [this.quad.programs] : [])];
    for (const p of programs.flatMap((x) => Object.values(x))) gl.deleteProgram(p);
    for (const s of [...this.linearStates, ...(this.quad?.states ?? [])]) {
      gl.deleteFramebuffer(s.fbo);
      s.textures.forEach((t) => gl.deleteTexture(t));
    }
    this.deletePartials();
    gl.deleteTexture(this.dataTex);
    gl.deleteVertexArray(this.vao);
    this.locs.clear();
  }

  /** Uses `prog`, binds the data and the VAO, and sets the hyper-parameter uniforms. */
  private begin(prog: WebGLProgram, p: TrainParams): void {
    const gl = this.gl;
    gl.useProgram(prog);
    gl.bindVertexArray(this.vao);
    G.bindUnit(gl, G.UNIT.data, this.dataTex);
    const f = (name: string, v: number) => gl.uniform1f(this.loc(prog, name), v);
    gl.uniform1i(this.loc(prog, 'uN'), this.n);
    gl.uniform1i(this.loc(prog, 'uW'), this.layout.width);
    gl.uniform1i(this.loc(prog, 'uOpt'), OPTIMIZER_CODE[p.optimizer]);
    f('uInvN', this.n > 0 ? 1 / this.n : 0);
    f('uLr', p.lr);
    f('uL2', p.l2);
    f('uMu', p.momentum);
    f('uB1', p.beta1);
    f('uB2', p.beta2);
    // Computed in float64 here: in float32, 1 − 0.999 keeps only ~4 significant digits.
    f('uOneMinusB1', 1 - p.beta1);
    f('uOneMinusB2', 1 - p.beta2);
    f('uLnB1', Math.log(p.beta1));
    f('uLnB2', Math.log(p.beta2));
    f('uEps', p.epsilon);
    const mask = this.loc(prog, 'uQuadMask');
    if (mask && this.mask) gl.uniform3f(mask, ...this.mask);
  }

  /** One draw from the current state copy into the other, which then becomes current. */
  private drawState(): void {
    const gl = this.gl;
    G.bindState(gl, this.states[this.cur]!);
    this.cur ^= 1;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.states[this.cur]!.fbo);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  private loc(prog: WebGLProgram, name: string): WebGLUniformLocation | null {
    return this.locs.get(prog)?.get(name) ?? null;
  }

  private ensurePartials(width: number, height: number): void {
    const old = this.partials;
    if (old && old.width === width && old.height === height) return;
    this.deletePartials();
    const textures = Array.from({ length: this.mask ? 2 : 1 }, () =>
      G.floatTexture(this.gl, width, height, null),
    );
    this.partials = { textures, fbo: G.framebuffer(this.gl, textures), width, height };
  }

  private deletePartials(): void {
    if (!this.partials) return;
    this.gl.deleteFramebuffer(this.partials.fbo);
    this.partials.textures.forEach((t) => this.gl.deleteTexture(t));
    this.partials = null;
  }
}
