import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmtCount } from './count.ts';

describe('fmtCount', () => {
  it('writes what toLocaleString("en-US") writes, for every whole number', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ min: -1e22, max: 1e22 })),
        (v) => {
          const r = Math.round(v);
          const expected = (Object.is(r, -0) ? 0 : r).toLocaleString('en-US');
          expect(fmtCount(v)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('groups the counts the app shows', () => {
    expect(fmtCount(0)).toBe('0');
    expect(fmtCount(-0.2)).toBe('0');
    expect(fmtCount(999)).toBe('999');
    expect(fmtCount(1000)).toBe('1,000');
    expect(fmtCount(200_000)).toBe('200,000');
    expect(fmtCount(1_000_000)).toBe('1,000,000');
    expect(fmtCount(-1234567.6)).toBe('-1,234,568');
    expect(fmtCount(Number.NaN)).toBe('NaN');
  });
});
