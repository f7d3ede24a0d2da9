import { describe, expect, it } from 'vitest';
import { runDataJob } from './data-jobs.ts';

describe('runDataJob with a file (read where the job runs, not on the page)', () => {
  it('reads and parses the file, splitting it as the tutorial does', async () => {
    const rows = ['x1,x2,label', ...Array.from({ length: 30 }, (_, i) => `${i},${-i},${i % 2}`)];
    const r = await runDataJob({ type: 'csv-file', file: new Blob([rows.join('\n')]) });
    if (!r.ok) throw new Error(r.error);
    expect(r.points.length).toBe(30);
    expect(r.points.split.train.n + r.points.split.test.n).toBe(30);
    expect(r.points.split.test.n).toBe(10); // 33 % of 30, seed 42
    expect(r.note).toBeUndefined();
    const again = await runDataJob({
      type: 'csv-file',
      file: new Blob([[...rows, '0,0,0', '0,-0,0'].join('\n')]),
    });
    if (!again.ok) throw new Error(again.error);
    expect(again.points.length).toBe(32);
    expect(again.note).toMatch(/^Lines 2 and 32 hold the same point \(and 1 more repeat\)/);
  });

  it('says in words when the file cannot be read, and when it is not a points file', async () => {
    const broken = new Blob(['x']);
    broken.text = () => Promise.reject(new Error('NotReadableError: the file changed'));
    expect(await runDataJob({ type: 'csv-file', file: broken })).toEqual({
      ok: false,
      error: 'The file could not be read (NotReadableError: the file changed).',
    });
    const bad = await runDataJob({ type: 'csv-file', file: new Blob(['a,b\n1,2\n']) });
    expect(bad.ok).toBe(false);
  });
});
