import fc from 'fast-check';
import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { M4Stream, m4Indices, m4Path, type PixelSeries } from './decimate.ts';

/** A series from arrays; NaN y is a gap. */
const series = (xs: number[], ys: number[]): PixelSeries => ({
  n: xs.length,
  x: (i) => xs[i]!,
  y: (i) => ys[i]!,
});

/** Runs of defined points: the index lists between gaps. */
function runs(idx: number[]): number[][] {
  const out: number[][] = [[]];
  for (const i of idx) {
    if (i < 0) out.push([]);
    else out.at(-1)!.push(i);
  }
  return out.filter((r) => r.length > 0);
}

/** A run of the loss curve: rising x (pixels), y anywhere, some gaps. */
const curve = fc
  .array(
    fc.record({
      dx: fc.double({ min: 0, max: 3, noNaN: true }),
      y: fc.oneof(
        { weight: 9, arbitrary: fc.double({ min: 0, max: 200, noNaN: true }) },
        { weight: 1, arbitrary: fc.constant(Number.NaN) },
      ),
    }),
    { maxLength: 400 },
  )
  .map((steps) => {
    let x = 40;
    const xs = steps.map((s) => (x += s.dx));
    return { xs, ys: steps.map((s) => s.y) };
  });

describe('M4 decimation of a line chart', () => {
  it('keeps, in order, at most 4 points per pixel column, and each column’s first, last, lowest and highest', () => {
    fc.assert(
      fc.property(curve, ({ xs, ys }) => {
        const s = series(xs, ys);
        const kept = m4Indices(s);
        const all = kept.filter((i) => i >= 0);
        // A subsequence of the input, in order.
        all.forEach((i, k) => k > 0 && expect(i).toBeGreaterThan(all[k - 1]!));
        // The same runs (gaps), each with its first and last point.
        const full = runs(xs.map((_, i) => (Number.isFinite(ys[i]) ? i : -1)));
        const got = runs(kept);
        expect(got.map((r) => [r[0], r.at(-1)])).toEqual(full.map((r) => [r[0], r.at(-1)]));
        // Per run and pixel column: ≤ 4 points, the same extent in y as every point there.
        full.forEach((run, r) => {
          const byCol = (ids: number[]) => {
            const m = new Map<number, number[]>();
            for (const i of ids)
              m.set(Math.floor(xs[i]!), [...(m.get(Math.floor(xs[i]!)) ?? []), i]);
            return m;
          };
          const want = byCol(run);
          const have = byCol(got[r]!);
          expect([...have.keys()]).toEqual([...want.keys()]);
          for (const [c, ids] of want) {
            const mine = have.get(c)!;
            expect(mine.length).toBeLessThanOrEqual(4);
            const ysOf = (l: number[]) => l.map((i) => ys[i]!);
            expect(Math.min(...ysOf(mine))).toBe(Math.min(...ysOf(ids)));
            expect(Math.max(...ysOf(mine))).toBe(Math.max(...ysOf(ids)));
            expect(mine[0]).toBe(ids[0]);
            expect(mine.at(-1)).toBe(ids.at(-1));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('draws what d3.line draws where no column holds more than one point', () => {
    const xs = [40, 41.5, 43, 47.25, 50, 52, 60];
    const ys = [10, 12.34, Number.NaN, 30, 31.05, Number.NaN, 5];
    const d3 = line<number>()
      .digits(1)
      .defined((i) => Number.isFinite(ys[i]))
      .x((i) => xs[i]!)
      .y((i) => ys[i]!)(xs.map((_, i) => i));
    expect(m4Path(series(xs, ys))).toBe(d3);
  });

  it('costs the width, not the length: 100,000 points over 600 columns keep at most 2,400', () => {
    const n = 100_000;
    const s: PixelSeries = {
      n,
      x: (i) => 40 + (600 * i) / n,
      y: (i) => 100 + 50 * Math.sin(i / 7),
    };
    const kept = m4Indices(s);
    expect(kept.length).toBeLessThanOrEqual(2_400);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
  });

  it('folded in as the run grows, in any chunks, keeps what one pass over the whole run keeps', () => {
    fc.assert(
      fc.property(curve, fc.array(fc.nat(50), { maxLength: 20 }), ({ xs, ys }, cuts) => {
        const stream = new M4Stream();
        let n = 0;
        for (const c of cuts) {
          n = Math.min(xs.length, n + c);
          stream.extend(series(xs.slice(0, n), ys.slice(0, n)));
          // Mid-way, the open column is drawn too: the same as a pass over what has come so far.
          expect(stream.indices()).toEqual(m4Indices(series(xs.slice(0, n), ys.slice(0, n))));
        }
        stream.extend(series(xs, ys));
        expect(stream.indices()).toEqual(m4Indices(series(xs, ys)));
        expect(stream.count).toBe(xs.length);
      }),
      { numRuns: 300 },
    );
  });

  it('draws nothing for no points or only gaps', () => {
    expect(m4Path(series([], []))).toBe('');
    expect(m4Path(series([1, 2], [Number.NaN, Number.NaN]))).toBe('');
  });
});
