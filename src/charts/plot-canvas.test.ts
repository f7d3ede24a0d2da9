import { describe, expect, it } from 'vitest';
import { fieldLut } from './palette.ts';
import { paintField } from './plot-canvas.ts';

describe('paintField', () => {
  it('paints p(blue | x): white on the boundary, red on the red side, blue on the blue side', () => {
    const lut = fieldLut();
    const out = new Uint8ClampedArray(3 * 1 * 4);
    // Model p = σ(x1): the boundary is x1 = 0, the middle pixel of [-3, 3] × [0, 1].
    paintField(out, 3, 1, { x0: -3, x1: 3, y0: 0, y1: 1 }, { w1: 10, w2: 0, b: 0 }, lut);
    const px = (i: number) => [out[i * 4]!, out[i * 4 + 1]!, out[i * 4 + 2]!];
    const [left, mid, right] = [px(0), px(1), px(2)];
    expect(left[0]!).toBeGreaterThan(left[2]!); // red side: more red than blue
    expect(right[2]!).toBeGreaterThan(right[0]!); // blue side: more blue than red
    expect(Math.min(...mid)).toBeGreaterThan(230); // p = 0.5: near white
    expect(out[3]).toBe(255);
  });

  it('stays finite for huge logits (no NaN colour from e^1000)', () => {
    const out = new Uint8ClampedArray(2 * 2 * 4);
    paintField(
      out,
      2,
      2,
      { x0: -1, x1: 1, y0: -1, y1: 1 },
      { w1: 1e6, w2: -1e6, b: 0 },
      fieldLut(),
    );
    expect([...out].every((v) => Number.isFinite(v))).toBe(true);
    expect(out.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
  });
});
