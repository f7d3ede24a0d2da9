/**
 * GLSL ES 3.00 sources of the fused WebGL engine. The data live in an RGBA32F texture, one point
 * per texel (x1, x2, y, 1), `width` texels per row; the optimizer state lives in four 1×1 RGBA32F
 * textures written together through multiple render targets:
 * θ = (w1, w2, b, –), m = (m1, m2, mb, t), v = (v1, v2, vb, –), c = Kahan compensation of θ.
 */

/** Points summed into one partial before it joins a larger sum; bounds float32 rounding growth. */
export const SPAN = 64;

/** A triangle that covers the whole viewport; no vertex buffers needed. */
export const VERTEX_SHADER = `#version 300 es
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}`;

const HEADER = `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
#define SPAN ${SPAN}
uniform sampler2D uData;
uniform int uN;
uniform int uW;
`;

/**
 * (p − y)·(x1, x2, 1) for one point. p and 1 − p both come from e^−|z| so that the tiny
 * residuals of well-classified points survive instead of rounding to 0 (as 1 − p would).
 * Also the span sums over a row of the data texture. Shared with the race kernel; needs the
 * uniforms uData, uN, uW and the SPAN define of a header.
 */
export const RESIDUAL = `
vec3 residual(vec4 t, vec3 th) {
  float z = th.x * t.x + th.y * t.y + th.z;
  float e = exp(-abs(z));
  float s = 1.0 / (1.0 + e);
  float pe = e * s;
  float p = z >= 0.0 ? s : pe;
  float q = z >= 0.0 ? pe : s;
  float d = p * (1.0 - t.z) - q * t.z;
  return vec3(d * t.x, d * t.y, d);
}

vec3 sumSpan(int row, int c0, int c1, vec3 th) {
  vec3 acc = vec3(0.0);
  for (int c = c0; c < c1; c++) acc += residual(texelFetch(uData, ivec2(c, row), 0), th);
  return acc;
}

// Columns [c0, c1) of one row, summed span by span.
vec3 sumRange(int row, int c0, int c1, vec3 th) {
  vec3 acc = vec3(0.0);
  for (int s = c0; s < c1; s += SPAN) acc += sumSpan(row, s, min(s + SPAN, c1), th);
  return acc;
}

int rowLength(int row) {
  return clamp(uN - row * uW, 0, uW);
}
`;

/** The optimizer state textures, the shared hyper-parameter uniforms and the four MRT outputs. */
export const STATE_UNIFORMS = `
uniform sampler2D uTheta;
uniform sampler2D uM;
uniform sampler2D uV;
uniform sampler2D uC;
uniform float uInvN;
uniform float uL2;
uniform float uMu;
uniform float uB1;
uniform float uB2;
uniform float uOneMinusB1;
uniform float uOneMinusB2;
uniform float uLnB1;
uniform float uLnB2;
uniform float uEps;
layout(location = 0) out vec4 oTheta;
layout(location = 1) out vec4 oM;
layout(location = 2) out vec4 oV;
layout(location = 3) out vec4 oC;
`;

/**
 * The update rules, TF.js's conventions for momentum and Adam, with the learning rate and the
 * optimizer as arguments (one model: uniforms; the race: per lane). Needs STATE_UNIFORMS.
 */
export const UPDATE_RULES = `
struct State { vec3 th; vec4 m; vec3 v; vec3 c; };

void store(State s) {
  oTheta = vec4(s.th, 0.0);
  oM = s.m;
  oV = vec4(s.v, 0.0);
  oC = vec4(s.c, 0.0);
}

// 1 − β^t; a series near t·ln β = 0, where 1 − exp() would cancel most digits.
float biasCorrection(float lnB, float t) {
  float a = t * lnB;
  if (a > -0.01) return -a * (1.0 + a * (0.5 + a * (1.0 / 6.0 + a * (1.0 / 24.0))));
  return 1.0 - exp(a);
}

vec3 adamStep(inout State s, vec3 g, float lr) {
  s.m.w += 1.0;
  s.m.xyz = uB1 * s.m.xyz + uOneMinusB1 * g;
  s.v = uB2 * s.v + uOneMinusB2 * g * g;
  vec3 mh = s.m.xyz / biasCorrection(uLnB1, s.m.w);
  vec3 vh = s.v / biasCorrection(uLnB2, s.m.w);
  return lr * mh / (sqrt(vh) + uEps);
}

// One optimizer step along the gradient g. opt: 0 SGD, 1 momentum, 2 Adam.
void descend(inout State s, vec3 g, float lr, int opt) {
  vec3 u;
  if (opt == 0) {
    u = lr * g;
  } else if (opt == 1) {
    s.m.xyz = uMu * s.m.xyz + g;
    u = lr * s.m.xyz;
  } else {
    u = adamStep(s, g, lr);
  }
  // Kahan summation of θ: updates below half an ulp of θ would otherwise be lost (a stall).
  vec3 y = -u - s.c;
  vec3 t = s.th + y;
  s.c = (t - s.th) - y;
  s.th = t;
}

// (w1, w2, b) from the residual sums: the mean gradient plus L2 on w1, w2 (not b).
void update(inout State s, vec3 sums, float lr, int opt) {
  descend(s, sums * uInvN + vec3(uL2 * s.th.xy, 0.0), lr, opt);
}
`;

