import { describe, expect, it } from 'vitest';
import type { Point } from '../core/dataset.ts';
import { tutorialPreset } from '../core/presets.ts';
import { runDataJob } from './data-jobs.ts';
import {
  autosave,
  MAX_SAVED_POINTS,
  sessionFrom,
  shareLink,
  startingPoint,
  STORAGE_KEY,
} from './persistence.ts';
import { APART_MIN, POINTS_KEY } from './points-apart.ts';
import { initialSession, sessionReducer, type SessionAction } from './session.ts';

/** A Storage stand-in: a map. */
function memory() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

describe('autosave and the start it gives', () => {
  it('bring back the threshold, the Speed and the views shown after a reload', () => {
    const actions: SessionAction[] = [
      { type: 'threshold', t: 0.7 },
      { type: 'speed', speed: 'max' },
      { type: 'views', patch: { decisions: true, pulls: true } },
      { type: 'views', patch: { lines: false, optimum: false, params: false } },
    ];
    const s = actions.reduce(sessionReducer, initialSession(tutorialPreset()));
    const storage = memory();
    expect(autosave(storage, s, { w1: 0.1, w2: 0.2, b: 0 }, 100)).toBeNull();
    const back = sessionFrom(startingPoint('', storage));
    expect(back.threshold).toBe(0.7);
    expect(back.speed).toBe('max');
    expect(back.views).toEqual({
      decisions: true,
      pulls: true,
      lines: false,
      optimum: false,
      params: false,
    });
  });
});

