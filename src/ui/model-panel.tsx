import { useEffect, useMemo, useState } from 'react';
import type { MaxMargin } from '../core/max-margin.ts';
import { weightNormSq, type Weights } from '../core/maths.ts';
import { featureSetOfWeights, weightKeys } from '../core/features.ts';
import { withHead, type Snapshot } from '../core/progress.ts';
import type { LossLane } from '../charts/loss-plot.ts';
import type { OptimumResult } from '../worker/protocol.ts';
import { fmtInt, fmtNum } from './format.ts';
import { LossPlotView } from './loss-plot-view.tsx';
import { ModelFormula, ModelInWords, Readouts } from './readouts.tsx';
import { ReportsTable } from './reports-table.tsx';
import { Toggle } from './toggle.tsx';
import type { Basis, TrainerView } from './trainer-view.ts';

interface Props {
  view: TrainerView;
  /** The data version and L2 on screen (what the optimum was solved for). */
  basis: Basis;
  /** The model shown: the live one, or a replayed snapshot (time travel). */
  shown: Snapshot | null;
  /** The replayed epoch (time travel), or null when live. */
  travelEpoch: number | null;
  /** Learning-rate race curves drawn over the loss plot. */
  lanes: readonly LossLane[];
  onJump: (w: Weights) => void;
}

/** What training does right now: the epoch, losses, accuracies and weights, and the loss curves. */
export function LivePanel({ view, basis, shown, travelEpoch, lanes }: Omit<Props, 'onJump'>) {
  const [logEpochs, setLogEpochs] = useState(true);
  // Stopped between the curve's recorded epochs (a pause, a Step, a jump to the optimum), the
  // curve ends where the readouts are; while training runs it catches up within a frame.
  const head = view.running ? null : view.snapshot;
  const history = useMemo(() => withHead(view.history, head), [view.history, head]);
  const last = history.at(-1);
  const opt = view.optimum;
  const objective = opt?.status === 'optimum' ? opt.objective : null;
  const optimumCurve = useMemo(
    () => (objective === null ? null : { objective, data: basis.data, l2: basis.l2 }),
    [objective, basis.data, basis.l2],
  );
  return (
    <>
      {travelEpoch !== null && (
        // Not a live region: during "Watch the run again" it changes every frame; the slider's
        // value text says the epoch to a screen reader.
        <p className="replaying">
          Time travel: showing the model at epoch {fmtInt(travelEpoch)} (training has reached{' '}
          {fmtInt(view.snapshot?.epoch ?? 0)}).
        </p>
      )}
      <Readouts snapshot={shown} epochsPerSecond={view.epochsPerSecond} />
      <div className="loss-panel">
        <LossPlotView
          optimum={optimumCurve}
          marks={view.marks}
          history={history}
          marker={travelEpoch}
          lanes={lanes}
          logEpochs={logEpochs}
          summary={
            (last
              ? `After ${fmtInt(last.epoch)} epochs: train loss ${fmtNum(last.trainLoss)}, test loss ${fmtNum(last.testLoss)}.`
              : 'No training yet.') +
            view.marks
              .map((m) => ` Learning rate ${fmtNum(m.lr)} from epoch ${fmtInt(m.epoch)}.`)
              .join('')
          }
        />
        <Toggle label="Log epoch axis" checked={logEpochs} onChange={setLogEpochs} />
      </div>
    </>
  );
}

/** The model in symbols and words, the exact optimum (or why there is none), and the reports. */
export function ModelExplain({
  view,
  shown,
  l2,
  onJump,
}: Pick<Props, 'view' | 'shown' | 'onJump'> & { l2: number }) {
  return (
    <>
      <ModelFormula snapshot={shown} />
      <ModelInWords snapshot={shown} />
      <OptimumInfo optimum={view.optimum} solving={view.solving} l2={l2} onJump={onJump} />
      {view.maxMargin && <SeparableInfo margin={view.maxMargin} weights={shown?.weights ?? null} />}
      <ReportsTable reports={view.reports} />
    </>
  );
}

