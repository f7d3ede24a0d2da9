import { describe, expect, it } from 'vitest';
import { makeNormal, makeRng, shuffleInPlace } from './random.ts';

describe('makeRng', () => {
  it('returns the same uniform sequence in [0, 1) for the same seed', () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const xs = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('returns a different sequence for another seed', () => {
    expect(makeRng(1)()).not.toBe(makeRng(2)());
  });

  it('rejects NaN and infinite seeds with the value in the message', () => {
    expect(() => makeRng(Number.NaN)).toThrow(/NaN/);
    expect(() => makeRng(Infinity)).toThrow(RangeError);
  });
});

describe('makeNormal', () => {
  it('draws samples whose mean and standard deviation match mu and sigma', () => {
    const draw = makeNormal(makeRng(5), 3, 2);
    const xs = Array.from({ length: 20_000 }, draw);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  it('rejects a negative sigma', () => {
    expect(() => makeNormal(makeRng(1), 0, -1)).toThrow(
      'invalid sigma; not a finite number ≥ 0: -1',
    );
  });
});

describe('shuffleInPlace', () => {
  it('permutes the array in place, deterministically for a seed', () => {
    const arr = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffleInPlace(arr, makeRng(9));
    expect(out).toBe(arr);
    expect([...arr].sort((p, q) => p - q)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(arr).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(
      shuffleInPlace(
        Array.from({ length: 50 }, (_, i) => i),
        makeRng(9),
      ),
    ).toEqual(arr);
  });

  it('puts each element first about equally often', () => {
    const rng = makeRng(11);
    const firsts = [0, 0, 0, 0];
    for (let t = 0; t < 8000; t++) firsts[shuffleInPlace([0, 1, 2, 3], rng)[0]!]! += 1;
    for (const c of firsts) expect(Math.abs(c - 2000)).toBeLessThan(150);
  });
});
