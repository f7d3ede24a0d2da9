/** A curve this long or shorter is saved whole (~200 kB of JSON at most). */
export const SAVE_WHOLE = 1_000;

/**
 * A loss curve for the autosave: whole up to `whole` points (a reload then restores exactly the
 * curve and the time-travel stops it had); longer, thinned to the last point of every
 * 1/`perDecade` of a decade of epochs (and of epoch 0), which keeps its shape on the log epoch
 * axis the loss plot uses. A run of 100,000,000 epochs sampled at every report (10,000 epochs) has
 * ~10,700 points; the save keeps ~800 (≈ 200 kB of JSON instead of ~1 MB for the newest 5,000,
 * which also dropped the run's start): writing that every 2 s had become a 50–90 ms task.
 */
export function thinHistory<T extends { epoch: number }>(
  history: readonly T[],
  perDecade = 100,
  whole = SAVE_WHOLE,
): T[] {
  if (history.length <= whole) return [...history];
  const bucket = (e: number) => (e <= 0 ? -1 : Math.floor(Math.log10(e) * perDecade));
  const out: T[] = [];
  for (let i = 0; i < history.length; i++) {
    const next = history[i + 1];
    if (next === undefined || bucket(next.epoch) !== bucket(history[i]!.epoch)) {
      out.push(history[i]!);
    }
  }
  return out;
}