/** One model's state: its learning rate and optimizer are uniforms; θ… live in 1×1 textures. */
const STATE = `${STATE_UNIFORMS}
uniform float uLr;
uniform int uOpt;
${UPDATE_RULES}
State load() {
  ivec2 o = ivec2(0);
  return State(texelFetch(uTheta, o, 0).xyz, texelFetch(uM, o, 0),
               texelFetch(uV, o, 0).xyz, texelFetch(uC, o, 0).xyz);
}
`;

/** Small N: one fragment runs uK whole epochs, looping over every point each epoch. */
export const FUSED_SHADER = `${HEADER}${RESIDUAL}${STATE}
uniform int uK;

vec3 gradientSums(vec3 th) {
  vec3 total = vec3(0.0);
  int rows = (uN + uW - 1) / uW;
  for (int r = 0; r < rows; r++) total += sumRange(r, 0, rowLength(r), th);
  return total;
}

void main() {
  State s = load();
  for (int k = 0; k < uK; k++) update(s, gradientSums(s.th), uLr, uOpt);
  store(s);
}`;

/** Large N, pass 1: the fragment at (bx, row) sums points [bx·uBlock, (bx+1)·uBlock) of a row. */
export const PARTIALS_SHADER = `${HEADER}${RESIDUAL}
uniform sampler2D uTheta;
uniform int uBlock;
out vec4 oPartial;

void main() {
  ivec2 f = ivec2(gl_FragCoord.xy);
  int len = rowLength(f.y);
  int c0 = min(f.x * uBlock, len);
  vec3 th = texelFetch(uTheta, ivec2(0), 0).xyz;
  oPartial = vec4(sumRange(f.y, c0, min(c0 + uBlock, len), th), 0.0);
}`;

/** Large N, pass 2: one fragment adds up the partials (row by row) and applies the update. */
export const REDUCE_SHADER = `${HEADER}${STATE}
uniform sampler2D uPartials;

void main() {
  ivec2 size = textureSize(uPartials, 0);
  vec3 total = vec3(0.0);
  for (int r = 0; r < size.y; r++) {
    vec3 rowSum = vec3(0.0);
    for (int c = 0; c < size.x; c++) rowSum += texelFetch(uPartials, ivec2(c, r), 0).xyz;
    total += rowSum;
  }
  State s = load();
  update(s, total, uLr, uOpt);
  store(s);
}`;

/**
 * With quadratic features: (p − y)·(x1, x2, 1) into `sa` and (p − y)·(x1², x2², x1·x2) into `sq`,
 * the features computed on the fly; `a` = (w1, w2, b), `q` = (w11, w22, w12).
 */
const RESIDUAL_QUAD = `
void residualQ(vec4 t, vec3 a, vec3 q, inout vec3 sa, inout vec3 sq) {
  vec3 f = vec3(t.x * t.x, t.y * t.y, t.x * t.y);
  float z = a.x * t.x + a.y * t.y + a.z + dot(q, f);
  float e = exp(-abs(z));
  float s = 1.0 / (1.0 + e);
  float pe = e * s;
  float p = z >= 0.0 ? s : pe;
  float r = z >= 0.0 ? pe : s;
  float d = p * (1.0 - t.z) - r * t.z;
  sa += vec3(d * t.x, d * t.y, d);
  sq += d * f;
}

void sumSpanQ(int row, int c0, int c1, vec3 a, vec3 q, inout vec3 sa, inout vec3 sq) {
  vec3 ta = vec3(0.0);
  vec3 tq = vec3(0.0);
  for (int c = c0; c < c1; c++) residualQ(texelFetch(uData, ivec2(c, row), 0), a, q, ta, tq);
  sa += ta;
  sq += tq;
}

void sumRangeQ(int row, int c0, int c1, vec3 a, vec3 q, inout vec3 sa, inout vec3 sq) {
  vec3 ta = vec3(0.0);
  vec3 tq = vec3(0.0);
  for (int s = c0; s < c1; s += SPAN) sumSpanQ(row, s, min(s + SPAN, c1), a, q, ta, tq);
  sa += ta;
  sq += tq;
}
`;

