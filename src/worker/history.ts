/**
 * The loss-curve sampling grid: every epoch at first, then log-spaced (each next epoch at least
 * `GROWTH` times the last), so a 200,000-epoch run keeps a few hundred points and the page only
 * ever receives new points — the curve is never re-sent whole.
 */

/** Ratio between consecutive sampled epochs once past the first few. 1.03 → ~410 points for 200k. */
export const GROWTH = 1.03;

/** The sampled epoch that follows `epoch` (≥ epoch + 1). */
export function nextSampleEpoch(epoch: number): number {
  return Math.max(epoch + 1, Math.ceil(epoch * GROWTH));
}

/** Every sampled epoch from 0 to `last` inclusive of 0 (for tests and documentation). */
export function sampleEpochs(last: number): number[] {
  const out: number[] = [];
  for (let e = 0; e <= last; e = nextSampleEpoch(e)) out.push(e);
  return out;
}
