/**
 * Every message between the page and the training worker: one discriminated union each way.
 * Messages carry plain numbers and typed arrays, never tensors. This file is imported by the page
 * (types only) and the worker, so it must stay free of DOM and worker globals.
 *
 * The page owns versions of its inputs: `data` (the points), `settings` (hyper-parameters and
 * engine choice) and `run` (bumped by Reset, the recipe and new data that restart training).
 * Small worker state travels whole, as a {@link WorkerState} that the page replaces; it names the
 * versions it was computed from, so the page shows a result only while those are still the inputs
 * on screen. Large streams (loss curve, reports, race samples) travel as deltas under an id the
 * page appends to (`run`, `raceId`) or restarts.
 */
import type { FeatureSet } from '../core/features.ts';
import type { Slice } from '../core/loss-surface.ts';
import type { PresetId, PresetOptions } from '../core/datasets.ts';
import type { GridSpec } from '../core/loss-surface.ts';
import type { Weights } from '../core/maths.ts';
import type { SurfaceBand } from '../core/surface-bands.ts';
import type { PointColumns, SplitData } from '../core/dataset.ts';
import type { DataEdit } from '../core/split-edits.ts';
import type { HistoryPoint, Snapshot } from '../core/progress.ts';
import type { MaxMargin } from '../core/max-margin.ts';
import type { ReferenceResult } from '../core/reference-solver.ts';
import type {
  EngineChoice,
  EngineId,
  Hyper,
  InitKind,
  OptimizerId,
  Precision,
  Speed,
  TrainParams,
} from '../core/settings.ts';

export type {
  EngineChoice,
  EngineId,
  HistoryPoint,
  Hyper,
  InitKind,
  OptimizerId,
  Precision,
  ReferenceResult,
  Snapshot,
  TrainParams,
};

/** Struct-of-arrays point data, as sent to the worker (copied, not shared). */
export interface DataArrays {
  x1: Float64Array;
  x2: Float64Array;
  /** Labels 0 (red) or 1 (blue), as floats. */
  y: Float64Array;
}

/** Weights at an epoch: where a restarted worker or a restored session goes on from. */
export interface Resume {
  weights: Weights;
  epoch: number;
  /** Keep training after resuming (a worker that crashed while training). */
  running: boolean;
}

/** Messages the page sends. */
export type ToWorker =
  /**
   * New points (version `data`). With `run`, training restarts (new initial weights, a new loss
   * curve under that run id); without, it goes on from the current weights (an edit).
   */
  | {
      type: 'load-data';
      data: number;
      run?: number;
      train: DataArrays;
      test: DataArrays;
      /** With `run`: go on from these weights instead of new ones (a restarted worker). */
      resume?: Resume;
    }
  /**
   * One edit of the points (a point added, moved or removed), making version `data` of version
   * `base`, the worker's: training goes on. A million points' columns need not be copied and
   * sent again for one point.
   */
  | { type: 'edit-data'; data: number; base: number; edit: DataEdit }
  /** Every hyper-parameter and the engine choice, as settings version `settings`. */
  | { type: 'set-settings'; settings: number; params: Hyper; engine: EngineChoice }
  /** How fast training runs in wall time (never what it computes). */
  | { type: 'set-speed'; speed: Speed }
  | { type: 'play' }
  | { type: 'pause' }
  /** The page has drawn the last progress message: the worker may send the next one. */
  | { type: 'frame-ack' }
  | { type: 'step'; epochs: number }
  /** New initial weights, epoch 0, and a new loss curve under run id `run`. */
  | { type: 'reset'; run: number }
  /** Atomically: these settings, this data, fresh weights as run `run`, and play (the recipe). */
  | {
      type: 'run-recipe';
      data: number;
      settings: number;
      run: number;
      params: Hyper;
      engine: EngineChoice;
      train: DataArrays;
      test: DataArrays;
    }
  | { type: 'set-weights'; weights: Weights; epoch?: number }
  | { type: 'measure'; request: MeasureRequest }
  /** Compute the loss surface J(w1, w2, b) on a grid (the parameter-space view, the bench). */
  | { type: 'loss-surface'; request: SurfaceRequest }
  /** Train several (learning rate, optimizer) lanes at once from the initial weights. */
  | { type: 'race'; request: RaceRequest }
  | { type: 'race-stop' }
  | { type: 'simulate-fault'; fault: 'lose-webgl-context' | 'crash' };

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
  /** A slice through other parameters (features, or axes other than w1, w2); float64 JS only. */
  slice?: Slice;
  /** Data and L2 to use instead of the training session's (bench and conformance tests). */
  train?: DataArrays;
  l2?: number;
  /**
   * Nothing moves (no run plays, nothing is dragged): a grid that had to be cut down to stay
   * live may take up to SETTLED_GRID_MS instead, to show the full resolution and every point.
   */
  settled?: boolean;
}

