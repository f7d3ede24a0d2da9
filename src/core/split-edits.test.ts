import { describe, expect, it } from 'vitest';
import { splitPoints } from './dataset.ts';
import { editSides } from './split-edits.ts';

describe('editSides', () => {
  const s = splitPoints([
    { x1: 1, x2: 2, label: 0, split: 'train' },
    { x1: 3, x2: 4, label: 1, split: 'test' },
  ]);

  it('edits one side and leaves the other the same object', () => {
    const out = editSides(s, { op: 'move', test: true, index: 0, x1: 9, x2: 8 });
    expect(out.train).toBe(s.train);
    expect([...out.test.x1, ...out.test.x2, ...out.test.y]).toEqual([9, 8, 1]);
    expect([...s.test.x1]).toEqual([3]); // the split edited is as it was
  });

  it('refuses an edit of a point the side does not have', () => {
    expect(() => editSides(s, { op: 'remove', test: false, index: 1 })).toThrow(RangeError);
    expect(() => editSides(s, { op: 'move', test: true, index: -1, x1: 0, x2: 0 })).toThrow(
      'no point -1 among 1 test points',
    );
  });
});