/** The quadratic weights' state (θq = (w11, w22, w12), its m, v, c) and outputs 4–7. */
const STATE_QUAD = `
uniform sampler2D uThetaQ;
uniform sampler2D uMQ;
uniform sampler2D uVQ;
uniform sampler2D uCQ;
// 1 for each feature that is on (x1², x2², x1·x2): the others' weights stay 0.
uniform vec3 uQuadMask;
layout(location = 4) out vec4 oThetaQ;
layout(location = 5) out vec4 oMQ;
layout(location = 6) out vec4 oVQ;
layout(location = 7) out vec4 oCQ;

State loadQ() {
  ivec2 o = ivec2(0);
  return State(texelFetch(uThetaQ, o, 0).xyz, texelFetch(uMQ, o, 0),
               texelFetch(uVQ, o, 0).xyz, texelFetch(uCQ, o, 0).xyz);
}

void storeQ(State s) {
  oThetaQ = vec4(s.th, 0.0);
  oMQ = s.m;
  oVQ = vec4(s.v, 0.0);
  oCQ = vec4(s.c, 0.0);
}

// (w11, w22, w12) from their residual sums: every one penalised, the features that are off held.
void updateQ(inout State s, vec3 sums, float lr, int opt) {
  descend(s, (sums * uInvN + uL2 * s.th) * uQuadMask, lr, opt);
}
`;

/** Small N with quadratic features: as FUSED_SHADER, six parameters in two states. */
export const FUSED_QUAD_SHADER = `${HEADER}${RESIDUAL}${RESIDUAL_QUAD}${STATE}${STATE_QUAD}
uniform int uK;

void main() {
  State s = load();
  State r = loadQ();
  int rows = (uN + uW - 1) / uW;
  for (int k = 0; k < uK; k++) {
    vec3 sa = vec3(0.0);
    vec3 sq = vec3(0.0);
    for (int row = 0; row < rows; row++) sumRangeQ(row, 0, rowLength(row), s.th, r.th, sa, sq);
    update(s, sa, uLr, uOpt);
    updateQ(r, sq, uLr, uOpt);
  }
  store(s);
  storeQ(r);
}`;

/** Large N with quadratic features, pass 1: both partial sums of a block, in two targets. */
export const PARTIALS_QUAD_SHADER = `${HEADER}${RESIDUAL}${RESIDUAL_QUAD}
uniform sampler2D uTheta;
uniform sampler2D uThetaQ;
uniform int uBlock;
layout(location = 0) out vec4 oPartial;
layout(location = 1) out vec4 oPartialQ;

void main() {
  ivec2 f = ivec2(gl_FragCoord.xy);
  int len = rowLength(f.y);
  int c0 = min(f.x * uBlock, len);
  vec3 sa = vec3(0.0);
  vec3 sq = vec3(0.0);
  sumRangeQ(f.y, c0, min(c0 + uBlock, len), texelFetch(uTheta, ivec2(0), 0).xyz,
            texelFetch(uThetaQ, ivec2(0), 0).xyz, sa, sq);
  oPartial = vec4(sa, 0.0);
  oPartialQ = vec4(sq, 0.0);
}`;

/** Large N with quadratic features, pass 2: adds up both partials and updates both states. */
export const REDUCE_QUAD_SHADER = `${HEADER}${STATE}${STATE_QUAD}
uniform sampler2D uPartials;
uniform sampler2D uPartialsQ;

void main() {
  ivec2 size = textureSize(uPartials, 0);
  vec3 ta = vec3(0.0);
  vec3 tq = vec3(0.0);
  for (int r = 0; r < size.y; r++) {
    vec3 ra = vec3(0.0);
    vec3 rq = vec3(0.0);
    for (int c = 0; c < size.x; c++) {
      ra += texelFetch(uPartials, ivec2(c, r), 0).xyz;
      rq += texelFetch(uPartialsQ, ivec2(c, r), 0).xyz;
    }
    ta += ra;
    tq += rq;
  }
  State s = load();
  State q = loadQ();
  update(s, ta, uLr, uOpt);
  updateQ(q, tq, uLr, uOpt);
  store(s);
  storeQ(q);
}`;
