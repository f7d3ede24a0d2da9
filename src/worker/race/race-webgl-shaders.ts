/**
 * GLSL ES 3.00 sources of the WebGL race kernel. The data texture is the single-model engine's
 * (one point per texel: x1, x2, y, 1). The optimizer state lives in four RGBA32F textures of
 * {@link LANE_COLUMNS} columns, one texel per lane (lane k at (k mod 2, k div 2)), written
 * together through multiple render targets:
 * θ = (w1, w2, b, –), m = (m1, m2, mb, t), v = (v1, v2, vb, –), c = Kahan compensation of θ.
 * The fragment of a lane updates it with its own lr (`uLrs`) and optimizer (`uOpts`); the update
 * maths are those of fused-webgl-shaders.ts, per lane.
 *
 * Why two columns and not one row: rasterisers shade 2×2 quads, and SwiftShader runs a quad's
 * fragments as one SIMD group, so a K×1 row of lanes leaves half of every quad idle. Measured on
 * SwiftShader (2 busy cores, 201 points): 4 lanes ran 1.7× and 8 lanes 1.9× faster as 2×2 and
 * 2×4 than as 4×1 and 8×1 (435k vs 254k and 482k vs 253k lane-epochs/s). On a GPU, whose warps
 * hold all 8 lanes either way, the layout should not matter (not measured: no GPU here).
 */
import type { Weights } from '../../core/maths.ts';
import type { TrainParams } from '../engines/engine.ts';
import { RESIDUAL, SPAN, STATE_UNIFORMS, UPDATE_RULES } from '../engines/fused-webgl-shaders.ts';

/** Columns of the state textures and of the viewport of a state draw (rows: ⌈K / 2⌉). */
export const LANE_COLUMNS = 2;

/** Texels [columns, rows] that K lanes occupy; lane k is texel k in row-major order. */
export function laneGrid(lanes: number): [number, number] {
  return [Math.min(lanes, LANE_COLUMNS), Math.ceil(lanes / LANE_COLUMNS)];
}

/** Every lane's θ from the RGBA texels of a θ texture read back over {@link laneGrid}. */
export function unpackLanes(px: Float32Array, lanes: number): Weights[] {
  return Array.from({ length: lanes }, (_, i) => ({
    w1: px[4 * i]!,
    w2: px[4 * i + 1]!,
    b: px[4 * i + 2]!,
  }));
}

/** Optimizer codes of `uOpts`. */
export const OPTIMIZER_CODE = { sgd: 0, momentum: 1, adam: 2 } as const;

/** The three programs of the race kernel. */
export interface RaceShaders {
  /** Small N: the fragment of a lane runs uK whole epochs of that lane. */
  fused: string;
  /** Large N, pass 1: per-(lane, block of a row) residual sums. */
  partials: string;
  /** Large N, pass 2: the fragment of a lane adds up its partials and applies the update. */
  reduce: string;
}

const header = (slots: number): string => `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
#define SPAN ${SPAN}
#define SLOTS ${slots}
#define COLUMNS ${LANE_COLUMNS}
uniform sampler2D uData;
uniform int uN;
uniform int uW;

ivec2 laneTexel(int lane) {
  return ivec2(lane % COLUMNS, lane / COLUMNS);
}

int fragmentLane() {
  ivec2 f = ivec2(gl_FragCoord.xy);
  return f.x + COLUMNS * f.y;
}
`;

/** Per-lane state: each lane's learning rate and optimizer come from uniform arrays. */
const STATE = `${STATE_UNIFORMS}
uniform float uLrs[SLOTS];
uniform int uOpts[SLOTS];
${UPDATE_RULES}
State load(int lane) {
  ivec2 o = laneTexel(lane);
  return State(texelFetch(uTheta, o, 0).xyz, texelFetch(uM, o, 0),
               texelFetch(uV, o, 0).xyz, texelFetch(uC, o, 0).xyz);
}
`;

const fused = (slots: number): string => `${header(slots)}${RESIDUAL}${STATE}
uniform int uK;

vec3 gradientSums(vec3 th) {
  vec3 total = vec3(0.0);
  int rows = (uN + uW - 1) / uW;
  for (int r = 0; r < rows; r++) total += sumRange(r, 0, rowLength(r), th);
  return total;
}

void main() {
  int lane = fragmentLane();
  float lr = uLrs[lane];
  int opt = uOpts[lane];
  State s = load(lane);
  for (int k = 0; k < uK; k++) update(s, gradientSums(s.th), lr, opt);
  store(s);
}`;

// The partials texture is uBpr·lanes wide: lane k owns columns [k·uBpr, (k+1)·uBpr).
const partials = (slots: number): string => `${header(slots)}${RESIDUAL}
uniform sampler2D uTheta;
uniform int uBlock;
uniform int uBpr;
out vec4 oPartial;

void main() {
  ivec2 f = ivec2(gl_FragCoord.xy);
  int lane = f.x / uBpr;
  int len = rowLength(f.y);
  int c0 = min((f.x - lane * uBpr) * uBlock, len);
  vec3 th = texelFetch(uTheta, laneTexel(lane), 0).xyz;
  oPartial = vec4(sumRange(f.y, c0, min(c0 + uBlock, len), th), 0.0);
}`;

const reduce = (slots: number): string => `${header(slots)}${STATE}
uniform sampler2D uPartials;
uniform int uBpr;

void main() {
  int lane = fragmentLane();
  int rows = textureSize(uPartials, 0).y;
  int c0 = lane * uBpr;
  vec3 total = vec3(0.0);
  for (int r = 0; r < rows; r++) {
    vec3 rowSum = vec3(0.0);
    for (int c = c0; c < c0 + uBpr; c++) rowSum += texelFetch(uPartials, ivec2(c, r), 0).xyz;
    total += rowSum;
  }
  State s = load(lane);
  update(s, total, uLrs[lane], uOpts[lane]);
  store(s);
}`;

/**
 * Values of the float uniforms that every lane shares, for `n` points. Computed in float64: in
 * float32, 1 − 0.999 keeps only ~4 significant digits.
 */
export function floatUniforms(p: TrainParams, n: number): Record<string, number> {
  return {
    uInvN: n > 0 ? 1 / n : 0,
    uL2: p.l2,
    uMu: p.momentum,
    uB1: p.beta1,
    uB2: p.beta2,
    uOneMinusB1: 1 - p.beta1,
    uOneMinusB2: 1 - p.beta2,
    uLnB1: Math.log(p.beta1),
    uLnB2: Math.log(p.beta2),
    uEps: p.epsilon,
  };
}

/** The race kernel's fragment shaders for `slots` lanes at most. */
export function raceShaders(slots: number): RaceShaders {
  return { fused: fused(slots), partials: partials(slots), reduce: reduce(slots) };
}
