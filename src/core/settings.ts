/**
 * The domain's settings in one place: the types of every hyper-parameter and engine choice, their
 * defaults (the tutorial's), their valid ranges, and one schema that the share link, the saved
 * session and the page's validation all read — instead of a copy of the list in each.
 */
import { MAX_PRESET_POINTS, MIN_PRESET_POINTS } from './datasets.ts';
import { FEATURE_SETS, NO_FEATURES, type FeatureSet } from './features.ts';
import { fmtBound } from './number-input.ts';

/** Optimizers: plain SGD (the tutorial), SGD with momentum, Adam. */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerId = (typeof OPTIMIZERS)[number];

/** How training starts: all-zero weights (the tutorial), or seeded small random ones. */
export const INITS = ['zeros', 'random'] as const;
export type InitKind = (typeof INITS)[number];

/** Arithmetic precision an engine trains in. */
export type Precision = 'float32' | 'float64';

/**
 * The training engines, as the page names them. The worker's registry adds how each is created
 * and what it supports; everything else (menus, links, saved sessions, captions) reads this list.
 */
export const ENGINES = {
  'fused-webgl': {
    name: 'Fused WebGL kernel',
    precision: 'float32',
    fullBatchOnly: true,
    noStandardize: true,
  },
  'js-f64': { name: 'JavaScript float64', precision: 'float64', fullBatchOnly: false },
  'wasm-f64': { name: 'WASM SIMD float64', precision: 'float64', fullBatchOnly: true },
  'tfjs-webgl': { name: 'TF.js WebGL', precision: 'float32', fullBatchOnly: false, tfjs: 'webgl' },
  'tfjs-wasm': { name: 'TF.js WASM', precision: 'float32', fullBatchOnly: false, tfjs: 'wasm' },
  'tfjs-cpu': { name: 'TF.js CPU', precision: 'float32', fullBatchOnly: false, tfjs: 'cpu' },
} as const satisfies Record<string, EngineSpec>;

/** An engine's description: what the page calls it, how exact it is, what it can train. */
export interface EngineSpec {
  name: string;
  precision: Precision;
  /** Trains full batches only (the fused kernel sums every point in each draw). */
  fullBatchOnly: boolean;
  /** Descends on the raw features only (no "Standardize features"). */
  noStandardize?: boolean;
  /** The TF.js backend it runs on (TF.js engines only). */
  tfjs?: 'webgl' | 'wasm' | 'cpu';
}

/** The engines that run on a TF.js backend. */
export type TfjsEngineId = {
  [K in keyof typeof ENGINES]: (typeof ENGINES)[K] extends { tfjs: string } ? K : never;
}[keyof typeof ENGINES];

export type EngineId = keyof typeof ENGINES;
export const ENGINE_IDS = Object.keys(ENGINES) as EngineId[];
/** What the user can ask for: a concrete engine, or 'auto' (the worker picks the fastest). */
export type EngineChoice = EngineId | 'auto';
export const ENGINE_CHOICES: readonly EngineChoice[] = ['auto', ...ENGINE_IDS];

/** The engine's name as the page shows it ("Auto" for 'auto'). */
export function engineName(id: EngineChoice): string {
  return id === 'auto' ? 'Auto' : ENGINES[id].name;
}

/** Why engine `id` cannot train with `params` ("full batch only", "no standardizing"), or null. */
export function engineLimit(
  id: EngineId,
  params: Pick<TrainParams, 'batchSize'> & Partial<Pick<TrainParams, 'features' | 'standardize'>>,
): string | null {
  const spec: EngineSpec = ENGINES[id];
  if (spec.fullBatchOnly && params.batchSize > 0) return 'full batch only';
  if (spec.noStandardize && params.standardize === 'on') return 'no standardizing';
  return null;
}

/** Whether engine `id` can train with `params` (some train full batches only, or raw features). */
export function engineSupports(
  id: EngineId,
  params: Pick<TrainParams, 'batchSize'> & Partial<Pick<TrainParams, 'features' | 'standardize'>>,
): boolean {
  return engineLimit(id, params) === null;
}

