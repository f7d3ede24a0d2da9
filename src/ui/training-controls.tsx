import { memo, useId } from 'react';
import { ENGINE_CHOICES, engineLimit, engineName } from '../core/settings.ts';
import type { EngineChoice, EngineInfo, Hyper, InitKind, OptimizerId } from '../worker/protocol.ts';
import { FeaturesGroup } from './features-group.tsx';
import { NumberField } from './number-field.tsx';

interface Props {
  hyper: Hyper;
  stepEpochs: number;
  engine: EngineChoice;
  engines: readonly EngineInfo[];
  onHyper: (patch: Partial<Hyper>) => void;
  onStepEpochs: (n: number) => void;
  onEngine: (e: EngineChoice) => void;
  /** The engine training now, e.g. "JavaScript float64 (float64)". */
  engineInUse: string;
  /** Why the engine in use is not the one chosen (shown under it), or null. */
  engineNote: string | null;
}

const OPTIMIZERS: [OptimizerId, string][] = [
  ['sgd', 'SGD (tutorial)'],
  ['momentum', 'SGD with momentum 0.9'],
  ['adam', 'Adam'],
];

/** The Engine menu's labels: the registry's names, Auto explained. */
export const engineLabel = (id: EngineChoice): string =>
  id === 'auto' ? 'Auto (fastest here)' : engineName(id);

/** Every hyper-parameter but the learning rate (which is in the run bar), and the engine. */
export const TrainingControls = memo(function TrainingControls(p: Props) {
  const optId = useId();
  const engId = useId();
  const initId = useId();
  return (
    <div className="controls" role="group" aria-label="Training settings">
      <FeaturesGroup
        features={p.hyper.features}
        onChange={(features) => p.onHyper({ features })}
        standardize={p.hyper.standardize === 'on'}
        onStandardize={(on) => p.onHyper({ standardize: on ? 'on' : 'off' })}
      />
      <div className="field-grid">
        <div className="field">
          <label htmlFor={optId}>Optimizer</label>
          <select
            id={optId}
            value={p.hyper.optimizer}
            onChange={(e) => p.onHyper({ optimizer: e.currentTarget.value as OptimizerId })}
          >
            {OPTIMIZERS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={initId}>Initial weights</label>
          <select
            id={initId}
            value={p.hyper.init}
            onChange={(e) => p.onHyper({ init: e.currentTarget.value as InitKind })}
          >
            <option value="zeros">Zeros (tutorial)</option>
            <option value="random">Random (seeded)</option>
          </select>
        </div>
        <NumberField
          label="Batch size"
          value={p.hyper.batchSize}
          min={0}
          max={1_000_000}
          integer
          hint="0 = full batch"
          onCommit={(batchSize) => p.onHyper({ batchSize })}
        />
        <NumberField
          label="L2 penalty"
          value={p.hyper.l2}
          min={0}
          max={100}
          onCommit={(l2) => p.onHyper({ l2 })}
        />
        <NumberField
          label="Epochs"
          value={p.hyper.epochs}
          min={1}
          max={100_000_000}
          integer
          onCommit={(epochs) => p.onHyper({ epochs })}
        />
        <NumberField
          label="Epochs per step"
          value={p.stepEpochs}
          min={1}
          max={1_000_000}
          integer
          onCommit={p.onStepEpochs}
        />
        <div className="field">
          <label htmlFor={engId}>Engine</label>
          <select
            id={engId}
            value={p.engine}
            onChange={(e) => p.onEngine(e.currentTarget.value as EngineChoice)}
          >
            {ENGINE_CHOICES.map((id) => {
              const info = p.engines.find((e) => e.id === id);
              const limit = id === 'auto' ? null : engineLimit(id, p.hyper);
              return (
                <option
                  key={id}
                  value={id}
                  disabled={(info ? !info.available : false) || limit !== null}
                >
                  {engineLabel(id)}
                  {info && !info.available ? ' (unavailable)' : limit ? ` (${limit})` : ''}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field engine-in-use">
          <label htmlFor={`${engId}-in-use`}>Engine in use</label>
          <output id={`${engId}-in-use`} aria-live="off">
            {p.engineInUse}
          </output>
          {p.engineNote && <span className="field-hint">{p.engineNote}</span>}
        </div>
      </div>
    </div>
  );
});
