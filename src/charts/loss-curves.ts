/**
 * The loss plot's per-frame work, made to cost a frame's new points rather than the whole run:
 * each curve is an M4 stream (./decimate.ts) that folds in only what the run added, and the loss
 * extent is carried forward the same way. Both start over when the scales (for a curve) or J*
 * (for the extent) change, or when the history is not the one folded before extended at its end
 * (a new run, a restore, time travel's truncation).
 */
import type { HistoryPoint } from '../core/progress.ts';
import { M4Stream, pathThrough, type PixelSeries } from './decimate.ts';
import { lossExtent } from './loss-axes.ts';

/** What a cache was built on: its key and the run it folded in (its first and last point). */
interface Basis {
  key: string;
  first: HistoryPoint | undefined;
  last: HistoryPoint | undefined;
  count: number;
}

/** Whether `pts` is the history `b` folded in, grown at its end, under the same key. */
const extends_ = (b: Basis | undefined, key: string, pts: readonly HistoryPoint[]): boolean =>
  b !== undefined &&
  b.key === key &&
  pts.length >= b.count &&
  (b.count === 0 || (pts[0] === b.first && pts[b.count - 1] === b.last));

const basis = (key: string, pts: readonly HistoryPoint[]): Basis => ({
  key,
  first: pts[0],
  last: pts.at(-1),
  count: pts.length,
});

export class LossCurves {
  private readonly curves = new Map<string, { basis: Basis; m4: M4Stream }>();
  private extentCache: { basis: Basis; extent: [number, number] } | undefined;

  /**
   * The path of curve `name` through `pts` valued by `value` (not positive or not finite: a
   * gap), mapped by `x` (epoch → px) and `y` (loss → px); `key` names the scales.
   */
  path(
    name: string,
    key: string,
    pts: readonly HistoryPoint[],
    x: (epoch: number) => number,
    y: (loss: number) => number,
    value: (h: HistoryPoint) => number,
  ): string {
    const s: PixelSeries = {
      n: pts.length,
      x: (i) => x(pts[i]!.epoch),
      y: (i) => {
        const v = value(pts[i]!);
        return v > 0 && Number.isFinite(v) ? y(v) : Number.NaN;
      },
    };
    let c = this.curves.get(name);
    if (!c || !extends_(c.basis, key, pts)) {
      c = { basis: basis(key, []), m4: new M4Stream() };
      this.curves.set(name, c);
    }
    c.m4.extend(s);
    c.basis = basis(key, pts);
    return pathThrough(c.m4.indices(), s);
  }

  /** {@link lossExtent} of `pts` and `lanes`, the history's part carried forward; `key`: J*. */
  extent(
    key: string,
    pts: readonly HistoryPoint[],
    lanes: readonly (readonly { value: number }[])[],
    gapOf: (h: HistoryPoint) => number,
  ): [number, number] {
    const c = this.extentCache;
    const kept = c && extends_(c.basis, key, pts) ? c : undefined;
    const history = lossExtent(pts, [], gapOf, kept?.basis.count ?? 0, kept?.extent);
    this.extentCache = { basis: basis(key, pts), extent: history };
    return lossExtent([], lanes, gapOf, 0, history);
  }
}
