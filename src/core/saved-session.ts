/**
 * The autosaved session (localStorage): settings, points, weights and epoch as JSON. Reading it
 * back trusts nothing: every field is checked (types, finiteness, ranges), and a corrupt,
 * truncated, foreign or newer save is refused with a message rather than half-restored.
 *
 * This module also defines the settings' shapes and valid ranges, shared with the share link.
 *
 * Points are stored as parallel columns: `{ x1: number[], x2: number[], labels: "0110…",
 * test: "0010…" }`, one character per point in `labels` (class 0 or 1) and `test` (1 = test).
 */
import type { Label, Point } from './dataset.ts';
import { MAX_PRESET_POINTS, PRESETS, type PresetId } from './datasets.ts';
import type { Weights } from './maths.ts';
import { MAX_ABS_VALUE, MAX_ROWS } from './csv.ts';

/** Optimizers (as `OptimizerId` in the worker). */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
/** Initial weights (as `InitKind` in the worker). */
export const INITS = ['zeros', 'random'] as const;
/** Engine choices (as `EngineChoice` in the worker). */
export const ENGINES = [
  'auto',
  'fused-webgl',
  'js-f64',
  'tfjs-webgl',
  'tfjs-wasm',
  'tfjs-cpu',
] as const;

/** An engine choice: 'auto' or an engine id. */
export type EngineName = (typeof ENGINES)[number];

/** The worker's `Hyper`, by structure (src/core may not import the worker). */
export interface HyperShape {
  lr: number;
  l2: number;
  optimizer: (typeof OPTIMIZERS)[number];
  momentum: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  batchSize: number;
  seed: number;
  epochs: number;
  init: (typeof INITS)[number];
  reportEvery: number;
}

/** Where the points come from: a preset with its options, or 'custom' (hand-placed). */
export interface PresetState {
  id: PresetId | 'custom';
  n: number;
  noise: number;
  seed: number;
}

/** A numeric range; `openMin`/`openMax` exclude the bound. */
export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  openMin?: boolean;
  openMax?: boolean;
}

/** The numeric fields of {@link HyperShape}. */
export type NumericHyper = Exclude<keyof HyperShape, 'optimizer' | 'init'>;
const SEED: NumberRule = { min: 0, max: 4_294_967_295, integer: true };
const UNIT: NumberRule = { min: 0, max: 1, openMax: true };

/** The valid range of every numeric setting. */
export const RULES: Record<NumericHyper | 'n' | 'noise', NumberRule> = {
  n: { min: 0, max: MAX_PRESET_POINTS, integer: true },
  noise: { min: 0, max: 5, openMin: true },
  seed: SEED,
  lr: { min: 1e-5, max: 10 },
  l2: { min: 0, max: 100 },
  momentum: UNIT,
  beta1: UNIT,
  beta2: UNIT,
  epsilon: { min: 0, max: 1, openMin: true },
  batchSize: { min: 0, max: MAX_PRESET_POINTS, integer: true },
  epochs: { min: 1, max: 1e8, integer: true },
  reportEvery: { min: 0, max: 1e8, integer: true },
};

/** Whether `v` is a number within `r`. */
export function fitsRule(v: unknown, r: NumberRule): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (r.integer && !Number.isInteger(v))) {
    return false;
  }
  return (r.openMin ? v > r.min : v >= r.min) && (r.openMax ? v < r.max : v <= r.max);
}

/** The rule in words, e.g. "a number in [0.00001, 10]" or "an integer in [1, 100000000]". */
export function describeRule(r: NumberRule): string {
  const range = `${r.openMin ? '(' : '['}${r.min}, ${r.max}${r.openMax ? ')' : ']'}`;
  return `${r.integer ? 'an integer' : 'a number'} in ${range}`;
}

/** Whether `v` is a preset id or 'custom'. */
export function isPresetChoice(v: unknown): v is PresetId | 'custom' {
  return typeof v === 'string' && (v === 'custom' || Object.hasOwn(PRESETS, v));
}

/** Whether `v` is one of `choices`. */
export function isOneOf<T extends string>(v: unknown, choices: readonly T[]): v is T {
  return typeof v === 'string' && (choices as readonly string[]).includes(v);
}

/** The format version this code writes and reads. */
export const SAVE_VERSION = 1;

/** A whole session as saved. */
export interface SavedSession {
  version: typeof SAVE_VERSION;
  preset: PresetState;
  hyper: HyperShape;
  engine: EngineName;
  points: Point[];
  weights: Weights;
  epoch: number;
}

class SaveError extends Error {}

const EPOCH: NumberRule = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
const COORD: NumberRule = { min: -MAX_ABS_VALUE, max: MAX_ABS_VALUE };
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * Serialises a session to JSON (only the known fields, points as columns). Non-finite weights
 * become `null`, which {@link parseSavedSession} refuses.
 */
export function serializeSession(s: SavedSession): string {
  const { preset: p, hyper: h, points } = s;
  return JSON.stringify({
    version: SAVE_VERSION,
    preset: { id: p.id, n: p.n, noise: p.noise, seed: p.seed },
    hyper: {
      lr: h.lr,
      l2: h.l2,
      optimizer: h.optimizer,
      momentum: h.momentum,
      beta1: h.beta1,
      beta2: h.beta2,
      epsilon: h.epsilon,
      batchSize: h.batchSize,
      seed: h.seed,
      epochs: h.epochs,
      init: h.init,
      reportEvery: h.reportEvery,
    },
    engine: s.engine,
    points: {
      x1: points.map((q) => q.x1),
      x2: points.map((q) => q.x2),
      labels: points.map((q) => q.label).join(''),
      test: points.map((q) => (q.split === 'test' ? '1' : '0')).join(''),
    },
    weights: { w1: s.weights.w1, w2: s.weights.w2, b: s.weights.b },
    epoch: s.epoch,
  });
}

