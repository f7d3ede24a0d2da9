/** The autosave's thinning (core/thin-history.ts) on the curves the trainer really samples. */
import { describe, expect, it } from 'vitest';
import { thinHistory } from '../core/thin-history.ts';
import { sampleEpochs } from './history.ts';

const curve = (epochs: number[]) => epochs.map((epoch) => ({ epoch }));

describe('thinHistory on the sampled loss curve', () => {
  it('keeps the tutorial run’s curve whole: ~410 points over 200,000 epochs', () => {
    const h = curve(sampleEpochs(200_000, 10_000));
    const thin = thinHistory(h);
    expect(thin.length).toBeGreaterThan(0.9 * h.length);
    expect(thin[0]!.epoch).toBe(0);
    expect(thin.at(-1)!.epoch).toBe(200_000);
    // Every tutorial printout (each 10,000 epochs) is still there.
    for (let e = 10_000; e <= 200_000; e += 10_000)
      expect(thin.some((p) => p.epoch === e)).toBe(true);
  });

  it('thins a 100,000,000-epoch run to what the log axis can show, its start included', () => {
    const h = curve(sampleEpochs(100_000_000, 10_000));
    expect(h.length).toBeGreaterThan(10_000);
    const thin = thinHistory(h);
    expect(thin.length).toBeLessThan(1_000);
    expect(thin.slice(0, 11).map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(thin.at(-1)!.epoch).toBe(100_000_000);
  });
});
