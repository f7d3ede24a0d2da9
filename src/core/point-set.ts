/**
 * The session's points as columns (issue #14): a million points are five typed arrays, not a
 * million objects for the garbage collector to copy from one heap space to the next (pauses of
 * 40–200 ms while a big data set arrived). A set never changes: an edit makes a new one, so a set
 * can be a React value, an undo step and a cache key. Point objects are made only where a person
 * touches one (`at`), or for small jobs that want an array (`toArray`, exports).
 */
import {
  pointColumns,
  splitColumns,
  type Label,
  type Point,
  type PointColumns,
  type SplitData,
} from './dataset.ts';
import { appended } from './room.ts';
import { cut, splitEdited, type DataEdit } from './split-edits.ts';

/** A point of the session, with the id that follows it through edits (moves, undo). */
export interface IdPoint extends Point {
  id: number;
}

export class PointSet implements Iterable<IdPoint> {
  static readonly EMPTY = PointSet.of([]);

  readonly length: number;
  /**
   * The edit that made this set of the one before it (added, moved, removed), or null: what the
   * training worker is sent instead of the columns.
   */
  readonly edit: DataEdit | null;
  private splitData: SplitData | null;
  /** {@link ofSplit}'s answers: train, test. */
  private readonly splits: [PointSet | null, PointSet | null] = [null, null];

  /**
   * @param columns The points (never written to after this).
   * @param ids Each point's id, or the first id of consecutive ids.
   * @param split Their split data when already made (the data worker's), else made when asked.
   * @param edit The edit that made them of another set, if one did.
   */
  constructor(
    readonly columns: PointColumns,
    private readonly ids: Float64Array | number,
    split: SplitData | null = null,
    edit: DataEdit | null = null,
  ) {
    this.length = columns.x1.length;
    this.splitData = split;
    this.edit = edit;
  }

  /** Points as a set; ids from their own `id` where every point has one, else from `firstId`. */
  static of(points: readonly (Point & { id?: number })[], firstId = 0): PointSet {
    const own = points.length > 0 && points.every((p) => p.id !== undefined);
    const ids = own ? Float64Array.from(points, (p) => p.id!) : firstId;
    return new PointSet(pointColumns(points), ids);
  }

  /** Both splits as columns, the class counts and the box (made once). */
  get split(): SplitData {
    this.splitData ??= splitColumns(this.columns);
    return this.splitData;
  }

  idAt(i: number): number {
    return typeof this.ids === 'number' ? this.ids + i : this.ids[i]!;
  }

