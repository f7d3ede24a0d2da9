/**
 * GLSL ES 3.00 source of the WebGL2 loss-grid kernel. One fragment per grid vertex (i, j) (the
 * viewport is size × size); each draw adds the BCE of one chunk of points to that vertex's running
 * sum. The points live in an RGBA32F texture, one per texel (x1, x2, y, 1), `uW` texels a row (the
 * training engine's layout). The running sum is ping-ponged between two RGBA32F textures as
 * (sum, Kahan compensation, –, –), so that adding thousands of chunk sums loses no digits.
 */
import { SPAN } from '../engines/fused-webgl-shaders.ts';

export { SPAN };

/**
 * The grid kernel. Uniforms: uData (points), uPartials (the previous running sums, read at the
 * fragment's own texel), uW (data texture width), uFrom / uCount (the chunk: points
 * [uFrom, uFrom + uCount)), uLo / uStep (w1 and w2 of vertex (i, j): uLo + (i, j)·uStep), uB.
 * The mean and the L2 term are added on the CPU, in float64.
 */
export const GRID_SHADER = `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
#define SPAN ${SPAN}
uniform sampler2D uData;
uniform sampler2D uPartials;
uniform int uW;
uniform int uFrom;
uniform int uCount;
uniform vec2 uLo;
uniform vec2 uStep;
uniform float uB;
out vec4 oSum;

// softplus(z) − y·z, stably: max(z, 0) − y·z + log(1 + e^−|z|). GLSL has no log1p; log(1 + e)
// is off by at most 2^−24 absolute per point (where 1 + e rounds), far below the float32 sum's
// own rounding. An exact log1p (Goldberg's log(u)·e/(u − 1), or a series for small e) measured
// 1.4–2× slower on SwiftShader, for a gain of at most 6e-8 nats in J.
float bce(vec4 t, vec2 w) {
  float z = w.x * t.x + w.y * t.y + uB;
  return max(z, 0.0) - t.z * z + log(1.0 + exp(-abs(z)));
}

// The next len points, from texel (c, r) on; leaves (c, r) at the texel after them.
float sumSpan(inout int c, inout int r, int len, vec2 w) {
  float acc = 0.0;
  for (int k = 0; k < len; k++) {
    acc += bce(texelFetch(uData, ivec2(c, r), 0), w);
    c++;
    if (c == uW) { c = 0; r++; }
  }
  return acc;
}

void main() {
  ivec2 f = ivec2(gl_FragCoord.xy);
  vec2 w = uLo + vec2(f) * uStep;
  int c = uFrom % uW;
  int r = uFrom / uW;
  float chunk = 0.0;
  for (int s = 0; s < uCount; s += SPAN) chunk += sumSpan(c, r, min(SPAN, uCount - s), w);
  vec2 prev = texelFetch(uPartials, f, 0).xy;
  // Kahan: prev.x is the running sum, prev.y the low-order part it lost.
  float y = chunk - prev.y;
  float t = prev.x + y;
  oSum = vec4(t, (t - prev.x) - y, 0.0, 0.0);
}`;
