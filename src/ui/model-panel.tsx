import { useState } from 'react';
import type { Weights } from '../core/maths.ts';
import type { OptimumResult } from '../worker/protocol.ts';
import { fmtNum } from './format.ts';
import { LossPlotView } from './loss-plot-view.tsx';
import { ModelFormula, ModelInWords, Readouts } from './readouts.tsx';
import { ReportsTable } from './reports-table.tsx';
import { Toggle } from './toggle.tsx';
import { ENGINE_NAMES } from './training-controls.tsx';
import type { TrainerView } from './use-trainer.ts';

/** The model as it trains: formula, words, readouts, the engine and why, loss curves, reports. */
export function ModelPanel({ view, onJump }: { view: TrainerView; onJump: (w: Weights) => void }) {
  const [logEpochs, setLogEpochs] = useState(true);
  const e = view.engine;
  const engineLabel = e
    ? `${ENGINE_NAMES[e.engine as keyof typeof ENGINE_NAMES] ?? e.engine} (${e.precision})`
    : 'starting…';
  const last = view.history.at(-1);
  const opt = view.optimum;
  return (
    <>
      <ModelFormula snapshot={view.snapshot} />
      <ModelInWords snapshot={view.snapshot} />
      <OptimumInfo optimum={opt} onJump={onJump} />
      <Readouts
        snapshot={view.snapshot}
        epochsPerSecond={view.epochsPerSecond}
        engineLabel={engineLabel}
      />
      {e && (
        <p className="engine-reason">
          {e.renderer
            ? `WebGL: ${e.hardware ? 'hardware GPU' : 'software'} (${e.renderer}). `
            : 'WebGL: unavailable. '}
          {e.reason}
        </p>
      )}
      <div className="loss-panel">
        <LossPlotView
          optimum={opt?.status === 'optimum' ? opt.objective : null}
          history={view.history}
          logEpochs={logEpochs}
          summary={
            last
              ? `After ${last.epoch} epochs: train loss ${fmtNum(last.trainLoss)}, test loss ${fmtNum(last.testLoss)}.`
              : 'No training yet.'
          }
        />
        <Toggle label="Log epoch axis" checked={logEpochs} onChange={setLogEpochs} />
      </div>
      <ReportsTable reports={view.reports} />
    </>
  );
}

/** The exact float64 optimum of the training objective, and a button to go there; or why none. */
function OptimumInfo({
  optimum,
  onJump,
}: {
  optimum: OptimumResult | null;
  onJump: (w: Weights) => void;
}) {
  if (!optimum) return null;
  if (optimum.status !== 'optimum') {
    return (
      <p className="optimum" aria-label="Exact optimum">
        {optimum.message}
      </p>
    );
  }
  const w = optimum.weights;
  return (
    <p className="optimum" aria-label="Exact optimum">
      Exact optimum (float64 Newton, dashed grey on the plot): w1 = {fmtNum(w.w1, 6)}, w2 ={' '}
      {fmtNum(w.w2, 6)}, b = {fmtNum(w.b, 6)}, J* = {fmtNum(optimum.objective, 6)}.{' '}
      <button type="button" onClick={() => onJump(w)}>
        Jump to optimum
      </button>
    </p>
  );
}
