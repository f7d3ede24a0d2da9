import type { Weights } from '../core/maths.ts';
import { DecisionsPanel } from './decisions-panel.tsx';
import { CalibrationView, LogOddsView } from './fit-views.tsx';
import { UncertaintyPanel, type Doubt } from './uncertainty-panel.tsx';
import { LIVE_MAX_POINTS, type ScoredLogits } from './use-decisions.ts';
import { fmtInt } from './format.ts';

/** Everything behind "Show decisions and doubt", in reading order. */
export function DecisionsGroup({
  threshold,
  onThreshold,
  train,
  test,
  doubt,
  model,
  waiting,
}: {
  threshold: number;
  onThreshold: (t: number) => void;
  train: ScoredLogits;
  test: ScoredLogits;
  doubt: Doubt;
  model: Weights | null;
  /** Large data while training: the views wait for a pause. */
  waiting: boolean;
}) {
  return (
    <>
      {waiting && (
        <p className="hint" role="status">
          With more than {fmtInt(LIVE_MAX_POINTS)} points the decision views update when training
          pauses.
        </p>
      )}
      <DecisionsPanel threshold={threshold} onThreshold={onThreshold} train={train} test={test} />
      <UncertaintyPanel doubt={doubt} />
      {model && (
        <LogOddsView train={train} logits={train.logits} model={model} threshold={threshold} />
      )}
      <CalibrationView train={train} test={test} />
    </>
  );
}
