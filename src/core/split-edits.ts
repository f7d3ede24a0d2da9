/**
 * One edit of the points — a point added, moved or removed — as it changes the split's columns
 * (issue #14). The page derives a new set's split from the last one's with it (no pass over a
 * million points, and an added point grows into the columns' room), and the training worker gets
 * the edit instead of a copy of every column.
 */
import {
  extentOf,
  type Columns,
  type Label,
  type PointColumns,
  type SplitData,
} from './dataset.ts';
import { appended } from './room.ts';

/** An edit of one split's columns; `index` is the point's place among that split's points. */
export type DataEdit =
  | { op: 'add'; test: boolean; x1: number; x2: number; y: Label }
  | { op: 'move'; test: boolean; index: number; x1: number; x2: number }
  | { op: 'remove'; test: boolean; index: number };

/** Both splits' columns. */
export interface Sides {
  train: Columns;
  test: Columns;
}

/** A copy of `a` without element `i`. */
export function cut<A extends Float64Array | Uint8Array>(a: A, i: number): A {
  const out = new (a.constructor as new (n: number) => A)(a.length - 1);
  out.set(a.subarray(0, i));
  out.set(a.subarray(i + 1), i);
  return out;
}

/** The edited side's new columns (the other side is not touched). */
function editColumns(d: Columns, e: DataEdit): Columns {
  switch (e.op) {
    case 'add':
      return {
        n: d.n + 1,
        x1: appended(d.x1, e.x1),
        x2: appended(d.x2, e.x2),
        y: appended(d.y, e.y),
      };
    case 'move': {
      const x1 = d.x1.slice();
      const x2 = d.x2.slice();
      x1[e.index] = e.x1;
      x2[e.index] = e.x2;
      return { ...d, x1, x2 };
    }
    case 'remove':
      return { n: d.n - 1, x1: cut(d.x1, e.index), x2: cut(d.x2, e.index), y: cut(d.y, e.index) };
  }
}

/**
 * Both splits after `e`; the unedited side is the same object.
 *
 * @throws RangeError when `e` does not fit the columns (an index past the side's end).
 */
export function editSides<S extends Sides>(s: S, e: DataEdit): S {
  const side = e.test ? 'test' : 'train';
  const d = s[side];
  if (e.op !== 'add' && !(Number.isInteger(e.index) && e.index >= 0 && e.index < d.n))
    throw new RangeError(`no point ${e.index} among ${d.n} ${side} points`);
  return { ...s, [side]: editColumns(d, e) };
}

/** The split after `e`, its counts and box kept right; `all` are the points after it. */
export function splitEdited(s: SplitData, e: DataEdit, all: PointColumns): SplitData {
  const side = e.test ? 'test' : 'train';
  const out = editSides(s, e);
  if (e.op === 'move') return { ...out, extent: extentOf(all.x1, all.x2) };
  const label: Label = e.op === 'add' ? e.y : s[side].y[e.index] === 1 ? 1 : 0;
  const counts = { ...s.counts[side], [label]: s.counts[side][label] + (e.op === 'add' ? 1 : -1) };
  const x = s.extent;
  const extent =
    e.op === 'remove'
      ? extentOf(all.x1, all.x2)
      : x
        ? {
            x0: Math.min(x.x0, e.x1),
            x1: Math.max(x.x1, e.x1),
            y0: Math.min(x.y0, e.x2),
            y1: Math.max(x.y1, e.x2),
          }
        : { x0: e.x1, x1: e.x1, y0: e.x2, y1: e.x2 };
  return { ...out, counts: { ...s.counts, [side]: counts }, extent };
}
