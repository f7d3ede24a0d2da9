/**
 * Every message between the page and the training worker: one discriminated union each way.
 * Each message carries the run id it belongs to; the page bumps the id whenever the data or the
 * starting weights change, and both sides drop messages of an older run. Messages carry plain
 * numbers and typed arrays, never tensors. This file is imported by the page (types only) and the
 * worker, so it must stay free of DOM and worker globals.
 */
import type { GridSpec } from '../core/loss-surface.ts';
import type { Weights } from '../core/maths.ts';
import type { HistoryPoint, Snapshot } from '../core/progress.ts';
import type { MaxMargin } from '../core/max-margin.ts';
import type { ReferenceResult } from '../core/reference-solver.ts';
import type { EngineId, OptimizerId, Precision, TrainParams } from './engines/engine.ts';

export type {
  EngineId,
  HistoryPoint,
  OptimizerId,
  Precision,
  ReferenceResult,
  Snapshot,
  TrainParams,
};

/** What the user can ask for: a concrete engine, or 'auto' (the worker picks the fastest). */
export type EngineChoice = EngineId | 'auto';

/** Struct-of-arrays point data, as sent to the worker (copied, not shared). */
export interface DataArrays {
  x1: Float64Array;
  x2: Float64Array;
  /** Labels 0 (red) or 1 (blue), as floats. */
  y: Float64Array;
}

/** How training starts: all-zero weights (the tutorial), or seeded small random ones. */
export type InitKind = 'zeros' | 'random';

/** Everything the worker trains with, besides the data. */
export interface Hyper extends TrainParams {
  /** Epoch budget: training stops (reason 'budget') at this epoch. Default 200,000. */
  epochs: number;
  /** Initial weights for 'reset'. Default 'zeros'. */
  init: InitKind;
  /** Send a 'report' message at each multiple of this epoch (0: never). Tutorial: 10,000. */
  reportEvery: number;
}

/** Messages the page sends. */
export type ToWorker =
  | { type: 'load-data'; runId: number; train: DataArrays; test: DataArrays; keepWeights: boolean }
  | { type: 'set-params'; runId: number; params: Hyper }
  | { type: 'choose-engine'; runId: number; engine: EngineChoice }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  /** The page has drawn the last progress message: the worker may send the next one. */
  | { type: 'frame-ack'; runId: number }
  | { type: 'step'; runId: number; epochs: number }
  | { type: 'reset'; runId: number }
  /** Atomically: these parameters, this data, fresh weights, and play (the tutorial recipe). */
  | { type: 'run-recipe'; runId: number; params: Hyper; train: DataArrays; test: DataArrays }
  | { type: 'set-weights'; runId: number; weights: Weights; epoch?: number }
  | { type: 'measure'; runId: number; request: MeasureRequest }
  /** Compute the loss surface J(w1, w2, b) on a grid (the parameter-space view, the bench). */
  | { type: 'loss-surface'; runId: number; request: SurfaceRequest }
  /** Train several (learning rate, optimizer) lanes at once from the initial weights. */
  | { type: 'race'; runId: number; request: RaceRequest }
  | { type: 'race-stop'; runId: number }
  | { type: 'simulate-fault'; runId: number; fault: 'lose-webgl-context' | 'crash' };

/** A timing/conformance job for the bench and the conformance tests. */
export interface MeasureRequest {
  engine: EngineId;
  train: DataArrays;
  params: TrainParams;
  epochs: number;
  /** Wall-time cap in ms: stop early (and say so) when reached. */
  maxMs: number;
}

/** A loss-surface job: J over a (w1, w2) grid at a fixed b. */
export interface SurfaceRequest {
  /** Echoed in the result, so the page can drop answers it no longer wants. */
  id: number;
  w1: [number, number];
  w2: [number, number];
  b: number;
  /** Grid vertices per side, 2 … 512. */
  size: number;
  /** Engine to compute on; 'auto': the GPU kernel when WebGL works, else float64 JavaScript. */
  engine: EngineId | 'auto';
  /** Data and L2 to use instead of the training session's (bench and conformance tests). */
  train?: DataArrays;
  l2?: number;
}

/** The answer to a SurfaceRequest. */
export interface SurfaceResult {
  id: number;
  spec: GridSpec;
  /** size² values, row-major: values[j·size + i] = J(w1_i, w2_j, b); empty on error. */
  values: Float32Array;
  /** Engine that computed it. */
  engine: EngineId;
  /** Training points summed per cell: all of them, or an evenly spaced sample of `total`. */
  n: number;
  total: number;
  /** Why this engine, or why a smaller grid / a sample (to show beside the plot). */
  note: string;
  /** Compute time (upload excluded), ms; and time to create the engine / upload the data, ms. */
  ms: number;
  setupMs: number;
  error?: string;
}

/** One lane of a learning-rate race. */
export interface RaceLane {
  lr: number;
  optimizer: OptimizerId;
}

