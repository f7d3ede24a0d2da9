/**
 * The WebGL2 loss-grid engine: raw WebGL2 on its own OffscreenCanvas context (not the training
 * kernel's). One fragment per grid vertex loops over a chunk of points; a grid takes several
 * short draws (at most {@link EVALS_PER_DRAW} point evaluations each, so no draw trips a GPU
 * watchdog or stalls the page's compositing), whose sums accumulate on the GPU in ping-pong
 * RGBA32F textures with Kahan compensation, and one readPixels at the end. The BCE sums are
 * float32; the mean and the L2 term are added on the CPU in float64 (`finishGrid`).
 */
import type { Columns } from '../../core/dataset.ts';
import { checkGridSpec, type GridSpec } from '../../core/loss-surface.ts';
import * as G from '../engines/fused-webgl-gl.ts';
import { dataLayout, type Layout } from '../engines/fused-webgl-plan.ts';
import type { GridEngine } from './grid-engine.ts';
import { finishGrid } from './grid-js.ts';
import { GRID_SHADER, SPAN } from './grid-webgl-shaders.ts';

/** Most point evaluations (fragments × points) one draw may do: ~10–40 ms on SwiftShader. */
export const EVALS_PER_DRAW = 1 << 21;
/** Most points one fragment sums in one draw: bounds a lone GPU thread's loop on tiny grids. */
export const MAX_POINTS_PER_DRAW = 1 << 14;

/** How a grid is split into draws. */
export interface GridPlan {
  /** Points each fragment sums in one draw (the last chunk may have fewer). */
  pointsPerDraw: number;
  /** Grid rows one draw covers (the last band may have fewer). */
  rowsPerDraw: number;
  /** Draws in all: chunks × bands. */
  draws: number;
}

/**
 * Splits a size × size grid over n points into draws of at most `budget` evaluations: chunks of
 * points (a multiple of SPAN when that many fit, at most {@link MAX_POINTS_PER_DRAW}), and, when
 * even one span of points over the whole grid is too much, bands of rows. A draw exceeds the
 * budget only when size·SPAN does (never, for size ≤ 512).
 */
export function planGrid(size: number, n: number, budget = EVALS_PER_DRAW): GridPlan {
  const fit = Math.min(MAX_POINTS_PER_DRAW, Math.floor(budget / (size * size)));
  const points = Math.max(1, Math.min(n, fit >= SPAN ? fit - (fit % SPAN) : SPAN));
  const rows = Math.max(1, Math.min(size, Math.floor(budget / (size * points))));
  return {
    pointsPerDraw: points,
    rowsPerDraw: rows,
    draws: Math.ceil(n / points) * Math.ceil(size / rows),
  };
}

/** The running sums of one size: two RGBA32F textures and their framebuffers. */
interface Targets {
  size: number;
  textures: [WebGLTexture, WebGLTexture];
  fbos: [WebGLFramebuffer, WebGLFramebuffer];
}

/** The WebGL grid engine; `isContextLost` and `loseContextForTest` serve fault handling. */
export interface WebGLGridEngine extends GridEngine {
  readonly id: 'fused-webgl';
  /** Whether the context is lost (then `compute` throws). */
  isContextLost(): boolean;
  /** Loses the context on purpose through WEBGL_lose_context, to test recovery. */
  loseContextForTest(): void;
}

/**
 * Creates the WebGL2 grid engine, compiles its program and runs it once.
 *
 * @param canvas Canvas to create the context on; default a new 1×1 OffscreenCanvas.
 * @throws Error if WebGL2 or EXT_color_buffer_float is unavailable, or the shader fails to build.
 */
export function createWebGLGridEngine(canvas?: OffscreenCanvas): WebGLGridEngine {
  if (!canvas && typeof OffscreenCanvas === 'undefined')
    throw new Error('WebGL2 is unavailable in this worker (no OffscreenCanvas).');
  const c = canvas ?? new OffscreenCanvas(1, 1);
  return G.buildOrRelease(c, () => new WebGLGrid(c));
}

class WebGLGrid implements WebGLGridEngine {
  readonly id = 'fused-webgl';
  private readonly gl: WebGL2RenderingContext;
  private readonly program: WebGLProgram;
  private readonly locs: G.Locations;
  private readonly vao: WebGLVertexArrayObject;
  private readonly maxSize: number;
  private layout: Layout;
  private dataTex: WebGLTexture;
  private targets: Targets | null = null;
  private n = 0;
  private lost = false;
  private readonly onLost = (e: Event): void => {
    e.preventDefault();
    this.lost = true;
  };

  constructor(private readonly canvas: OffscreenCanvas) {
    const gl = (this.gl = G.createContext(canvas));
    canvas.addEventListener('webglcontextlost', this.onLost);
    this.program = G.buildProgram(gl, GRID_SHADER);
    this.locs = G.uniformLocations(gl, this.program);
    this.vao = gl.createVertexArray();
    this.maxSize = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
    this.layout = dataLayout(0, this.maxSize);
    this.dataTex = G.floatTexture(gl, this.layout.width, this.layout.height, null);
    this.warmUp();
  }

