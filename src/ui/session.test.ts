import { describe, expect, it } from 'vitest';
import { makePreset } from '../core/datasets.ts';
import { tutorialPreset } from '../core/presets.ts';
import { DEFAULT_VIEWS } from '../core/views.ts';
import { PointSet } from '../core/point-set.ts';
import {
  initialSession,
  sessionReducer,
  type SessionAction,
  type SessionState,
  UNDO_POINTS,
  LIVE_DRAG_MAX,
} from './session.ts';

const start = () => initialSession(tutorialPreset());
const run = (s: SessionState, ...actions: SessionAction[]) => actions.reduce(sessionReducer, s);

describe('sessionReducer', () => {
  it('adds a point with the chosen split and a fresh id, keeping the weights (no restart)', () => {
    const s = run(
      start(),
      { type: 'new-split', split: 'test' },
      { type: 'add', x1: 1, x2: 2, label: 1 },
    );
    expect(s.points).toHaveLength(301);
    expect(s.points.at(-1)).toEqual({ id: 300, x1: 1, x2: 2, label: 1, split: 'test' });
    expect(s.restart).toBe(false);
  });

  it('never lets a click add a point the plot hides (Show and New points join agree)', () => {
    const shown = (s: SessionState) =>
      s.points.filter((p) => s.show === 'both' || p.split === s.show).length;
    const actions: SessionAction[] = [
      { type: 'show', show: 'test' },
      { type: 'new-split', split: 'train' },
      { type: 'show', show: 'train' },
      { type: 'new-split', split: 'test' },
      { type: 'show', show: 'both' },
    ];
    let s = start();
    for (const a of actions) {
      s = run(s, a);
      const before = shown(s);
      s = run(s, { type: 'add', x1: 0.5, x2: 0.5, label: 0 });
      expect(shown(s), JSON.stringify(a)).toBe(before + 1);
    }
    expect(run(start(), { type: 'show', show: 'test' }).newSplit).toBe('test');
    expect(
      run(start(), { type: 'show', show: 'test' }, { type: 'new-split', split: 'train' }).show,
    ).toBe('both');
  });

  it('keeps the person’s choices (threshold, views, new-point split) when new data load', () => {
    const s = run(
      start(),
      { type: 'threshold', t: 0.7 },
      { type: 'views', patch: { decisions: true, pulls: true, optimum: false } },
      { type: 'new-split', split: 'test' },
      { type: 'preset', patch: { seed: 7 } },
    );
    expect(s.threshold).toBe(0.7);
    expect(s.views).toEqual({ ...DEFAULT_VIEWS, decisions: true, pulls: true, optimum: false });
    expect(s.newSplit).toBe('test');
  });

  it('ignores non-finite coordinates instead of adding NaN points', () => {
    const s = start();
    expect(run(s, { type: 'add', x1: Number.NaN, x2: 0, label: 0 })).toBe(s);
    expect(run(s, { type: 'move', id: 0, x1: Number.POSITIVE_INFINITY, x2: 0, commit: true })).toBe(
      s,
    );
  });

  it('makes one whole drag a single undo step', () => {
    const s0 = start();
    const s = run(
      s0,
      { type: 'move', id: 5, x1: 1, x2: 1, commit: false },
      { type: 'move', id: 5, x1: 2, x2: 2, commit: false },
      { type: 'move', id: 5, x1: 3, x2: 3, commit: true },
    );
    expect(s.points.at(5)).toMatchObject({ x1: 3, x2: 3, id: 5 });
    const undone = run(s, { type: 'undo' });
    expect(undone.points).toEqual(s0.points);
    expect(run(undone, { type: 'redo' }).points.at(5)).toMatchObject({ x1: 3, x2: 3 });
  });

  it('on big data moves a dragged point when the drag ends, drawing it where it goes meanwhile', () => {
    const n = LIVE_DRAG_MAX + 1;
    const big = PointSet.of(
      Array.from({ length: n }, (_, i) => ({
        x1: i,
        x2: 0,
        label: 0 as const,
        split: 'train' as const,
      })),
    );
    const s0 = run(start(), { type: 'import', points: big });
    const id = s0.points.idAt(7);
    const s1 = run(
      s0,
      { type: 'move', id, x1: 1, x2: 1, commit: false },
      { type: 'move', id, x1: 2, x2: 2, commit: false },
    );
    expect(s1.points).toBe(s0.points); // no new million-point set per pointer move
    expect(s1.dataVersion).toBe(s0.dataVersion);
    expect(s1.dragging).toEqual({ id, x1: 2, x2: 2 });
    const s2 = run(s1, { type: 'move', id, x1: 3, x2: 3, commit: true });
    expect(s2.points.at(7)).toMatchObject({ x1: 3, x2: 3, id });
    expect(s2.dragging).toBeNull();
    expect(s2.past.length).toBe(s0.past.length + 1); // one drag, one undo step
    expect(run(s2, { type: 'undo' }).points).toBe(s0.points);
  }, 30_000);

  it('undoes a delete and a clear, and a new edit drops the redo stack', () => {
    const s = run(start(), { type: 'delete', id: 0 }, { type: 'clear' });
    expect(s.points).toHaveLength(0);
    expect(s.preset.id).toBe('custom');
    const back = run(s, { type: 'undo' }, { type: 'undo' });
    expect(back.points).toHaveLength(300);
    expect(run(back, { type: 'add', x1: 0, x2: 0, label: 0 }).future).toEqual([]);
  });

  it('regenerates a preset, restarts training and re-fits the axes', () => {
    const s = run(start(), { type: 'preset', patch: { id: 'overlap', n: 50, seed: 3 } });
    expect(s.points.map(({ id: _id, ...p }) => p)).toEqual(
      makePreset('overlap', { n: 50, noise: 1, seed: 3 }),
    );
    expect(s.restart).toBe(true);
    expect(s.loadCount).toBe(1);
    expect(s.preset).toEqual({ id: 'overlap', n: 50, noise: 1, seed: 3 });
  });

  it('numbers loaded points from the next id without copying them (a million points)', () => {
    const s0 = run(start(), { type: 'add', x1: 1, x2: 1, label: 0 });
    const from = s0.nextId;
    const loaded = PointSet.of(
      [0, 1, 2].map((i) => ({ x1: i, x2: -i, label: 1 as const, split: 'train' as const })),
    );
    const s1 = run(s0, {
      type: 'preset-loaded',
      preset: { id: 'overlap', n: 3, noise: 1, seed: 1 },
      points: loaded,
    });
    expect(s1.points.columns).toBe(loaded.columns); // shared, not copied
    expect(s1.points.split).toBe(loaded.split);
    expect(s1.points.map((p) => p.id)).toEqual([from, from + 1, from + 2]);
    expect(s1.nextId).toBe(from + 3);
    // The same set again (the session moved on meanwhile): fresh ids all the same.
    const s2 = run(s1, { type: 'import', points: loaded });
    expect(s2.points.map((p) => p.id)).toEqual([from + 3, from + 4, from + 5]);
    expect(s2.points.map(({ id: _id, ...p }) => p)).toEqual(loaded.map(({ id: _id, ...p }) => p));
    // Undo brings s1's points back with their ids.
    expect(run(s2, { type: 'undo' }).points.map((p) => p.id)).toEqual([from, from + 1, from + 2]);
  });

  it('keeps at most 5,000,000 points across the undo steps of big data sets, and says it let go', () => {
    let s = run(start(), { type: 'preset', patch: { n: 1_000_000 } });
    for (let i = 0; i < 6; i++) s = run(s, { type: 'add', x1: i, x2: i, label: 0 });
    const total = s.past.reduce((a, p) => a + p.points.length, 0);
    expect(total).toBeLessThanOrEqual(UNDO_POINTS);
    expect(s.past.length).toBe(4); // four steps of a million (and one) points
    expect(s.undoDropped).toBe(true);
    // Five undos: four bring a step back, the fifth has nothing left.
    const back = run(s, ...Array.from({ length: 4 }, () => ({ type: 'undo' }) as const));
    expect(back.points.length).toBe(1_000_002);
    expect(back.past).toEqual([]);
    expect(run(back, { type: 'undo' })).toBe(back);
    expect(run(start(), { type: 'add', x1: 0, x2: 0, label: 1 }).undoDropped).toBe(false);
  }, 30_000); // a million-point preset and its edits: slow on a loaded machine

  it('puts every data change on the undo stack: hand-placed points come back after a preset', () => {
    let s = run(start(), { type: 'clear' }, { type: 'add', x1: 1, x2: 2, label: 1 });
    const mine = s.points;
    s = run(s, { type: 'preset', patch: { id: 'overlap', seed: 7 } });
    expect(s.points).toHaveLength(300);
    expect(s.edited).toBe(false);
    s = run(s, { type: 'import', points: [{ x1: 0, x2: 0, label: 0, split: 'train' }] });
    s = run(s, { type: 'undo' }, { type: 'undo' });
    expect(s.points).toEqual(mine);
    expect(s.preset.id).toBe('custom');
    expect(s.edited).toBe(true);
    s = run(s, { type: 'redo' });
    expect(s.preset).toEqual({ id: 'overlap', n: 300, noise: 1, seed: 7 });
    expect(s.edited).toBe(false);
    // Ids stay unique within the data on screen, and new points get new ones.
    s = run(s, { type: 'add', x1: 9, x2: 9, label: 0 });
    expect(new Set(s.points.map((p) => p.id)).size).toBe(s.points.length);
  });
});
