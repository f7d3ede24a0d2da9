import { describe, expect, it } from 'vitest';
import { toColumns } from './dataset.ts';
import { makePreset, PRESETS, type PresetId } from './datasets.ts';
import { solveReference } from './reference-solver.ts';
import { accuracy } from './metrics.ts';
import { isLinearlySeparable } from './separability.ts';

const ids = Object.keys(PRESETS) as PresetId[];
const opts = { n: 400, noise: 1, seed: 3 };

describe('makePreset', () => {
  it.each(ids)('%s gives the same points for the same seed and others for another seed', (id) => {
    expect(makePreset(id, opts)).toEqual(makePreset(id, opts));
    expect(makePreset(id, { ...opts, seed: 4 })).not.toEqual(makePreset(id, opts));
    expect(makePreset(id, opts)).toHaveLength(400);
  });

  it.each(ids)('%s puts 33 % of the points in the test split', (id) => {
    expect(makePreset(id, opts).filter((p) => p.split === 'test')).toHaveLength(
      Math.ceil(0.33 * 400),
    );
  });

  it('keeps the tutorial and the outlier presets separable, and the overlap and XOR ones not', () => {
    const sep = (id: PresetId) => isLinearlySeparable(toColumns(makePreset(id, opts)));
    expect(sep('tutorial')).toBe(true);
    expect(sep('outlier')).toBe(true);
    expect(sep('overlap')).toBe(false);
    expect(sep('xor')).toBe(false);
  });

  it('makes the imbalanced preset about 15 % blue', () => {
    const pts = makePreset('imbalanced', { ...opts, n: 4000 });
    const blue = pts.filter((p) => p.label === 1).length / pts.length;
    expect(blue).toBeGreaterThan(0.12);
    expect(blue).toBeLessThan(0.18);
  });

  it('leaves the best linear model near chance on XOR (the app says why)', () => {
    const cols = toColumns(makePreset('xor', { ...opts, n: 2000 }));
    const r = solveReference(cols, 0);
    expect(r.status).toBe('optimum');
    if (r.status === 'optimum') expect(accuracy(cols, r.weights)).toBeLessThan(0.6);
  });

  it('rejects bad options with the bad value in the message', () => {
    expect(() => makePreset('overlap', { ...opts, n: -1 })).toThrow(
      'invalid n; not an integer in [0, 1000000]: -1',
    );
    expect(() => makePreset('overlap', { ...opts, n: 1.5 })).toThrow(RangeError);
    expect(() => makePreset('overlap', { ...opts, noise: 0 })).toThrow(
      'invalid noise; not in (0, 5]: 0',
    );
    expect(() => makePreset('overlap', { ...opts, noise: Number.NaN })).toThrow(RangeError);
    expect(() => makePreset('overlap', { ...opts, seed: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
  });

  it('makes 1,000,000 points', () => {
    expect(makePreset('overlap', { ...opts, n: 1_000_000 })).toHaveLength(1_000_000);
  });
});
