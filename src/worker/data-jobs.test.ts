import { describe, expect, it } from 'vitest';
import { makePreset } from '../core/datasets.ts';
import { splitPoints } from '../core/dataset.ts';
import { replyBuffers, runDataJob } from './data-jobs.ts';

describe('the data worker’s jobs', () => {
  it.each(['overlap', 'tutorial'] as const)(
    'make exactly the %s preset’s points, as columns, reporting progress on the way',
    (id) => {
      const options = { n: 200_000, noise: 1, seed: 5 };
      const seen: number[] = [];
      const r = runDataJob({ type: 'preset', id, options }, (f) => seen.push(f));
      if (r.type !== 'done') throw new Error('no columns');
      const want = makePreset(id, options);
      expect(r.columns.x1).toHaveLength(200_000);
      for (const i of [0, 1, 99_999, 199_999]) {
        expect(r.columns.x1[i]).toBe(want[i]!.x1);
        expect(r.columns.x2[i]).toBe(want[i]!.x2);
        expect(r.columns.label[i]).toBe(want[i]!.label);
        expect(r.columns.test[i]).toBe(want[i]!.split === 'test' ? 1 : 0);
      }
      expect(seen.length).toBeGreaterThan(2);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    },
  );

  it('parse a CSV (split 33 % / 67 % when it has no split column) or say what is wrong', () => {
    const rows = ['x1,x2,label', ...Array.from({ length: 30 }, (_, i) => `${i},${-i},${i % 2}`)];
    const ok = runDataJob({ type: 'csv', text: rows.join('\n') }, () => {});
    if (ok.type !== 'done') throw new Error('not parsed');
    expect(ok.columns.x1).toHaveLength(30);
    expect(ok.columns.test.reduce((a, b) => a + b, 0)).toBe(10);
    expect(ok.note).toBeUndefined();
    // Repeated rows are kept, and the reply says so for the page to show.
    const twice = runDataJob({ type: 'csv', text: [...rows, '3,-3,1'].join('\n') }, () => {});
    if (twice.type !== 'done') throw new Error('not parsed');
    expect(twice.columns.x1).toHaveLength(31);
    expect(twice.note).toMatch(/^Lines 5 and 32 hold the same point: each copy is kept/);
    const bad = runDataJob({ type: 'csv', text: 'x1,x2,label\n1,2,0\n3,abc,1\n' }, () => {});
    expect(bad).toMatchObject({ type: 'failed', error: expect.stringMatching(/Line 3.*abc/) });
  });

  it('send the splits made here, a spare copy for the trainer, and every buffer once to transfer', () => {
    const options = { n: 5_000, noise: 1, seed: 9 };
    const r = runDataJob({ type: 'preset', id: 'overlap', options }, () => {});
    if (r.type !== 'done') throw new Error('no columns');
    const want = splitPoints(makePreset('overlap', options));
    expect(r.split).toEqual(want);
    expect(r.spare).toEqual({ train: want.train, test: want.test });
    expect(r.spare.train.x1).not.toBe(r.split.train.x1);
    const buffers = replyBuffers(r);
    expect(buffers).toHaveLength(16);
    expect(new Set(buffers).size).toBe(16); // a buffer listed twice would make postMessage throw
  });
});
