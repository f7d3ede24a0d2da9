import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmtBound, parseNumberInput } from './number-input.ts';

const POINTS = { min: 4, max: 1_000_000, integer: true };
const NOISE = { min: 0.05, max: 5 };

describe('parseNumberInput', () => {
  it('reads plain, signed, exponent and grouped numbers', () => {
    expect(parseNumberInput(' 300 ', POINTS)).toEqual({ ok: true, value: 300 });
    expect(parseNumberInput('200,000', POINTS)).toEqual({ ok: true, value: 200_000 });
    expect(parseNumberInput('1e3', POINTS)).toEqual({ ok: true, value: 1000 });
    expect(parseNumberInput('.5', NOISE)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberInput('+2.', NOISE)).toEqual({ ok: true, value: 2 });
  });

  it('echoes what was typed, never an empty string, and gives the allowed range', () => {
    const r = parseNumberInput('abc', POINTS);
    expect(r).toEqual({
      ok: false,
      why: '“abc” is not a number (allowed: 4 to 1,000,000, whole numbers).',
    });
    expect(parseNumberInput('', NOISE)).toMatchObject({
      why: /type a number \(allowed: 0.05 to 5\)/,
    });
    expect(parseNumberInput('0x10', POINTS)).toMatchObject({ why: /“0x10” is not a number/ });
    expect(parseNumberInput('Infinity', POINTS)).toMatchObject({
      why: /“Infinity” is not a number/,
    });
  });

  it('says "too large" for numbers beyond float64 and "too small" for ones that round to 0', () => {
    expect(parseNumberInput('1e309', POINTS)).toMatchObject({ why: /“1e309” is too large/ });
    expect(parseNumberInput('-1e309', NOISE)).toMatchObject({ why: /too large/ });
    expect(parseNumberInput('1e-400', POINTS)).toMatchObject({ why: /“1e-400” is too small/ });
    expect(parseNumberInput('0', { min: 0, max: 1 })).toEqual({ ok: true, value: 0 });
    expect(parseNumberInput('0e5', { min: 0, max: 1 })).toEqual({ ok: true, value: 0 });
  });

  it('refuses a decimal comma instead of reading "1,5" as 15', () => {
    expect(parseNumberInput('1,5', NOISE)).toMatchObject({
      why: '“1,5” uses a comma: write decimals with a dot (1.5).',
    });
    expect(parseNumberInput('1,50', POINTS)).toMatchObject({ why: /uses a comma/ });
    expect(parseNumberInput('12,34,567', POINTS)).toMatchObject({ why: /is not a number/ });
  });

  it('names the bound that is crossed, formatted, and refuses fractions for whole numbers', () => {
    expect(parseNumberInput('0', POINTS)).toMatchObject({
      why: /“0” is below 4 \(allowed: 4 to 1,000,000/,
    });
    expect(parseNumberInput('5000000', POINTS)).toMatchObject({ why: /above 1,000,000/ });
    expect(parseNumberInput('2.5', POINTS)).toMatchObject({ why: /not a whole number/ });
    expect(fmtBound(2 ** 31)).toBe('2,147,483,648');
  });

  it('accepts exactly the numbers in range, whatever way they are written', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const r = parseNumberInput(String(v), NOISE);
        expect(r.ok).toBe(v >= NOISE.min && v <= NOISE.max);
        if (r.ok) expect(r.value).toBe(v);
      }),
    );
  });
});