  /**
   * The point at index `i` (a fresh object); a negative `i` counts from the end, as an array's
   * `at` does.
   *
   * @throws RangeError when there is no point there.
   */
  at(index: number): IdPoint {
    const i = index < 0 ? index + this.length : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.length)
      throw new RangeError(`no point at index ${index} of ${this.length}`);
    const c = this.columns;
    return {
      x1: c.x1[i]!,
      x2: c.x2[i]!,
      label: (c.label[i] === 1 ? 1 : 0) as Label,
      split: c.test[i] === 1 ? 'test' : 'train',
      id: this.idAt(i),
    };
  }

  /** The index of the point with this id, or −1. */
  indexOfId(id: number | null): number {
    if (id === null) return -1;
    if (typeof this.ids === 'number') {
      const i = id - this.ids;
      return Number.isInteger(i) && i >= 0 && i < this.length ? i : -1;
    }
    return this.ids.indexOf(id);
  }

  /** The point with this id, or null. */
  byId(id: number | null): IdPoint | null {
    const i = this.indexOfId(id);
    return i < 0 ? null : this.at(i);
  }

  /** One past the largest id (0 when empty). */
  endId(): number {
    if (this.length === 0) return 0;
    if (typeof this.ids === 'number') return this.ids + this.length;
    let m = -1;
    for (const id of this.ids) if (id > m) m = id;
    return m + 1;
  }

  *[Symbol.iterator](): Iterator<IdPoint> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toArray(): IdPoint[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  map<T>(f: (p: IdPoint, i: number) => T): T[] {
    return Array.from({ length: this.length }, (_, i) => f(this.at(i), i));
  }

  filter(f: (p: IdPoint) => boolean): IdPoint[] {
    const out: IdPoint[] = [];
    for (let i = 0; i < this.length; i++) {
      const p = this.at(i);
      if (f(p)) out.push(p);
    }
    return out;
  }

  /** The points of one split, in order, with their ids (made once per set and split). */
  ofSplit(split: 'train' | 'test'): PointSet {
    const want = split === 'test' ? 1 : 0;
    const cached = this.splits[want];
    if (cached) return cached;
    const c = this.columns;
    let m = 0;
    for (let i = 0; i < this.length; i++) if (c.test[i] === want) m++;
    const x1 = new Float64Array(m);
    const x2 = new Float64Array(m);
    const label = new Uint8Array(m);
    const ids = new Float64Array(m);
    for (let i = 0, j = 0; i < this.length; i++) {
      if (c.test[i] !== want) continue;
      x1[j] = c.x1[i]!;
      x2[j] = c.x2[i]!;
      label[j] = c.label[i]!;
      ids[j++] = this.idAt(i);
    }
    const set = new PointSet({ x1, x2, label, test: new Uint8Array(m).fill(want) }, ids);
    this.splits[want] = set;
    return set;
  }

  /** The same points numbered from `firstId` (the columns and split shared, nothing copied). */
  numberedFrom(firstId: number): PointSet {
    if (this.ids === firstId) return this;
    return new PointSet(this.columns, firstId, this.split);
  }

  /**
   * Where the point at index `i` is in its split's columns: how many points of the same split
   * come before it.
   */
  sideIndex(i: number): number {
    const t = this.columns.test;
    const want = t[i];
    let j = 0;
    for (let k = 0; k < i; k++) if (t[k] === want) j++;
    return j;
  }

  /**
   * A new set with `p` appended under `id`. The columns, and the split when made, grow into the
   * room after them (core/room.ts): no copy of a big set.
   */
  added(p: Point, id: number): PointSet {
    const n = this.length;
    const c = this.columns;
    const e: DataEdit = { op: 'add', test: p.split === 'test', x1: p.x1, x2: p.x2, y: p.label };
    let ids: Float64Array | number;
    if (typeof this.ids === 'number' && id === this.ids + n) ids = this.ids;
    else ids = appended(typeof this.ids === 'number' ? this.idArray(n) : this.ids, id);
    const columns = {
      x1: appended(c.x1, p.x1),
      x2: appended(c.x2, p.x2),
      label: appended(c.label, p.label),
      test: appended(c.test, e.test ? 1 : 0),
    };
    return this.child(columns, ids, e);
  }

  /** A new set with the point at index `i` moved to (x1, x2). */
  moved(i: number, x1: number, x2: number): PointSet {
    const c = this.columns;
    const nx1 = c.x1.slice();
    const nx2 = c.x2.slice();
    nx1[i] = x1;
    nx2[i] = x2;
    const e: DataEdit = { op: 'move', test: c.test[i] === 1, index: this.sideIndex(i), x1, x2 };
    return this.child({ x1: nx1, x2: nx2, label: c.label, test: c.test }, this.ids, e);
  }

  /** A new set without the point at index `i`. */
  removed(i: number): PointSet {
    const c = this.columns;
    const ids = cut(this.idArray(this.length), i);
    const e: DataEdit = { op: 'remove', test: c.test[i] === 1, index: this.sideIndex(i) };
    const columns = {
      x1: cut(c.x1, i),
      x2: cut(c.x2, i),
      label: cut(c.label, i),
      test: cut(c.test, i),
    };
    return this.child(columns, ids, e);
  }

  /** The set `e` makes of this one: its split derived from this one's, when made. */
  private child(columns: PointColumns, ids: Float64Array | number, e: DataEdit): PointSet {
    const split = this.splitData && splitEdited(this.splitData, e, columns);
    return new PointSet(columns, ids, split, e);
  }

  /** The ids as an array of `size` (the first `length` filled). */
  private idArray(size: number): Float64Array {
    const out = new Float64Array(size);
    if (typeof this.ids === 'number') for (let i = 0; i < this.length; i++) out[i] = this.ids + i;
    else out.set(this.ids.subarray(0, Math.min(size, this.length)));
    return out;
  }
}
