/**
 * The contract every training engine fulfils. Engines live in the worker, run many epochs per
 * call, and read their weights back once per call — never once per epoch.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';

/** Engines a user can pick; 'auto' is resolved by the worker to one of the others. */
export type EngineId = 'fused-webgl' | 'js-f64' | 'tfjs-webgl' | 'tfjs-wasm' | 'tfjs-cpu';

/** Arithmetic precision an engine trains in. */
export type Precision = 'float32' | 'float64';

/** Optimizers: plain SGD (the tutorial), SGD with momentum, Adam. */
export type OptimizerId = 'sgd' | 'momentum' | 'adam';

/** Hyper-parameters an engine needs; all can change between two `run` calls. */
export interface TrainParams {
  /** Learning rate, 1e-5 … 10. Default 0.01 (the tutorial's). */
  lr: number;
  /** L2 penalty on w (not b), ≥ 0. The objective is mean BCE + l2/2·‖w‖². Default 0. */
  l2: number;
  /** Default 'sgd'. */
  optimizer: OptimizerId;
  /** Momentum coefficient for 'momentum' (heavy ball: v ← μv + g; θ ← θ − lr·v). Default 0.9. */
  momentum: number;
  /** Adam's β1, β2, ε. Defaults 0.9, 0.999, 1e-8. */
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Points per mini-batch; 0 means full batch (the tutorial). */
  batchSize: number;
  /** Seed for the mini-batch shuffle. */
  seed: number;
}

/** The tutorial's hyper-parameters. */
export const DEFAULT_PARAMS: TrainParams = {
  lr: 0.01,
  l2: 0,
  optimizer: 'sgd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  batchSize: 0,
  seed: 42,
};

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
