import { describe, expect, it } from 'vitest';
import type { LabelledPoint } from './dataset.ts';
import { assignSplit, trainTestSplit } from './split.ts';

const items = Array.from({ length: 300 }, (_, i) => i);

describe('trainTestSplit', () => {
  it('holds out ceil(0.33 · 300) = 99 test items and keeps 201 for training, as scikit-learn does', () => {
    const { train, test } = trainTestSplit(items);
    expect(test).toHaveLength(99);
    expect(train).toHaveLength(201);
    expect(trainTestSplit(items.slice(0, 10), 0.25).test).toHaveLength(3);
    expect(trainTestSplit(items.slice(0, 10), 0.33).test).toHaveLength(4); // ceil(3.3), not round
  });

  it('is a partition: every item exactly once, nothing lost or duplicated', () => {
    const { train, test } = trainTestSplit(items, 0.33, 7);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(items);
    expect(new Set(test).size).toBe(test.length);
  });

  it('gives the same split for the same seed and a different one for another seed', () => {
    expect(trainTestSplit(items, 0.33, 42)).toEqual(trainTestSplit(items, 0.33, 42));
    expect(trainTestSplit(items, 0.33, 43).test).not.toEqual(trainTestSplit(items, 0.33, 42).test);
  });

  it('keeps the original order inside each part', () => {
    const { train, test } = trainTestSplit(items);
    expect(train).toEqual([...train].sort((a, b) => a - b));
    expect(test).toEqual([...test].sort((a, b) => a - b));
  });

  it('throws a RangeError naming the bad testFraction for 0, 1, 1.5 and NaN', () => {
    expect(() => trainTestSplit(items, 0)).toThrow(RangeError);
    expect(() => trainTestSplit(items, 1)).toThrow('invalid testFraction; not in (0, 1): 1');
    expect(() => trainTestSplit(items, 1.5)).toThrow('invalid testFraction; not in (0, 1): 1.5');
    expect(() => trainTestSplit(items, Number.NaN)).toThrow(
      'invalid testFraction; not in (0, 1): NaN',
    );
  });

  it('splits an empty list into two empty lists', () => {
    expect(trainTestSplit([])).toEqual({ train: [], test: [] });
  });
});

describe('assignSplit', () => {
  const points: LabelledPoint[] = items.map((i) => ({ x1: i, x2: -i, label: i % 2 === 0 ? 0 : 1 }));

  it('marks the same points as test as trainTestSplit picks, keeping order and coordinates', () => {
    const marked = assignSplit(points, 0.33, 42);
    const { test } = trainTestSplit(points, 0.33, 42);
    expect(marked.filter((p) => p.split === 'test').map((p) => p.x1)).toEqual(
      test.map((p) => p.x1),
    );
    expect(marked.map((p) => p.x1)).toEqual(items);
    expect(marked.filter((p) => p.split === 'train')).toHaveLength(201);
  });

  it('rejects a bad testFraction too', () => {
    expect(() => assignSplit(points, -0.1)).toThrow('invalid testFraction; not in (0, 1): -0.1');
  });
});