/** Drops keys that could reach a prototype if the result were ever merged into an object. */
function reviver(key: string, value: unknown): unknown {
  return key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value;
}

/** A JSON value for a message: at most 40 characters. */
function show(v: unknown): string {
  const s = v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** An own property of a plain JSON object (never an inherited one). */
function get(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new SaveError(`${path} is ${show(v)}, not an object`);
}

/** A number within `rule`; `path` ("hyper.", "" at the top) names it in messages. */
function number(o: Record<string, unknown>, key: string, rule: NumberRule, path: string): number {
  const v = get(o, key);
  if (fitsRule(v, rule)) return v;
  throw new SaveError(`${path}${key} is ${show(v)}, not ${describeRule(rule)}`);
}

function weight(o: Record<string, unknown>, key: string): number {
  const v = get(o, key);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new SaveError(`weights.${key} is ${show(v)}, not a finite number`);
}

function choice<T extends string>(v: unknown, choices: readonly T[], path: string): T {
  if (isOneOf(v, choices)) return v;
  throw new SaveError(`${path} is ${show(v)}, not one of ${choices.join(', ')}`);
}

function readPreset(v: unknown): PresetState {
  const o = object(v, 'preset');
  const id = get(o, 'id');
  if (!isPresetChoice(id)) throw new SaveError(`preset.id is ${show(id)}, not a preset`);
  return {
    id,
    n: number(o, 'n', RULES.n, 'preset.'),
    noise: number(o, 'noise', RULES.noise, 'preset.'),
    seed: number(o, 'seed', RULES.seed, 'preset.'),
  };
}

function readHyper(v: unknown): HyperShape {
  const o = object(v, 'hyper');
  const num = (k: keyof typeof RULES) => number(o, k, RULES[k], 'hyper.');
  return {
    lr: num('lr'),
    l2: num('l2'),
    optimizer: choice(get(o, 'optimizer'), OPTIMIZERS, 'hyper.optimizer'),
    momentum: num('momentum'),
    beta1: num('beta1'),
    beta2: num('beta2'),
    epsilon: num('epsilon'),
    batchSize: num('batchSize'),
    seed: num('seed'),
    epochs: num('epochs'),
    init: choice(get(o, 'init'), INITS, 'hyper.init'),
    reportEvery: num('reportEvery'),
  };
}

/** A column of `n` coordinates. */
function coordinates(v: unknown, n: number, path: string): number[] {
  if (!Array.isArray(v) || v.length !== n) {
    throw new SaveError(`${path} is not a list of ${n} numbers`);
  }
  v.forEach((x: unknown, i) => {
    if (!fitsRule(x, COORD))
      throw new SaveError(`${path}[${i}] is ${show(x)}, not ${describeRule(COORD)}`);
  });
  return v as number[];
}

/** A string of `n` characters, each "0" or "1". */
function flags(v: unknown, n: number, path: string): string {
  if (typeof v !== 'string' || v.length !== n || !/^[01]*$/.test(v)) {
    throw new SaveError(`${path} is not ${n} characters 0 or 1`);
  }
  return v;
}

function readPoints(v: unknown): Point[] {
  const o = object(v, 'points');
  const x1 = get(o, 'x1');
  const n = Array.isArray(x1) ? x1.length : 0;
  if (n > MAX_ROWS) {
    throw new SaveError(
      `it holds ${thousands(n)} points, more than the limit of ${thousands(MAX_ROWS)}`,
    );
  }
  const xs = coordinates(x1, n, 'points.x1');
  const ys = coordinates(get(o, 'x2'), n, 'points.x2');
  const labels = flags(get(o, 'labels'), n, 'points.labels');
  const test = flags(get(o, 'test'), n, 'points.test');
  return xs.map((x, i) => ({
    x1: x,
    x2: ys[i] ?? 0,
    label: (labels.charCodeAt(i) === 49 ? 1 : 0) as Label,
    split: test.charCodeAt(i) === 49 ? 'test' : 'train',
  }));
}

function readSession(data: unknown): SavedSession {
  const o = object(data, 'the data');
  const version = get(o, 'version');
  if (version !== SAVE_VERSION) {
    const what = version === undefined ? 'it has no version' : `it is version ${show(version)}`;
    throw new SaveError(`${what}; this app reads version ${SAVE_VERSION}`);
  }
  const w = object(get(o, 'weights'), 'weights');
  return {
    version: SAVE_VERSION,
    preset: readPreset(get(o, 'preset')),
    hyper: readHyper(get(o, 'hyper')),
    engine: choice(get(o, 'engine'), ENGINES, 'engine'),
    points: readPoints(get(o, 'points')),
    weights: { w1: weight(w, 'w1'), w2: weight(w, 'w2'), b: weight(w, 'b') },
    epoch: number(o, 'epoch', EPOCH, ''),
  };
}

/**
 * Reads a saved session back (`json` as from `localStorage.getItem`, so `null` when none).
 *
 * @returns The session, or why it cannot be restored ("The saved session cannot be restored: …").
 */
export function parseSavedSession(
  json: string | null,
): { ok: true; session: SavedSession } | { ok: false; error: string } {
  if (json === null) return { ok: false, error: 'There is no saved session.' };
  let data: unknown;
  try {
    data = JSON.parse(json, reviver);
  } catch {
    const error = 'The saved session cannot be restored: it is not valid JSON (perhaps cut short).';
    return { ok: false, error };
  }
  try {
    return { ok: true, session: readSession(data) };
  } catch (e) {
    if (!(e instanceof SaveError)) throw e;
    return { ok: false, error: `The saved session cannot be restored: ${e.message}.` };
  }
}
