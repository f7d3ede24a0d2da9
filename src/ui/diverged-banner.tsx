import type { Diverged } from '../worker/protocol.ts';
import { fmtInt, fmtNum, fmtRate } from './format.ts';

/** Says why training stopped on its own, and offers the weights to go back to. */
export function DivergedBanner({
  d,
  maxStableLr,
  onRestore,
}: {
  d: Diverged;
  maxStableLr: number;
  onRestore: () => void;
}) {
  const limit = Number.isFinite(maxStableLr)
    ? ` The stable limit for full-batch descent on this data is 2/L ≈ ${fmtRate(maxStableLr)}.`
    : '';
  const what =
    d.reason === 'non-finite'
      ? `Training diverged at epoch ${fmtInt(d.epoch)}: with learning rate ${fmtRate(d.lr)} the weights became infinite or NaN.`
      : `Training diverged: with learning rate ${fmtRate(d.lr)} the loss keeps bouncing around ${fmtNum(d.recentLoss, 3)}, far above its best, ${fmtNum(d.bestLoss, 3)} at epoch ${fmtInt(d.lastFiniteEpoch)}.`;
  return (
    <div className="diverged" role="alert">
      <p>
        {what} Training is paused.{limit} Lower the learning rate, then go on.
      </p>
      <button type="button" onClick={onRestore}>
        {d.reason === 'non-finite' ? 'Restore last finite weights' : 'Restore best weights'}
      </button>
    </div>
  );
}
