import { useId } from 'react';
import {
  ENGINE_CHOICES,
  engineName,
  engineSupports,
  SPEED_IDS,
  SPEEDS,
  type Speed,
} from '../core/settings.ts';
import type { EngineChoice, EngineInfo, Hyper, InitKind, OptimizerId } from '../worker/protocol.ts';
import { LearningRateSlider } from './learning-rate-slider.tsx';
import { NumberField } from './number-field.tsx';

interface Props {
  hyper: Hyper;
  maxStableLr: number;
  running: boolean;
  stepEpochs: number;
  engine: EngineChoice;
  engines: EngineInfo[];
  onHyper: (patch: Partial<Hyper>) => void;
  onPlayPause: () => void;
  onStep: () => void;
  onStepEpochs: (n: number) => void;
  onReset: () => void;
  onRecipe: () => void;
  onEngine: (e: EngineChoice) => void;
  /** How fast training runs in wall time. */
  speed: Speed;
  onSpeed: (s: Speed) => void;
}

const OPTIMIZERS: [OptimizerId, string][] = [
  ['sgd', 'SGD (tutorial)'],
  ['momentum', 'SGD with momentum 0.9'],
  ['adam', 'Adam'],
];

/** The Engine menu's labels: the registry's names, Auto explained. */
export const engineLabel = (id: EngineChoice): string =>
  id === 'auto' ? 'Auto (fastest here)' : engineName(id);

/** Play/Pause, Step, Reset, the tutorial recipe, and every hyper-parameter. */
export function TrainingControls(p: Props) {
  const optId = useId();
  const engId = useId();
  const initId = useId();
  const speedId = useId();
  return (
    <div className="controls" role="group" aria-label="Training">
      <div className="buttons">
        <button type="button" className="primary" onClick={p.onPlayPause} aria-keyshortcuts="Space">
          {p.running ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={p.onStep} disabled={p.running}>
          Step
        </button>
        <button type="button" onClick={p.onReset}>
          Reset
        </button>
        <button type="button" onClick={p.onRecipe}>
          Run tutorial recipe
        </button>
      </div>
      <LearningRateSlider
        value={p.hyper.lr}
        maxStableLr={p.maxStableLr}
        fullBatch={p.hyper.optimizer === 'sgd' && p.hyper.batchSize === 0}
        onChange={(lr) => p.onHyper({ lr })}
      />
      <div className="field speed-field">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={p.speed}
          aria-describedby={`${speedId}-hint`}
          onChange={(e) => p.onSpeed(e.currentTarget.value as Speed)}
        >
          {SPEED_IDS.map((id) => (
            <option key={id} value={id}>
              {SPEEDS[id].label}
            </option>
          ))}
        </select>
        <span id={`${speedId}-hint`} className="field-hint">
          Wall time only: every pace computes the same epochs and numbers.
        </span>
      </div>
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
              const unsupported = id !== 'auto' && !engineSupports(id, p.hyper);
              return (
                <option
                  key={id}
                  value={id}
                  disabled={(info ? !info.available : false) || unsupported}
                >
                  {engineLabel(id)}
                  {info && !info.available
                    ? ' (unavailable)'
                    : unsupported
                      ? ' (full batch only)'
                      : ''}
                </option>
              );
            })}
          </select>
        </div>
      </div>
    </div>
  );
}
