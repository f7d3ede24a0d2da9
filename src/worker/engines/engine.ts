/**
 * The contract every training engine fulfils. Engines live in the worker, run many epochs per
 * call, and read their weights back once per call — never once per epoch.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import type { EngineId, Precision, TrainParams } from '../../core/settings.ts';

export type { EngineId, OptimizerId, Precision, TrainParams } from '../../core/settings.ts';
export { DEFAULT_PARAMS } from '../../core/settings.ts';

/** A training engine. All methods are synchronous once `create` has resolved. */
export interface Engine {
  readonly id: EngineId;
  readonly precision: Precision;
  /** Whether this engine can train with these parameters (e.g. full batch only). */
  supports(params: TrainParams): boolean;
  /** Replaces the training data. Keeps the weights and the optimizer state. */
  setData(train: Columns): void;
  /** Sets the hyper-parameters. A change of optimizer resets the optimizer state; lr does not. */
  setParams(params: TrainParams): void;
  /** Sets the weights and resets the optimizer state (Adam's step count, momentum). */
  setWeights(weights: Weights): void;
  /** Runs `epochs` epochs from the current state and returns the weights after them. */
  run(epochs: number): Weights;
  /** Frees GPU memory, tensors and contexts. The engine is unusable afterwards. */
  dispose(): void;
}