/**
 * How fast training runs in wall time — never what it computes: the same epochs, the same numbers.
 * The log paces give each decade of epochs (1–10, 10–100, …) the same time, so the early epochs,
 * where the boundary moves most, are slow enough to watch and the late ones fly; at Normal the
 * tutorial's 200,000 epochs take about 10 s. Steady runs a fixed number of epochs a second; Max
 * as fast as the engine goes.
 */
export const SPEEDS: Record<'slow' | 'normal' | 'fast' | 'steady' | 'max', SpeedSpec> = {
  slow: { label: 'Slow (~30 s)', secondsPerDecade: 30 / Math.log10(200_001) },
  normal: { label: 'Normal (~10 s)', secondsPerDecade: 10 / Math.log10(200_001) },
  fast: { label: 'Fast (~3 s)', secondsPerDecade: 3 / Math.log10(200_001) },
  steady: { label: 'Steady (100 epochs/s)', epochsPerSecond: 100 },
  max: { label: 'Max' },
};

/** A pace: log-time (seconds per decade of epochs), steady (epochs a second), or neither: Max. */
export interface SpeedSpec {
  label: string;
  secondsPerDecade?: number;
  epochsPerSecond?: number;
}
export type Speed = keyof typeof SPEEDS;
export const SPEED_IDS = Object.keys(SPEEDS) as Speed[];
/** The pace a new page trains at: the tutorial's run lasts about 10 s. */
export const DEFAULT_SPEED: Speed = 'normal';

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
  /** The model's optional features (x1², x2², x1·x2; see ./features.ts). Default 'none'. */
  features: FeatureSet;
  /**
   * 'on': descent runs on standardized features (mean 0, SD 1 on the training points; see
   * `Scaling` in ./features.ts) — the weights shown, the objective and its optimum stay the raw
   * features'. Default 'off' (the tutorial).
   */
  standardize: Toggle;
}

/** An on/off setting, spelt as the link writes it. */
export const TOGGLES = ['off', 'on'] as const;
export type Toggle = (typeof TOGGLES)[number];

/** Everything the worker trains with, besides the data. */
export interface Hyper extends TrainParams {
  /** Epoch budget: training stops at this epoch. Default 200,000. */
  epochs: number;
  /** Initial weights for a reset. Default 'zeros'. */
  init: InitKind;
  /** Report test accuracy at each multiple of this epoch (0: never). Tutorial: 10,000. */
  reportEvery: number;
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
  features: NO_FEATURES,
  standardize: 'off',
};

/** The tutorial recipe: SGD, lr 0.01, full batch, 200,000 epochs from zeros, report every 10,000. */
export const DEFAULT_HYPER: Hyper = {
  ...DEFAULT_PARAMS,
  epochs: 200_000,
  init: 'zeros',
  reportEvery: 10_000,
};

/** A numeric range; `openMin`/`openMax` exclude the bound. */
export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  openMin?: boolean;
  openMax?: boolean;
}

const SEED: NumberRule = { min: 0, max: 4_294_967_295, integer: true };
const UNIT: NumberRule = { min: 0, max: 1, openMax: true };

/** One hyper-parameter: its key in a share link, and its valid values. */
export type SettingSpec =
  | { url: string; name: string; rule: NumberRule }
  | { url: string; name: string; choices: readonly string[]; absent?: string };

