import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPoints, type Point } from './dataset.ts';
import { PointSet, type IdPoint } from './point-set.ts';

const point = fc.record({
  x1: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  x2: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  label: fc.constantFrom<0 | 1>(0, 1),
  split: fc.constantFrom<'train' | 'test'>('train', 'test'),
});

/** An edit, applied to a set and to the plain array it should equal. */
type Op =
  | { kind: 'add'; p: Point }
  | { kind: 'move'; at: number; x1: number; x2: number }
  | { kind: 'remove'; at: number }
  | { kind: 'renumber'; from: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  point.map((p) => ({ kind: 'add' as const, p })),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), x1: fc.double(), x2: fc.double() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('renumber' as const), from: fc.nat(1e6) }),
);

function apply(set: PointSet, list: IdPoint[], o: Op, nextId: number): [PointSet, IdPoint[]] {
  const i = list.length ? (o as { at?: number }).at! % list.length : 0;
  switch (o.kind) {
    case 'add':
      return [set.added(o.p, nextId), [...list, { ...o.p, id: nextId }]];
    case 'move':
      if (!list.length) return [set, list];
      return [set.moved(i, o.x1, o.x2), list.map((p, k) => (k === i ? { ...p, ...o } : p))];
    case 'remove':
      if (!list.length) return [set, list];
      return [set.removed(i), list.filter((_, k) => k !== i)];
    case 'renumber':
      return [set.numberedFrom(o.from), list.map((p, k) => ({ ...p, id: o.from + k }))];
  }
}

const plain = ({ x1, x2, label, split, id }: IdPoint & { kind?: unknown; at?: unknown }) => ({
  x1,
  x2,
  label,
  split,
  id,
});

describe('PointSet', () => {
  it('behaves as the array of points it stands for, through any edits', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 20 }),
        // Each edit applies to the latest set, or (an undo first) to an earlier one.
        fc.array(fc.tuple(op, fc.option(fc.nat(), { freq: 3 })), { maxLength: 25 }),
        (ps, ops) => {
          const first = PointSet.of(ps);
          const states: [PointSet, IdPoint[]][] = [[first, ps.map((p, id) => ({ ...p, id }))]];
          let nextId = ps.length;
          const before = first.toArray();
          for (const [o, back] of ops) {
            const base = states[back === null ? states.length - 1 : back % states.length]!;
            const [set, made] = apply(base[0], base[1], o, nextId);
            const list = made.map(plain);
            states.push([set, list]);
            nextId = Math.max(nextId + 1, ...list.map((p) => p.id + 1));
            expect(set.toArray()).toEqual(list);
            expect(set.length).toBe(list.length);
            expect(set.split).toEqual(splitPoints(list));
            expect(set.endId()).toBe(Math.max(0, ...list.map((p) => p.id + 1)));
            for (const want of list.slice(0, 5)) expect(set.byId(want.id)).toEqual(want);
            expect(set.byId(-7)).toBeNull();
            for (const s of ['train', 'test'] as const)
              expect(set.ofSplit(s).toArray()).toEqual(list.filter((p) => p.split === s));
            if (list.length) expect(set.at(-1)).toEqual(list.at(-1));
          }
          // Nothing edits a set in place (the columns grow into shared room): every set made on
          // the way, on any branch, still holds its own points and split.
          expect(PointSet.of(ps).toArray()).toEqual(before);
          for (const [set, list] of states) {
            expect(set.toArray()).toEqual(list);
            expect(set.split).toEqual(splitPoints(list));
          }
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('numbers loaded points without copying them, and keeps ids given with the points', () => {
    const set = PointSet.of([{ x1: 1, x2: 2, label: 1, split: 'test' }]);
    const moved = set.numberedFrom(40);
    expect(moved.columns).toBe(set.columns);
    expect(moved.at(0)).toEqual({ x1: 1, x2: 2, label: 1, split: 'test', id: 40 });
    expect(PointSet.of([{ x1: 0, x2: 0, label: 0, split: 'train', id: 9 }]).idAt(0)).toBe(9);
    expect(() => set.at(1)).toThrow(RangeError);
    expect(set.indexOfId(null)).toBe(-1);
    expect(PointSet.EMPTY.split.extent).toBeNull();
  });
});