  isContextLost(): boolean {
    return this.lost || this.gl.isContextLost();
  }

  loseContextForTest(): void {
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
    this.lost = true;
  }

  setData(cols: Columns): void {
    this.assertAlive();
    const up = G.uploadPoints(this.gl, this.dataTex, this.layout, cols, this.maxSize);
    this.dataTex = up.texture;
    this.layout = up.layout;
    this.n = cols.n;
  }

  compute(spec: GridSpec): Float32Array {
    checkGridSpec(spec);
    this.assertAlive();
    if (this.n === 0) return finishGrid(new Float64Array(spec.size * spec.size), 0, spec);
    const sums = this.sums(spec);
    // A context lost during the draws reads back zeros, not an error: check again.
    this.assertAlive();
    return finishGrid(sums, this.n, spec);
  }

  dispose(): void {
    const gl = this.gl;
    this.canvas.removeEventListener('webglcontextlost', this.onLost);
    this.deleteTargets();
    gl.deleteProgram(this.program);
    gl.deleteTexture(this.dataTex);
    gl.deleteVertexArray(this.vao);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  /** Issues every draw of the grid, then reads the sums back: sum − compensation, per vertex. */
  private sums(spec: GridSpec): Float64Array {
    const gl = this.gl;
    const { size } = spec;
    const t = this.ensureTargets(size);
    const plan = planGrid(size, this.n);
    this.begin(spec);
    gl.bindFramebuffer(gl.FRAMEBUFFER, t.fbos[0]);
    gl.clearBufferfv(gl.COLOR, 0, [0, 0, 0, 0]);
    let cur = 0;
    for (let from = 0; from < this.n; from += plan.pointsPerDraw) {
      gl.uniform1i(this.loc('uFrom'), from);
      gl.uniform1i(this.loc('uCount'), Math.min(plan.pointsPerDraw, this.n - from));
      G.bindUnit(gl, G.UNIT.partials, t.textures[cur]!);
      gl.bindFramebuffer(gl.FRAMEBUFFER, t.fbos[cur ^ 1]!);
      for (let y = 0; y < size; y += plan.rowsPerDraw) {
        gl.viewport(0, y, size, Math.min(plan.rowsPerDraw, size - y));
        gl.drawArrays(gl.TRIANGLES, 0, 3);
      }
      gl.flush();
      cur ^= 1;
    }
    return this.readSums(t.fbos[cur]!, size);
  }

  private readSums(fbo: WebGLFramebuffer, size: number): Float64Array {
    const gl = this.gl;
    const px = new Float32Array(4 * size * size);
    gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
    gl.readBuffer(gl.COLOR_ATTACHMENT0);
    gl.readPixels(0, 0, size, size, gl.RGBA, gl.FLOAT, px);
    const out = new Float64Array(size * size);
    for (let k = 0; k < out.length; k++) out[k] = px[4 * k]! - px[4 * k + 1]!;
    return out;
  }

  /** Uses the program, binds the data and the VAO, and sets the per-grid uniforms. */
  private begin(spec: GridSpec): void {
    const gl = this.gl;
    const step = (r: readonly [number, number]) => (r[1] - r[0]) / (spec.size - 1);
    gl.useProgram(this.program);
    gl.bindVertexArray(this.vao);
    G.bindUnit(gl, G.UNIT.data, this.dataTex);
    gl.uniform1i(this.loc('uW'), this.layout.width);
    gl.uniform2f(this.loc('uLo'), spec.w1[0], spec.w2[0]);
    gl.uniform2f(this.loc('uStep'), step(spec.w1), step(spec.w2));
    gl.uniform1f(this.loc('uB'), spec.b);
  }

  private ensureTargets(size: number): Targets {
    if (this.targets?.size === size) return this.targets;
    this.deleteTargets();
    const gl = this.gl;
    const textures: Targets['textures'] = [
      G.floatTexture(gl, size, size, null),
      G.floatTexture(gl, size, size, null),
    ];
    const fbos: Targets['fbos'] = [
      G.framebuffer(gl, [textures[0]]),
      G.framebuffer(gl, [textures[1]]),
    ];
    this.targets = { size, textures, fbos };
    return this.targets;
  }

  private deleteTargets(): void {
    if (!this.targets) return;
    this.targets.fbos.forEach((f) => this.gl.deleteFramebuffer(f));
    this.targets.textures.forEach((t) => this.gl.deleteTexture(t));
    this.targets = null;
  }

  /** Compiles lazily-compiling drivers' code now: one point on a 2 × 2 grid. */
  private warmUp(): void {
    const one = Float64Array.of(0);
    this.setData({ n: 1, x1: one, x2: one, y: one });
    this.compute({ w1: [0, 1], w2: [0, 1], b: 0, l2: 0, size: 2 });
    this.setData({ n: 0, x1: one, x2: one, y: one });
    this.deleteTargets();
  }

  private assertAlive(): void {
    if (this.isContextLost()) throw new Error('The WebGL context of the loss grid was lost');
  }

  private loc(name: string): WebGLUniformLocation | null {
    return this.locs.get(name) ?? null;
  }
}
