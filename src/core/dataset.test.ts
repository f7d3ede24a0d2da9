import { describe, expect, it } from 'vitest';
import type { Label } from './dataset.ts';
import {
  CLASS_NAMES,
  countByLabel,
  pointColumns,
  splitColumns,
  splitPoints,
  toColumns,
  trainingSplitProblem,
  type Point,
} from './dataset.ts';

describe('toColumns', () => {
  it('copies coordinates and labels into parallel Float64Arrays', () => {
    const cols = toColumns([
      { x1: 1.5, x2: -2, label: 0 },
      { x1: 3, x2: 4.25, label: 1 },
    ]);
    expect(cols.n).toBe(2);
    expect(Array.from(cols.x1)).toEqual([1.5, 3]);
    expect(Array.from(cols.x2)).toEqual([-2, 4.25]);
    expect(Array.from(cols.y)).toEqual([0, 1]);
    expect(cols.x1).toBeInstanceOf(Float64Array);
  });

  it('accepts no points', () => {
    expect(toColumns([]).n).toBe(0);
  });

  it('rejects NaN or infinite coordinates and labels other than 0 and 1', () => {
    expect(() => toColumns([{ x1: Number.NaN, x2: 0, label: 0 }])).toThrow(/point 0.*NaN/);
    expect(() => toColumns([{ x1: 0, x2: Infinity, label: 1 }])).toThrow(RangeError);
    expect(() => toColumns([{ x1: 0, x2: 0, label: 2 as Label }])).toThrow('label not 0 or 1: 2');
  });
});

describe('countByLabel and CLASS_NAMES', () => {
  it('count each class and name 0 red, 1 blue', () => {
    expect(countByLabel([{ label: 0 }, { label: 1 }, { label: 1 }])).toEqual({ 0: 1, 1: 2 });
    expect(CLASS_NAMES[0]).toBe('red');
    expect(CLASS_NAMES[1]).toBe('blue');
  });
});

describe('trainingSplitProblem', () => {
  const pt = (label: Label, split: 'train' | 'test') => ({ x1: 0, x2: 0, label, split });
  it('is null when the training split has both classes', () => {
    expect(trainingSplitProblem([pt(0, 'train'), pt(1, 'train'), pt(1, 'test')])).toBeNull();
  });
  it('names an empty training split, and says how many test points there are', () => {
    expect(trainingSplitProblem([pt(0, 'test'), pt(1, 'test')])).toMatch(
      /training split is empty: all 2 points are test/,
    );
    expect(trainingSplitProblem([])).toMatch(/no points/);
  });
  it('names the missing class, counting training points only', () => {
    expect(trainingSplitProblem([pt(0, 'train'), pt(1, 'test')])).toMatch(/no blue \(class 1\)/);
    expect(trainingSplitProblem([pt(1, 'train'), pt(0, 'test')])).toMatch(/no red \(class 0\)/);
  });
});

describe('splitPoints (both splits, counts and box in one pass)', () => {
  it('agrees with filtering, counting and measuring the points one by one', () => {
    const pts: Point[] = Array.from({ length: 57 }, (_, i) => ({
      x1: Math.sin(i) * 10,
      x2: Math.cos(3 * i) * 4,
      label: (i % 3 === 0 ? 1 : 0) as 0 | 1,
      split: i % 4 === 0 ? 'test' : 'train',
    }));
    const d = splitPoints(pts);
    for (const split of ['train', 'test'] as const) {
      const mine = pts.filter((p) => p.split === split);
      expect(d[split]).toEqual(toColumns(mine));
      expect(d.counts[split]).toEqual(countByLabel(mine));
    }
    const xs = pts.map((p) => p.x1);
    const ys = pts.map((p) => p.x2);
    expect(d.extent).toEqual({
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      y0: Math.min(...ys),
      y1: Math.max(...ys),
    });
    expect(splitColumns(pointColumns([])).extent).toBeNull();
    expect(trainingSplitProblem(d)).toBe(trainingSplitProblem(pts));
  });
});
