import { describe, expect, it } from 'vitest';
import type { DataEdit } from '../core/split-edits.ts';
import { Inbox, supersede } from './inbox.ts';
import type { ToWorker } from './protocol.ts';

const cols = () => ({ x1: new Float64Array(1), x2: new Float64Array(1), y: new Float64Array(1) });
const load = (data: number, run?: number): ToWorker => ({
  type: 'load-data',
  data,
  train: cols(),
  test: cols(),
  ...(run === undefined ? {} : { run }),
});
const edit = (data: number, e: DataEdit): ToWorker => ({
  type: 'edit-data',
  data,
  base: data - 1,
  edit: e,
});
const move = (index: number, x1: number): DataEdit => ({
  op: 'move',
  test: false,
  index,
  x1,
  x2: 0,
});

describe('supersede', () => {
  it('lets new data replace new data (a restart kept) and an edit before it', () => {
    expect(supersede(load(1, 5), load(2))).toMatchObject({ type: 'load-data', data: 2, run: 5 });
    expect(supersede(edit(1, move(0, 1)), load(2))).toEqual(load(2));
  });

  it('merges two moves of one point into the later, from the earlier one’s base', () => {
    expect(supersede(edit(4, move(3, 1)), edit(5, move(3, 2)))).toEqual({
      type: 'edit-data',
      data: 5,
      base: 3,
      edit: move(3, 2),
    });
    expect(supersede(edit(4, move(3, 1)), edit(5, move(2, 2)))).toBeNull();
    const add: DataEdit = { op: 'add', test: false, x1: 0, x2: 0, y: 1 };
    expect(supersede(edit(4, add), edit(5, add))).toBeNull();
    expect(supersede(load(4), edit(5, move(0, 1)))).toBeNull();
  });
});

describe('Inbox', () => {
  /** Pushes `later` while the first message is being handled; returns what was handled. */
  async function handled(first: ToWorker, later: ToWorker[]): Promise<ToWorker[]> {
    const seen: ToWorker[] = [];
    let release = () => {};
    const inbox = new Inbox(
      (msg) => {
        seen.push(msg);
        if (seen.length === 1) return new Promise<void>((r) => (release = r));
      },
      (e) => {
        throw e;
      },
    );
    inbox.push(first);
    for (const m of later) inbox.push(m);
    release();
    await inbox.idle();
    return seen;
  }

  it('never looks past an edit: new data before it is loaded, the edit then dropped for newer', async () => {
    const seen = await handled({ type: 'play' }, [load(1), edit(2, move(0, 1)), load(3)]);
    expect(seen.map((m) => m.type)).toEqual(['play', 'load-data', 'load-data']);
    expect(seen.map((m) => ('data' in m ? m.data : null))).toEqual([null, 1, 3]);
  });

  it('keeps every edit of a burst but the moves of one point, which become one', async () => {
    const add: DataEdit = { op: 'add', test: true, x1: 0, x2: 0, y: 0 };
    const seen = await handled({ type: 'play' }, [
      edit(1, move(0, 1)),
      edit(2, move(0, 2)),
      edit(3, add),
      edit(4, move(0, 3)),
    ]);
    expect(seen.slice(1)).toEqual([
      { type: 'edit-data', data: 2, base: 0, edit: move(0, 2) },
      edit(3, add),
      edit(4, move(0, 3)),
    ]);
  });
});
