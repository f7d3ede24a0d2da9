import { describe, expect, it } from 'vitest';
import { fmtNum, fmtRate, fmtTick } from './number-format.ts';

describe('numbers as the readouts write them', () => {
  it('uses significant digits, e-notation outside [0.001, 100,000) and the typographic minus', () => {
    expect(fmtNum(0.004426)).toBe('0.004426');
    expect(fmtNum(4.072e-7)).toBe('4.072e−7');
    expect(fmtNum(-2.496e-4)).toBe('−2.496e−4');
    expect(fmtNum(123456)).toBe('1.235e5');
    expect(fmtNum(Number.NaN)).toBe('—');
  });

  it('writes axis ticks short: "1e−6", not "0.000001" (which the loss plot’s margin cut off)', () => {
    expect([1e-6, 2.5e-4, 0.001, 0.01, 0.5, 1, 10].map((v) => fmtTick(v))).toEqual([
      '1e−6',
      '2.5e−4',
      '0.001',
      '0.01',
      '0.5',
      '1',
      '10',
    ]);
  });
});

describe('fmtRate (the slider and the loss curve’s marks spell a rate alike)', () => {
  it('writes two significant digits from 0.01 up, an exponent with a true minus below', () => {
    expect([10, 3.16, 1, 0.1, 0.0251, 0.01].map(fmtRate)).toEqual([
      '10',
      '3.2',
      '1',
      '0.1',
      '0.025',
      '0.01',
    ]);
    expect([0.0099, 2.2e-5, 1e-5].map(fmtRate)).toEqual(['9.9e−3', '2.2e−5', '1.0e−5']);
  });
});
