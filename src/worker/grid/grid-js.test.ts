import { describe, expect, it } from 'vitest';
import { lossGridF64 } from '../../core/loss-surface.ts';
import { gridSpec, randomCols } from './grid-test-data.ts';
import { createJsGridEngine, finishGrid, lossGridJs } from './grid-js.ts';

const spec = gridSpec;

describe('lossGridJs', () => {
  it('equals lossGridF64 bit for bit on random data, with and without L2', () => {
    for (const [n, seed] of [
      [1, 1],
      [7, 2],
      [300, 3],
    ] as const) {
      const cols = randomCols(n, seed);
      for (const s of [spec(), spec({ l2: 0.3, b: -2, size: 9 })]) {
        expect(lossGridJs(cols, s)).toEqual(lossGridF64(cols, s));
      }
    }
  });

  it('stays finite and exact at huge logits (|w| = 1000)', () => {
    const cols = randomCols(50, 4);
    const s = spec({ w1: [-1000, 1000], w2: [-1000, 1000], b: 30, l2: 0.01, size: 5 });
    const values = lossGridJs(cols, s);
    expect(values).toEqual(lossGridF64(cols, s));
    expect(values.every(Number.isFinite)).toBe(true);
    // The grid includes (0, 0): BCE there is softplus(30) − 30·ȳ with ȳ = 0.5 on this data.
    expect(values[2 * 5 + 2]).toBeCloseTo(30 + Math.log1p(Math.exp(-30)) - 15, 12);
  });

  it('gives the L2 term alone when there are no points', () => {
    const empty = {
      n: 0,
      x1: new Float64Array(0),
      x2: new Float64Array(0),
      y: new Float64Array(0),
    };
    const s = spec({ l2: 2, size: 3, w1: [-1, 1], w2: [0, 2] });
    expect(Array.from(lossGridJs(empty, s))).toEqual([1, 0, 1, 2, 1, 2, 5, 4, 5]);
    expect(lossGridJs(empty, s)).toEqual(lossGridF64(empty, s));
  });

  it('puts w1 along rows and w2 down columns, both range ends included', () => {
    const cols = randomCols(20, 5);
    const s = spec({ size: 4, w1: [0, 3], w2: [-3, 0] });
    const values = lossGridJs(cols, s);
    const one = lossGridF64(cols, { ...s, w1: [2, 3], w2: [-2, -1], size: 2 });
    expect(values[1 * 4 + 2]).toBe(one[0]);
    expect(values[2 * 4 + 3]).toBe(one[3]);
  });

  it('rejects a bad spec with the bad value in the message', () => {
    expect(() => lossGridJs(randomCols(3, 6), spec({ size: 1 }))).toThrow(/size.*: 1/);
    expect(() => lossGridJs(randomCols(3, 6), spec({ w1: [1, 1] }))).toThrow(/w1 range/);
    expect(() => lossGridJs(randomCols(3, 6), spec({ l2: -1 }))).toThrow(/l2/);
  });
});

describe('the js-f64 grid engine', () => {
  it('returns lossGridF64 rounded to float32, for the data of its last setData', () => {
    const engine = createJsGridEngine();
    expect(engine.id).toBe('js-f64');
    engine.setData(randomCols(10, 7));
    const cols = randomCols(40, 8);
    engine.setData(cols);
    const s = spec({ l2: 0.05 });
    expect(engine.compute(s)).toEqual(Float32Array.from(lossGridF64(cols, s)));
    engine.dispose();
  });

  it('computes the L2 term alone before any data arrive', () => {
    const engine = createJsGridEngine();
    expect(Array.from(engine.compute(spec({ size: 2, w1: [0, 1], w2: [0, 1], l2: 1 })))).toEqual([
      0, 0.5, 0.5, 1,
    ]);
  });
});

describe('finishGrid', () => {
  it('turns BCE sums into the mean plus the L2 term, in float64', () => {
    const s = spec({ size: 2, w1: [0, 1], w2: [0, 2], l2: 0.5 });
    expect(Array.from(finishGrid([4, 8, 12, 16], 4, s))).toEqual([1, 2.25, 4, 5.25]);
    expect(Array.from(finishGrid([9, 9, 9, 9], 0, s))).toEqual([0, 0.25, 1, 1.25]);
  });
});