/** The exact float64 optimum of the training objective, and a button to go there; or why none. */
function OptimumInfo({
  optimum,
  solving,
  l2,
  onJump,
}: {
  optimum: OptimumResult | null;
  /** The answer for the data and L2 on screen is still being computed. */
  solving: boolean;
  /** The L2 penalty on screen: J* splits into the mean BCE (the "Train loss") and its term. */
  l2: number;
  onJump: (w: Weights) => void;
}) {
  // A click while solving — a field applied on the way to the button (its blur) starts a new
  // solve between the press and the release — jumps once the answer for the screen is in.
  const [pending, setPending] = useState(false);
  const [jumpTo, setJumpTo] = useState<Weights | null>(null);
  const ready = !solving && optimum?.status === 'optimum' ? optimum.weights : null;
  const waiting = pending && solving;
  if (pending && !solving) {
    // Solved (React's "adjust state while rendering"): jump to this answer, once.
    setPending(false);
    setJumpTo(ready);
  }
  useEffect(() => {
    if (jumpTo) onJump(jumpTo);
  }, [jumpTo, onJump]);
  if (!solving && !optimum) return null;
  if (!solving && optimum && optimum.status !== 'optimum') {
    return (
      <p className="optimum" aria-label="Exact optimum">
        {optimum.message}
      </p>
    );
  }
  const w = ready;
  const values =
    w &&
    [...weightKeys(featureSetOfWeights(w)), 'b' as const]
      .map((k) => `${k} = ${fmtNum(w[k], 6)}`)
      .join(', ');
  return (
    <p
      className={solving ? 'optimum solving' : 'optimum'}
      aria-label="Exact optimum"
      aria-busy={solving || undefined}
    >
      {/*
        The same button, at the same place, while solving: applying a field on the way to it
        (its blur, at the press) starts a solve and changes the text; a button after the text
        would move between press and release, and the click would be lost.
      */}
      <button type="button" onClick={() => (w ? onJump(w) : setPending(true))}>
        {waiting ? 'Jumping when solved…' : 'Jump to optimum'}
      </button>{' '}
      {w && optimum?.status === 'optimum'
        ? `Exact optimum (float64 Newton, dashed grey on the plot): ${values}, J* = ${fmtNum(optimum.objective, 6)}${splitJ(optimum.objective, w, l2)}.`
        : 'Exact optimum: solving for the points and L2 penalty on screen…'}
    </p>
  );
}

/**
 * With L2, J* is more than the readouts' "Train loss" (the mean BCE alone): " (mean BCE … + L2
 * term …)", so the loss at the optimum is not read as below its own minimum.
 */
function splitJ(objective: number, w: Weights, l2: number): string {
  if (!(l2 > 0)) return '';
  const term = 0.5 * l2 * weightNormSq(w);
  return ` (mean BCE ${fmtNum(objective - term, 6)} + L2 term ${fmtNum(term, 6)})`;
}

/** Separable data, no L2: ‖w‖ grows for ever while the boundary turns toward the max-margin line. */
function SeparableInfo({ margin, weights }: { margin: MaxMargin; weights: Weights | null }) {
  const norm = weights ? Math.hypot(weights.w1, weights.w2) : 0;
  const cos =
    norm > 0
      ? (weights!.w1 * margin.weights.w1 + weights!.w2 * margin.weights.w2) / norm
      : Number.NaN;
  const degrees = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
  return (
    <p className="optimum" aria-label="Separable data">
      ‖w‖ ={' '}
      <output aria-label="Weight norm" aria-live="off">
        {fmtNum(norm)}
      </output>
      , and it grows without bound while the loss creeps toward 0. The boundary turns toward the
      maximum-margin line (dotted; margin {fmtNum(margin.margin, 3)}): the angle between w and its
      normal is now{' '}
      <output aria-label="Angle to the max-margin direction" aria-live="off">
        {Number.isFinite(degrees) ? degrees.toFixed(2) : '—'}
      </output>
      °.
    </p>
  );
}