/** Engines a race can run on. */
export type RaceEngineId = 'js-f64' | 'fused-webgl';

/** A learning-rate race: every lane starts from the same weights on the same data. */
export interface RaceRequest {
  /** Echoed in every progress message: the page drops messages of an older race. */
  id: number;
  /** 1 … 8 lanes. */
  lanes: RaceLane[];
  /** Epochs every lane runs. */
  epochs: number;
  /** 'auto': the GPU kernel when WebGL works, else float64 JavaScript. */
  engine: RaceEngineId | 'auto';
  /** Data and parameters to use instead of the session's (conformance tests). */
  train?: DataArrays;
  params?: TrainParams;
}

/** One lane's state during a race. */
export interface RaceLaneState extends RaceLane {
  weights: Weights;
  /** The training objective J (mean BCE + L2 term), float64 on the exact data. */
  objective: number;
  trainAccuracy: number;
  /** The epoch at which the weights stopped being finite, or null. */
  divergedAt: number | null;
}

/** One sample of every lane's objective (log-spaced epochs, as the main loss curve). */
export interface RacePoint {
  epoch: number;
  objectives: number[];
  /** Every lane's weights at this epoch (its parameter-space path). */
  weights: Weights[];
}

/** The result of a MeasureRequest. */
export interface MeasureResult {
  engine: EngineId;
  n: number;
  epochs: number;
  ms: number;
  epochsPerSecond: number;
  weights: Weights;
  precision: Precision;
  /** Time to create the engine and compile its shaders, ms. */
  setupMs: number;
  /** Live TF.js tensors before and after the run (a leak shows as growth). */
  tensorsBefore: number;
  tensorsAfter: number;
  /**
   * Bytes the worker holds for this training job: the data's typed arrays plus TF.js tensor
   * bytes (GPU textures of the fused kernel: 16 bytes a point). Workers expose no JS-heap figure.
   */
  trainingBytes: number;
  error?: string;
}

/** Facts about an engine, shown on the page. */
export interface EngineInfo {
  id: EngineId;
  available: boolean;
  precision: Precision;
  /** Why unavailable, or a note (e.g. "software WebGL"). */
  note: string;
}

/** The tutorial's periodic printout: test accuracy (and train loss) at a multiple of reportEvery. */
export interface Report {
  epoch: number;
  testAccuracy: number;
  trainLoss: number;
}

/** The exact optimum, why there is none, or that the solver was not run (too many points). */
export type OptimumResult = ReferenceResult | { status: 'skipped'; message: string };

/** Messages the worker sends. */
export type FromWorker =
  | {
      type: 'ready';
      runId: number;
      engine: EngineId;
      choice: EngineChoice;
      precision: Precision;
      /** WebGL renderer string, '' if WebGL is unavailable. */
      renderer: string;
      /** True when WebGL runs on a hardware GPU, false for software (SwiftShader…) or none. */
      hardware: boolean;
      /** Why this engine runs, in words. */
      reason: string;
      engines: EngineInfo[];
    }
  | {
      type: 'progress';
      runId: number;
      snapshot: Snapshot;
      epochsPerSecond: number;
      running: boolean;
      /** New loss-curve points since the last message (log-spaced epochs), oldest first. */
      history: HistoryPoint[];
      /** New every-`reportEvery`-epochs reports since the last message (the tutorial's printout). */
      reports: Report[];
    }
  | { type: 'done'; runId: number; epoch: number }
  | {
      type: 'diverged';
      runId: number;
      /** 'non-finite': weights became NaN/±Infinity; 'rising': the loss stays far above its best. */
      reason: 'non-finite' | 'rising';
      epoch: number;
      lr: number;
      /** The weights to go back to: the last finite ones, or those with the lowest loss. */
      lastFinite: Weights;
      lastFiniteEpoch: number;
      /** Train loss at `lastFiniteEpoch`, and the recent average that triggered 'rising'. */
      bestLoss: number;
      recentLoss: number;
    }
  | { type: 'notice'; runId: number; message: string }
  /** The exact float64 optimum of the training objective for the current data and L2, or why none. */
  | {
      type: 'optimum';
      runId: number;
      result: OptimumResult;
      /** For separable data without L2: the maximum-margin line descent turns toward. */
      maxMargin: MaxMargin | null;
    }
  | { type: 'measured'; runId: number; result: MeasureResult }
  | { type: 'loss-surface'; runId: number; result: SurfaceResult }
  | {
      type: 'race-progress';
      runId: number;
      raceId: number;
      engine: RaceEngineId;
      epoch: number;
      epochs: number;
      running: boolean;
      epochsPerSecond: number;
      lanes: RaceLaneState[];
      /** New samples since the last message, oldest first. */
      history: RacePoint[];
    }
  | { type: 'error'; runId: number; message: string };
