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

/**
 * Every sampled epoch from 0 to `last`, 0 included (for tests and documentation). With
 * `reportEvery` > 0, each multiple of it is sampled too, and the grid continues from there: time
 * travel can then land exactly on the tutorial's every-10,000-epochs printouts.
 */
export function sampleEpochs(last: number, reportEvery = 0): number[] {
  const out: number[] = [];
  for (let e = 0; e <= last;) {
    out.push(e);
    const report = reportEvery > 0 ? (Math.floor(e / reportEvery) + 1) * reportEvery : Infinity;
    e = Math.min(nextSampleEpoch(e), report);
  }
  return out;
}
