import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAVE_WHOLE, thinHistory } from './thin-history.ts';

const curve = (epochs: number[]) => epochs.map((epoch) => ({ epoch }));

describe('thinHistory', () => {
  it('keeps a curve of up to SAVE_WHOLE points whole (a reload restores it exactly)', () => {
    const h = curve(Array.from({ length: SAVE_WHOLE }, (_, i) => i * 7));
    expect(thinHistory(h)).toEqual(h);
    expect(thinHistory(h)).not.toBe(h);
    expect(thinHistory([...h, { epoch: 1e7 }]).length).toBeLessThan(h.length);
  });

  it('is an ordered subset with the first and the last point, at most perDecade per decade', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1e9 }), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 200 }),
        (raw, perDecade) => {
          const h = curve([...raw].sort((a, b) => a - b));
          const thin = thinHistory(h, perDecade, 0);
          if (h.length === 0) {
            expect(thin).toEqual([]);
            return;
          }
          expect(thin.at(-1)).toBe(h.at(-1));
          if (h[0]!.epoch === 0) expect(thin[0]).toBe(h[0]);
          thin.forEach((p, i) => {
            expect(h).toContain(p);
            if (i > 0) expect(p.epoch).toBeGreaterThan(thin[i - 1]!.epoch);
          });
          const decades = new Map<number, number>();
          for (const p of thin) {
            const d = p.epoch === 0 ? -1 : Math.floor(Math.log10(p.epoch));
            decades.set(d, (decades.get(d) ?? 0) + 1);
          }
          for (const n of decades.values()) expect(n).toBeLessThanOrEqual(perDecade + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