describe('autosave of big data', () => {
  it('keeps a big unedited preset by its settings; the data worker makes the same points back', async () => {
    const s = sessionReducer(initialSession(tutorialPreset()), {
      type: 'preset',
      patch: { id: 'overlap', n: 30_000 },
    });
    const storage = memory();
    expect(autosave(storage, s, { w1: 0.5, w2: -0.25, b: 0.125 }, 42)).toBeNull();
    expect(storage.getItem(STORAGE_KEY)!.length).toBeLessThan(5_000);
    const back = startingPoint('', storage);
    // Not made here (a million would hold the first paint): the page makes them once open.
    expect(back.points).toEqual([]);
    expect(back.pending).toEqual(s.preset);
    expect(back.resume).toMatchObject({ weights: { w1: 0.5, w2: -0.25, b: 0.125 }, epoch: 42 });
    const restored = sessionFrom(back);
    const { id, ...options } = back.pending!;
    const made = await runDataJob({ type: 'preset', id, options });
    if (!made.ok) throw new Error(made.error);
    const after = sessionReducer(restored, {
      type: 'restored',
      preset: back.pending!,
      points: made.points,
    });
    const plain = (pts: readonly Point[]) =>
      pts.map(({ x1, x2, label, split }) => ({ x1, x2, label, split }));
    expect(plain(after.points.toArray())).toEqual(plain(s.points.toArray()));
    // The same session, not new data: no undo step, no new run (training goes on from w).
    expect(after.past).toEqual([]);
    expect(after.restart).toBe(false);
    expect(after.dataVersion).toBe(restored.dataVersion + 1);
  });

  it('opens a link to a big preset with no points made before the first paint', () => {
    const s = sessionReducer(initialSession(tutorialPreset()), {
      type: 'preset',
      patch: { id: 'xor', n: 50_000, seed: 3 },
    });
    const { url } = shareLink('http://x/', s);
    const back = startingPoint(url.slice(url.indexOf('#')), null);
    expect(back.points).toEqual([]);
    expect(back.pending).toEqual({ id: 'xor', n: 50_000, noise: 1, seed: 3 });
  });

  it('says plainly when the person’s own points are too many to keep, without trying', () => {
    const many = Array.from({ length: MAX_SAVED_POINTS + 1 }, (_, i) => ({
      x1: i,
      x2: -i,
      label: (i % 2) as 0 | 1,
      split: 'train' as const,
    }));
    const s = sessionReducer(initialSession(tutorialPreset()), { type: 'import', points: many });
    const storage = memory();
    storage.setItem(STORAGE_KEY, 'an older session'); // must not come back after a reload
    // A limit kept by design is told as information, not as an error.
    expect(autosave(storage, s, { w1: 0, w2: 0, b: 0 }, 0)).toEqual({
      kind: 'info',
      text: expect.stringMatching(
        /keeps at most 200,000 of your own points; these 200,001 are not saved\. Export them as CSV/,
      ),
    });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe('autosave refused by the browser', () => {
  it('is told as an error that names the refusal and what to do', () => {
    const s = initialSession(tutorialPreset());
    const full = {
      ...memory(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(autosave(full, s, { w1: 0, w2: 0, b: 0 }, 0)).toEqual({
      kind: 'error',
      text: 'Autosave failed (QuotaExceededError): the browser would not store 300 points. Export them as CSV to keep them.',
    });
  });
});

describe('autosave of the loss curve', () => {
  const point = (epoch: number) => ({
    epoch,
    data: 0,
    l2: 0,
    weights: { w1: epoch / 1e8, w2: 0, b: 0 },
    trainLoss: 1 / (1 + epoch),
    objective: 1 / (1 + epoch),
    testLoss: 1 / (1 + epoch),
    trainAccuracy: 0.5,
    testAccuracy: 0.5,
  });

  it('brings a short curve back whole, and a 100,000,000-epoch one thinned, its start and end kept', () => {
    const s = initialSession(tutorialPreset());
    for (const [epochs, whole] of [
      [Array.from({ length: 400 }, (_, i) => i * 500), true],
      [[0, ...Array.from({ length: 10_000 }, (_, i) => (i + 1) * 10_000)], false],
    ] as const) {
      const history = epochs.map(point);
      const last = epochs.at(-1)!;
      const storage = memory();
      expect(autosave(storage, s, history.at(-1)!.weights, last, history)).toBeNull();
      const back = (startingPoint('', storage).resume?.history ?? []).map((h) => h.epoch);
      if (whole) expect(back).toEqual(epochs);
      else {
        expect(back.length).toBeLessThan(1_000);
        expect(back.slice(0, 2)).toEqual([0, 10_000]);
        expect(back.at(-1)).toBe(last);
        expect(storage.getItem(STORAGE_KEY)!.length).toBeLessThan(300_000);
      }
    }
  });
});

describe('autosave of many points: apart from the session, written once per data set', () => {
  /** A map that counts the writes of each key. */
  function counted() {
    const m = memory();
    const writes = new Map<string, number>();
    return {
      ...m,
      writes,
      setItem: (k: string, v: string) => {
        writes.set(k, (writes.get(k) ?? 0) + 1);
        m.setItem(k, v);
      },
    };
  }
  const many = (n: number): Point[] =>
    Array.from({ length: n }, (_, i) => ({
      x1: i / 7,
      x2: 1 - i / 3,
      label: (i % 2) as 0 | 1,
      split: i % 3 === 0 ? 'test' : 'train',
    }));

  it('writes the points once while training saves every 2 s, and restores them exactly', () => {
    const storage = counted();
    const s = sessionReducer(initialSession([]), { type: 'import', points: many(APART_MIN) });
    for (let epoch = 1; epoch <= 5; epoch++)
      expect(autosave(storage, s, { w1: epoch, w2: 0, b: 0 }, epoch)).toBeNull();
    expect(storage.writes.get(POINTS_KEY)).toBe(1);
    expect(storage.writes.get(STORAGE_KEY)).toBe(5);
    expect(storage.getItem(STORAGE_KEY)!.length).toBeLessThan(2_000); // the session alone
    const back = startingPoint('', storage);
    expect(back.points).toEqual(s.points.toArray().map(({ id: _id, ...p }) => p));
    expect(back.resume?.epoch).toBe(5);
    // The restored page saves on without writing the same points again; an edit writes them.
    const restored = sessionFrom(back);
    autosave(storage, restored, { w1: 6, w2: 0, b: 0 }, 6);
    expect(storage.writes.get(POINTS_KEY)).toBe(1);
    const edited = sessionReducer(restored, { type: 'add', x1: 0, x2: 0, label: 1 });
    autosave(storage, edited, { w1: 6, w2: 0, b: 0 }, 6);
    expect(storage.writes.get(POINTS_KEY)).toBe(2);
    expect(startingPoint('', storage).points).toHaveLength(APART_MIN + 1);
    // Back under the threshold the points go in the session, and those apart are removed.
    const few = sessionReducer(edited, { type: 'clear' });
    autosave(storage, few, { w1: 6, w2: 0, b: 0 }, 6);
    expect(storage.getItem(POINTS_KEY)).toBeNull();
    expect(startingPoint('', storage).points).toEqual([]);
  });

  it('refuses a session whose points apart are missing or were written by another tab', () => {
    const storage = counted();
    const s = sessionReducer(initialSession([]), { type: 'import', points: many(APART_MIN) });
    autosave(storage, s, { w1: 1, w2: 0, b: 0 }, 1);
    const ours = storage.getItem(POINTS_KEY)!;
    storage.setItem(POINTS_KEY, ours.replace(/"ref":"[^"]*"/, '"ref":"another"'));
    expect(startingPoint('', storage).message?.text).toContain(
      'The saved session cannot be restored: the points saved apart belong to another session',
    );
    storage.removeItem(POINTS_KEY);
    expect(startingPoint('', storage).message?.text).toContain(
      'its points, saved apart, are missing',
    );
  });
});