/** The answer to a SurfaceRequest. */
export interface SurfaceResult {
  id: number;
  spec: GridSpec;
  /** size² values, row-major: values[j·size + i] = J(w1_i, w2_j, b); empty on error. */
  values: Float32Array;
  /** The filled contours of `values` in grid units, traced here so the page does not. */
  bands: SurfaceBand[];
  /** Time spent tracing them, ms (the worker's job is `ms` + `contourMs`). */
  contourMs: number;
  /** Computed for a settled request (see SurfaceRequest.settled). */
  settled?: boolean;
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
  /** The data version and L2 it was computed for (the session's, unless the request brought its own). */
  data: number;
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

/** A learning-rate change during a run: from `epoch` on, training used `lr` (marked on the loss curve). */
export interface LrMark {
  epoch: number;
  lr: number;
}

/** The exact optimum, why there is none, or that the solver was not run (too many points). */
export type OptimumResult = ReferenceResult | { status: 'skipped'; message: string };

/** Why training paused itself: weights overflowed, or the loss kept bouncing above its best. */
export interface Diverged {
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

/** The engine that trains, as the worker reports it. */
export interface EngineStatus {
  /** The engine training now: always one that supports the current settings. */
  engine: EngineId;
  /** What the user asked for (the settings' engine choice). */
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

/** The exact optimum of the training objective for data version `data` and this L2, or why none. */
export interface OptimumState {
  data: number;
  l2: number;
  /** The model's features the optimum is of. */
  features: FeatureSet;
  result: OptimumResult;
  /** For separable data without L2: the maximum-margin line descent turns toward. */
  maxMargin: MaxMargin | null;
}

/** The worker's small state, sent whole whenever it changes; the page replaces its copy. */
export interface WorkerState {
  /** The input versions the worker has applied (it may still be behind the page's). */
  applied: { data: number; settings: number; run: number };
  engine: EngineStatus;
  running: boolean;
  /** The epoch budget is reached (training stopped by itself). */
  done: boolean;
  diverged: Diverged | null;
  /** For `applied.data` and the applied L2 once solved; null while solving. */
  optimum: OptimumState | null;
}

/** Facts about a race, sent with each of its progress messages. */
export type RaceStatus = 'running' | 'finished' | 'stopped';

/** Messages the worker sends. */
export type FromWorker =
  | { type: 'state'; state: WorkerState }
  | {
      type: 'progress';
      /** The run these numbers belong to. */
      run: number;
      /** Drop curve points and reports from this epoch on before appending (a restore rewound). */
      from?: number;
      snapshot: Snapshot;
      epochsPerSecond: number;
      /** New loss-curve points since the last message (log-spaced epochs), oldest first. */
      history: HistoryPoint[];
      /** New every-`reportEvery`-epochs reports since the last message (the tutorial's printout). */
      reports: Report[];
      /** Learning-rate changes since the last message: the epoch from which `lr` applies. */
      marks: LrMark[];
    }
  | { type: 'notice'; message: string }
  | { type: 'measured'; result: MeasureResult }
  | { type: 'loss-surface'; result: SurfaceResult }
  | {
      type: 'race-progress';
      raceId: number;
      /** The data version the lanes train on. */
      data: number;
      engine: RaceEngineId;
      epoch: number;
      epochs: number;
      status: RaceStatus;
      epochsPerSecond: number;
      lanes: RaceLaneState[];
      /** New samples since the last message, oldest first. */
      history: RacePoint[];
    }
  | { type: 'error'; message: string };

/** Page → data worker: a preset's points to make, or a CSV file's text to parse (issue #14). */
export type DataJob =
  | { type: 'preset'; id: PresetId; options: PresetOptions }
  | { type: 'csv'; text: string }
  /** A file as the person picked or dropped it: read in the worker, not on the page. */
  | { type: 'csv-file'; file: Blob };

/** Data worker → page. A CSV's result says whether the file had a split column. */
export type DataJobReply =
  | { type: 'progress'; fraction: number }
  /** `spare`: a second copy of the splits, for the page to hand on to the training worker. */
  | {
      type: 'done';
      columns: PointColumns;
      split: SplitData;
      spare: Pick<SplitData, 'train' | 'test'>;
      /** What the page should say of the data beside "Imported …" (repeated rows). */
      note?: string;
    }
  | { type: 'failed'; error: string };
