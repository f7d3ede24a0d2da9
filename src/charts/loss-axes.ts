/** The loss plot's axes: where they end, how they step, what they span. Pure functions. */
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import type { HistoryPoint } from '../core/progress.ts';

/**
 * Where the epoch axis ends for a run at `epoch`: the next 1, 2 or 5 × 10^k on a log axis, the
 * next nice round value on a linear one — so the axis holds still while the curve grows into it,
 * and steps out now and then, instead of sliding under the curve every frame.
 */
export function epochAxisEnd(epoch: number, log: boolean, ticks: number): number {
  if (!log) return scaleLinear([0, epoch], [0, 1]).nice(ticks).domain()[1]!;
  const k = 10 ** Math.floor(Math.log10(epoch));
  return [1, 2, 5, 10].map((m) => m * k).find((v) => v >= epoch * (1 - 1e-12)) ?? 10 * k;
}

/**
 * The least and the largest positive, finite loss among the curves (train, test, the lanes) and
 * the gaps J − J* ≥ 1e−12: one pass, no arrays (the loss axis is re-fitted every frame).
 */
export function lossExtent(
  pts: readonly HistoryPoint[],
  lanes: readonly (readonly { value: number }[])[],
  gapOf: (h: HistoryPoint) => number,
  /** Fold in `pts` from this index on, into `start` (an extent of the points before it). */
  from = 0,
  start: readonly [number, number] = [Infinity, -Infinity],
): [number, number] {
  let [least, most] = start;
  const see = (v: number) => {
    if (!(v > 0) || !Number.isFinite(v)) return;
    if (v < least) least = v;
    if (v > most) most = v;
  };
  for (let i = from; i < pts.length; i++) {
    const h = pts[i]!;
    see(h.trainLoss);
    see(h.testLoss);
    const g = gapOf(h);
    if (g >= 1e-12) see(g);
  }
  for (const lane of lanes) for (const p of lane) see(p.value);
  return [least, most];
}

/** `v` rounded (down or up, by `round`) to a quarter of a decade: the loss axis's steps. */
export function quarterDecade(v: number, round: (x: number) => number): number {
  return 10 ** (round(4 * Math.log10(v)) / 4);
}

/** An epoch on the axis: "0", "500", "50k", "1.5M". */
export function epochTick(v: number): string {
  return v === 0 ? '0' : format('~s')(v);
}
