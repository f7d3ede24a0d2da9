import { describe, expect, it } from 'vitest';
import { splitPoints } from '../core/dataset.ts';
import { dataSummary } from './split-arrays.ts';

describe('dataSummary (the plot described to a screen reader)', () => {
  const split = splitPoints([
    { x1: 0, x2: 0, label: 0, split: 'train' },
    { x1: 1, x2: 1, label: 1, split: 'train' },
    { x1: 2, x2: 2, label: 1, split: 'test' },
  ]);

  it('counts the classes and the splits, and says when the plot shows one split only', () => {
    const all = '3 points: 1 red (class 0), 2 blue (class 1); 2 train, 1 test.';
    expect(dataSummary(split)).toBe(all);
    expect(dataSummary(split, 'test')).toBe(`${all} Shown: the test points only.`);
    expect(dataSummary(split, 'train')).toBe(`${all} Shown: the training points only.`);
  });
});
