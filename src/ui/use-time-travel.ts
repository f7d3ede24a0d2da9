/**
 * Time travel's page state: which snapshot of the run is replayed (null: live), the model shown
 * for it — a Snapshot whose gradient is recomputed here, since history does not carry one — and
 * the rule that scrubbing pauses training while Play returns to the live model.
 */
import { useMemo, useState } from 'react';
import type { Columns } from '../core/dataset.ts';
import { gradientNorm, lossAndGradient, type LossAndGradient } from '../core/maths.ts';
import type { HistoryPoint, Snapshot } from '../core/progress.ts';
import { onBasis, type Basis, type TrainerView } from './trainer-view.ts';

/** Largest training set whose gradient the page recomputes for a replayed snapshot. */
const REPLAY_GRADIENT_MAX_N = 200_000;

export function useTimeTravel(
  view: TrainerView,
  trainCols: Columns,
  /** The data version and L2 on screen: a replayed point of other data gets no gradient. */
  basis: Basis,
  pause: () => void,
  /** Changes with a new run or new data: time travel then returns to live. */
  runKey: string,
) {
  const [travel, setTravel] = useState<number | null>(null);
  const [key, setKey] = useState(runKey);
  if (key !== runKey) {
    setKey(runKey);
    setTravel(null);
  }
  const travelPoint = travel === null ? null : (view.history[travel] ?? null);
  // Training again: back to the live model (React's "adjust state while rendering" pattern).
  const [wasRunning, setWasRunning] = useState(view.running);
  if (wasRunning !== view.running) {
    setWasRunning(view.running);
    if (view.running) setTravel(null);
  }
  const shown: Snapshot | null = useMemo(
    () => (travelPoint ? replayedSnapshot(travelPoint, trainCols, basis) : view.snapshot),
    [travelPoint, trainCols, basis, view.snapshot],
  );
  const onTravel = (i: number | null) => {
    if (i !== null && view.running) pause();
    setTravel(i);
  };
  return { travel: travelPoint ? travel : null, travelPoint, shown, setTravel, onTravel };
}

/**
 * A history point as a Snapshot, with its gradient recomputed — only on the data and L2 it was
 * recorded with (NaN, shown as "—", for a point of edited data, and for huge data sets).
 */
export function replayedSnapshot(h: HistoryPoint, cols: Columns, basis: Basis): Snapshot {
  const { loss: _loss, ...gradient }: LossAndGradient =
    cols.n <= REPLAY_GRADIENT_MAX_N && onBasis(h, basis)
      ? lossAndGradient(cols, h.weights, basis.l2)
      : { loss: Number.NaN, g1: Number.NaN, g2: Number.NaN, gb: Number.NaN };
  // Every weight's component (the quadratic ones too, with features on).
  return { ...h, gradNorm: gradientNorm(gradient), gradient };
}
