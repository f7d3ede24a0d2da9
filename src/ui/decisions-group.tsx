import type { Weights } from '../core/maths.ts';
import { DecisionsPanel } from './decisions-panel.tsx';
import { CalibrationView, LogOddsView } from './fit-views.tsx';
import { UncertaintyPanel, type Doubt } from './uncertainty-panel.tsx';
import type { ScoredLogits } from './use-decisions.ts';

/** Everything behind "Show decisions and doubt", in reading order. */
export function DecisionsGroup({
  threshold,
  onThreshold,
  train,
  test,
  doubt,
  model,
}: {
  threshold: number;
  onThreshold: (t: number) => void;
  train: ScoredLogits;
  test: ScoredLogits;
  doubt: Doubt;
  model: Weights | null;
}) {
  return (
    <>
      <DecisionsPanel threshold={threshold} onThreshold={onThreshold} train={train} test={test} />
      <UncertaintyPanel doubt={doubt} />
      {model && (
        <LogOddsView train={train} logits={train.logits} model={model} threshold={threshold} />
      )}
      <CalibrationView train={train} test={test} />
    </>
  );
}
