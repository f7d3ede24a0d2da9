import { useState } from 'react';
import { fmtNum } from './format.ts';
import { LossPlotView } from './loss-plot-view.tsx';
import { ModelFormula, ModelInWords, Readouts } from './readouts.tsx';
import { ReportsTable } from './reports-table.tsx';
import { ENGINE_NAMES } from './training-controls.tsx';
import type { TrainerView } from './use-trainer.ts';

/** The model as it trains: formula, words, readouts, the engine and why, loss curves, reports. */
export function ModelPanel({ view }: { view: TrainerView }) {
  const [logEpochs, setLogEpochs] = useState(true);
  const e = view.engine;
  const engineLabel = e
    ? `${ENGINE_NAMES[e.engine as keyof typeof ENGINE_NAMES] ?? e.engine} (${e.precision})`
    : 'starting…';
  const last = view.history.at(-1);
  return (
    <>
      <ModelFormula snapshot={view.snapshot} />
      <ModelInWords snapshot={view.snapshot} />
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
          history={view.history}
          logEpochs={logEpochs}
          summary={
            last
              ? `After ${last.epoch} epochs: train loss ${fmtNum(last.trainLoss)}, test loss ${fmtNum(last.testLoss)}.`
              : 'No training yet.'
          }
        />
        <label className="check">
          <input
            type="checkbox"
            checked={logEpochs}
            onChange={(ev) => setLogEpochs(ev.currentTarget.checked)}
          />{' '}
          Log epoch axis
        </label>
      </div>
      <ReportsTable reports={view.reports} />
    </>
  );
}