/** Every hyper-parameter, once: the share link, the saved session and the page read this. */
export const HYPER_SCHEMA = {
  lr: { url: 'lr', name: 'Learning rate', rule: { min: 1e-5, max: 10 } },
  l2: { url: 'l2', name: 'L2 penalty', rule: { min: 0, max: 100 } },
  optimizer: { url: 'opt', name: 'Optimizer', choices: OPTIMIZERS },
  momentum: { url: 'mom', name: 'Momentum', rule: UNIT },
  beta1: { url: 'b1', name: 'Adam β1', rule: UNIT },
  beta2: { url: 'b2', name: 'Adam β2', rule: UNIT },
  epsilon: { url: 'eps', name: 'Adam ε', rule: { min: 0, max: 1, openMin: true } },
  batchSize: {
    url: 'bs',
    name: 'Batch size',
    rule: { min: 0, max: MAX_PRESET_POINTS, integer: true },
  },
  seed: { url: 'hs', name: 'Initial-weights seed', rule: SEED },
  epochs: { url: 'ep', name: 'Epochs', rule: { min: 1, max: 1e8, integer: true } },
  init: { url: 'init', name: 'Initial weights', choices: INITS },
  reportEvery: { url: 're', name: 'Report every', rule: { min: 0, max: 1e8, integer: true } },
  // Saves and links from before features existed have none: the straight-line model.
  features: { url: 'feat', name: 'Features', choices: FEATURE_SETS, absent: NO_FEATURES },
  standardize: { url: 'std', name: 'Standardize features', choices: TOGGLES, absent: 'off' },
} as const satisfies Record<keyof Hyper, SettingSpec>;

export const HYPER_KEYS = Object.keys(HYPER_SCHEMA) as (keyof Hyper)[];

/** The numeric hyper-parameters. */
export type NumericHyper = {
  [K in keyof Hyper]: (typeof HYPER_SCHEMA)[K] extends { rule: NumberRule } ? K : never;
}[keyof Hyper];

/** The valid range of every numeric setting (hyper-parameters and the preset's options). */
export const RULES: Record<NumericHyper | 'n' | 'noise', NumberRule> = {
  n: { min: MIN_PRESET_POINTS, max: MAX_PRESET_POINTS, integer: true },
  noise: { min: 0, max: 5, openMin: true },
  ...(Object.fromEntries(
    HYPER_KEYS.flatMap((k) => {
      const spec: SettingSpec = HYPER_SCHEMA[k];
      return 'rule' in spec ? [[k, spec.rule]] : [];
    }),
  ) as Record<NumericHyper, NumberRule>),
};

/** Whether `v` is a number within `r`. */
export function fitsRule(v: unknown, r: NumberRule): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (r.integer && !Number.isInteger(v))) {
    return false;
  }
  return (r.openMin ? v > r.min : v >= r.min) && (r.openMax ? v < r.max : v <= r.max);
}

/**
 * The rule in words, e.g. "a number from 0.00001 to 10", "a whole number from 1 to 100,000,000",
 * "a number above 0, up to 5".
 */
export function describeRule(r: NumberRule): string {
  const kind = r.integer ? 'a whole number' : 'a number';
  const from = r.openMin ? `above ${fmtBound(r.min)}, up to` : `from ${fmtBound(r.min)} to`;
  return `${kind} ${from} ${fmtBound(r.max)}${r.openMax ? ' (not included)' : ''}`;
}

/** Whether `v` is one of `choices`. */
export function isOneOf<T extends string>(v: unknown, choices: readonly T[]): v is T {
  return typeof v === 'string' && (choices as readonly string[]).includes(v);
}

/**
 * Reads a whole Hyper from `read(key)` (a JSON object's field, a link's parameter), checking each
 * value against the schema. `fail(key, spec)` says why a value is refused (and throws).
 */
export function readHyperWith(
  read: (key: keyof Hyper) => unknown,
  fail: (key: keyof Hyper, spec: SettingSpec, value: unknown) => never,
): Hyper {
  const out: Record<string, unknown> = {};
  for (const k of HYPER_KEYS) {
    const spec: SettingSpec = HYPER_SCHEMA[k];
    const read0 = read(k);
    const v = read0 === undefined && 'absent' in spec ? spec.absent : read0;
    const ok = 'rule' in spec ? fitsRule(v, spec.rule) : isOneOf(v, spec.choices);
    if (!ok) fail(k, spec, v);
    out[k] = v;
  }
  return out as unknown as Hyper;
}
