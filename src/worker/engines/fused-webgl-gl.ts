/**
 * Raw WebGL2 plumbing for the fused engine: context, programs, float textures and framebuffers.
 * Every helper throws an Error with a readable message instead of returning null.
 */
import type { Columns } from '../../core/dataset.ts';
import { dataLayout, packData, type Layout } from './fused-webgl-plan.ts';
import { VERTEX_SHADER } from './fused-webgl-shaders.ts';

/** Texture units the programs sample from; fixed so that bindings survive program switches. */
export const UNIT = {
  data: 0,
  theta: 1,
  m: 2,
  v: 3,
  c: 4,
  partials: 5,
  thetaQ: 6,
  mQ: 7,
  vQ: 8,
  cQ: 9,
  partialsQ: 10,
} as const;

/** The sampler uniform that reads each unit. */
const SAMPLERS: Record<keyof typeof UNIT, string> = {
  data: 'uData',
  theta: 'uTheta',
  m: 'uM',
  v: 'uV',
  c: 'uC',
  partials: 'uPartials',
  thetaQ: 'uThetaQ',
  mQ: 'uMQ',
  vQ: 'uVQ',
  cQ: 'uCQ',
  partialsQ: 'uPartialsQ',
};

/**
 * A WebGL2 context on `canvas` that can render to RGBA32F textures.
 *
 * @throws Error if WebGL2 or EXT_color_buffer_float is unavailable.
 */
export function createContext(canvas: OffscreenCanvas): WebGL2RenderingContext {
  const gl = canvas.getContext('webgl2', {
    alpha: false,
    antialias: false,
    depth: false,
    stencil: false,
    preserveDrawingBuffer: false,
    powerPreference: 'high-performance',
  });
  if (!gl) throw new Error('WebGL2 is unavailable in this worker (getContext("webgl2") is null).');
  if (!gl.getExtension('EXT_color_buffer_float')) {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    throw new Error('WebGL2 lacks EXT_color_buffer_float: it cannot render to float textures.');
  }
  return gl;
}

/**
 * Builds a kernel on `canvas`; if building throws after the context exists (a shader that does
 * not compile, a failed warm-up), the context is released before the error propagates — browsers
 * cap live contexts and would otherwise evict the oldest, perhaps the one training runs on.
 */
export function buildOrRelease<T>(canvas: OffscreenCanvas, build: () => T): T {
  try {
    return build();
  } catch (error) {
    try {
      const gl = canvas.getContext('webgl2');
      if (gl && !gl.isContextLost()) gl.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      // Releasing is best effort; the build error is what the caller must see.
    }
    throw error;
  }
}

/** The unmasked renderer string when the browser reveals it, else RENDERER. */
export function rendererName(gl: WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = info
    ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL)
    : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' ? name : 'unknown';
}

function compile(gl: WebGL2RenderingContext, type: GLenum, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('WebGL could not create a shader (context lost?).');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
    const log = gl.getShaderInfoLog(shader) ?? '';
    gl.deleteShader(shader);
    throw new Error(`fused WebGL shader failed to compile: ${log}`);
  }
  return shader;
}

/** Compiles and links a program, and points its sampler uniforms at {@link UNIT}. */
export function buildProgram(gl: WebGL2RenderingContext, fragment: string): WebGLProgram {
  const vs = compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER);
  const fs = compile(gl, gl.FRAGMENT_SHADER, fragment);
  const program = gl.createProgram();
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
    const log = gl.getProgramInfoLog(program) ?? '';
    gl.deleteProgram(program);
    throw new Error(`fused WebGL program failed to link: ${log}`);
  }
  gl.useProgram(program);
  for (const [unit, name] of Object.entries(SAMPLERS)) {
    gl.uniform1i(gl.getUniformLocation(program, name), UNIT[unit as keyof typeof UNIT]);
  }
  return program;
}

/** Uniform locations of `program` by name; a uniform the compiler dropped maps to null. */
export type Locations = Map<string, WebGLUniformLocation | null>;

