import { describe, expect, it } from 'vitest';
import { createFusedWebGLEngine, WebGLContextLostError } from './fused-webgl.ts';
import { dataLayout, isSoftwareRenderer, MAX_WIDTH, packData, Pacer } from './fused-webgl-plan.ts';

// The kernel itself needs WebGL2: it is exercised in a real browser (see the e2e tests). Here:
// the pure planning code, and the errors thrown where WebGL2 is missing.

const fakeCanvas = (getContext: () => unknown) =>
  ({ getContext, addEventListener: () => {} }) as unknown as OffscreenCanvas;

describe('createFusedWebGLEngine without WebGL2', () => {
  it('says WebGL2 is unavailable when getContext returns null', () => {
    expect(() => createFusedWebGLEngine({ canvas: fakeCanvas(() => null) })).toThrow(
      /WebGL2 is unavailable/,
    );
  });

  it('says float render targets are missing without EXT_color_buffer_float', () => {
    const gl = { getExtension: () => null };
    expect(() => createFusedWebGLEngine({ canvas: fakeCanvas(() => gl) })).toThrow(
      /EXT_color_buffer_float/,
    );
  });

  it('names its context-lost error', () => {
    const e = new WebGLContextLostError();
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('WebGLContextLostError');
  });
});

describe('dataLayout', () => {
  it('keeps one row of MAX_WIDTH texels for small and empty data', () => {
    expect(dataLayout(0, 16384)).toEqual({ width: MAX_WIDTH, height: 1 });
    expect(dataLayout(200, 16384)).toEqual({ width: MAX_WIDTH, height: 1 });
  });

  it('adds rows as needed, and narrows to MAX_TEXTURE_SIZE', () => {
    expect(dataLayout(MAX_WIDTH + 1, 16384)).toEqual({ width: MAX_WIDTH, height: 2 });
    expect(dataLayout(1_000_000, 16384).height).toBe(245);
    expect(dataLayout(5000, 2048)).toEqual({ width: 2048, height: 3 });
  });

  it('refuses more points than the largest texture holds', () => {
    expect(() => dataLayout(2048 * 2048 + 1, 2048)).toThrow(RangeError);
  });
});

describe('packData', () => {
  it('writes (x1, x2, y, 1) per point and leaves the padding zero', () => {
    const cols = {
      n: 2,
      x1: Float64Array.of(1.5, -2),
      x2: Float64Array.of(3, 4),
      y: Float64Array.of(1, 0),
    };
    const out = packData(cols, { width: 4, height: 1 });
    expect(Array.from(out)).toEqual([1.5, 3, 1, 1, -2, 4, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('isSoftwareRenderer', () => {
  it('tells software rasterisers from GPUs', () => {
    const swift =
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
    expect(isSoftwareRenderer(swift)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0)')).toBe(
      false,
    );
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
  });
});

describe('Pacer', () => {
  const full = { path: 'fused' as const, n: 184, draws: 1, full: true };

  it('starts with short draws and never plans fewer than one epoch', () => {
    const p = new Pacer(8);
    expect(p.epochsPerDraw(184)).toBe(100);
    expect(p.epochsPerDraw(1e9)).toBe(1);
    expect(p.bands(1e6, 245)).toBeGreaterThan(1);
    expect(p.bands(10, 1)).toBe(1);
  });

  it('speeds up at most 4× per full run', () => {
    const p = new Pacer(8);
    p.record({ ...full, epochs: 100, ms: 0.2 });
    expect(p.estimate('fused')).toBe(100);
    expect(p.epochsPerDraw(184)).toBe(400);
  });

  it('ignores small fast runs, which are mostly overhead', () => {
    const p = new Pacer(8);
    p.record({ ...full, epochs: 1, ms: 0.5, full: false });
    expect(p.estimate('fused')).toBe(400);
  });

  it('slows down halfway (in log scale) after a slow draw', () => {
    const p = new Pacer(8);
    p.record({ ...full, epochs: 100, ms: 32 });
    expect(p.estimate('fused')).toBeCloseTo(800, 6);
    p.record({ ...full, epochs: 1, ms: 40, full: false });
    expect(p.estimate('fused')).toBeGreaterThan(800);
  });
});