/** Looks up every active uniform once. */
export function uniformLocations(gl: WebGL2RenderingContext, program: WebGLProgram): Locations {
  const out: Locations = new Map();
  const count = gl.getProgramParameter(program, gl.ACTIVE_UNIFORMS) as number;
  for (let i = 0; i < count; i++) {
    const info = gl.getActiveUniform(program, i);
    if (info) out.set(info.name, gl.getUniformLocation(program, info.name));
  }
  return out;
}

/** An RGBA32F texture with nearest sampling (float textures are not filterable everywhere). */
export function floatTexture(
  gl: WebGL2RenderingContext,
  width: number,
  height: number,
  data: Float32Array | null,
): WebGLTexture {
  const tex = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, tex);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, width, height, 0, gl.RGBA, gl.FLOAT, data);
  return tex;
}

/** A framebuffer drawing into `textures` as COLOR_ATTACHMENT0…n−1. */
export function framebuffer(
  gl: WebGL2RenderingContext,
  textures: readonly WebGLTexture[],
): WebGLFramebuffer {
  const fbo = gl.createFramebuffer();
  gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
  const attachments = textures.map((tex, i) => {
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0 + i, gl.TEXTURE_2D, tex, 0);
    return gl.COLOR_ATTACHMENT0 + i;
  });
  gl.drawBuffers(attachments);
  const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
  if (status !== gl.FRAMEBUFFER_COMPLETE && !gl.isContextLost()) {
    throw new Error(`fused WebGL framebuffer incomplete (status 0x${status.toString(16)}).`);
  }
  return fbo;
}

/** One copy of the optimizer state: θ, m, v, c textures (1×1) and the framebuffer over them. */
export interface StateTarget {
  textures: WebGLTexture[];
  fbo: WebGLFramebuffer;
}

/**
 * A 1×1 render target holding the optimizer state: four textures (θ, m, v, c), or eight with
 * quadratic features (then also θq, mq, vq, cq of (w11, w22, w12)).
 */
export function stateTarget(gl: WebGL2RenderingContext, quad = false): StateTarget {
  const textures = Array.from({ length: quad ? 8 : 4 }, () =>
    floatTexture(gl, 1, 1, new Float32Array(4)),
  );
  return { textures, fbo: framebuffer(gl, textures) };
}

/** Binds a state's textures to units θ, m, v, c (and θq, mq, vq, cq) for reading. */
export function bindState(gl: WebGL2RenderingContext, s: StateTarget): void {
  const units = [UNIT.theta, UNIT.m, UNIT.v, UNIT.c, UNIT.thetaQ, UNIT.mQ, UNIT.vQ, UNIT.cQ];
  s.textures.forEach((tex, i) => {
    gl.activeTexture(gl.TEXTURE0 + units[i]!);
    gl.bindTexture(gl.TEXTURE_2D, tex);
  });
}

/** Binds a texture to one unit. */
export function bindUnit(gl: WebGL2RenderingContext, unit: number, tex: WebGLTexture): void {
  gl.activeTexture(gl.TEXTURE0 + unit);
  gl.bindTexture(gl.TEXTURE_2D, tex);
}

/**
 * Uploads the points into the data texture (one point per texel: x1, x2, y, 1), reusing
 * `texture` when its size fits the new layout and replacing it otherwise.
 *
 * @returns The texture now holding the points (maybe a new one) and its layout.
 */
export function uploadPoints(
  gl: WebGL2RenderingContext,
  texture: WebGLTexture,
  current: Layout,
  cols: Columns,
  maxSize: number,
): { texture: WebGLTexture; layout: Layout } {
  const layout = dataLayout(cols.n, maxSize);
  const texels = packData(cols, layout);
  const { width: w, height: h } = layout;
  if (w === current.width && h === current.height) {
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, w, h, gl.RGBA, gl.FLOAT, texels);
    return { texture, layout };
  }
  gl.deleteTexture(texture);
  return { texture: floatTexture(gl, w, h, texels), layout };
}
