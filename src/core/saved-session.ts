/**
 * The autosaved session (localStorage): settings, points, weights, epoch and the loss curve as
 * JSON. Reading it back trusts nothing: every field is checked (types, finiteness, ranges), and a
 * corrupt, truncated, foreign or newer save is refused with a message rather than half-restored.
 *
 * The settings' shapes and valid ranges come from ./settings.ts (shared with the share link).
 *
 * Points are stored as parallel columns: `{ x1: number[], x2: number[], labels: "0110…",
 * test: "0010…" }`, one character per point in `labels` (class 0 or 1) and `test` (1 = test).
 * The loss curve (optional) is stored as parallel columns too: `{ epoch: [], trainLoss: [],
 * testLoss: [], objective: [], trainAccuracy: [], testAccuracy: [], w1: [], w2: [], b: [] }`,
 * with `null` for a metric that is not finite (NaN: e.g. no test points).
 */
import type { Label, Point } from './dataset.ts';
import { PRESETS, type PresetId } from './datasets.ts';
import type { Weights } from './maths.ts';
import { fromTheta, restrictWeights, weightKeys, type FeatureSet } from './features.ts';
import type { HistoryPoint } from './progress.ts';
import { DEFAULT_VIEWS, VIEW_KEYS, type Views } from './views.ts';
import { MAX_ABS_VALUE, MAX_ROWS } from './csv.ts';
import {
  ENGINE_CHOICES,
  HYPER_KEYS,
  RULES,
  describeRule,
  fitsRule,
  isOneOf,
  readHyperWith,
  type EngineChoice,
  type Hyper,
  type NumberRule,
  SPEED_IDS,
  type Speed,
} from './settings.ts';

/** Where the points come from: a preset with its options, or 'custom' (hand-placed). */
export interface PresetState {
  id: PresetId | 'custom';
  n: number;
  noise: number;
  seed: number;
}

/** Whether `v` is a preset id or 'custom'. */
export function isPresetChoice(v: unknown): v is PresetId | 'custom' {
  return typeof v === 'string' && (v === 'custom' || Object.hasOwn(PRESETS, v));
}

/** The format version this code writes and reads. */
export const SAVE_VERSION = 1;

/** Most loss-curve entries a save holds; a longer history is refused (trim it before saving). */
export const MAX_SAVED_HISTORY = 5000;

/** Most learning-rate marks a save holds (the latest are kept). */
export const MAX_SAVED_MARKS = 1000;

/** A learning-rate change on the loss curve: from `epoch` on, training used `lr`. */
export interface SavedMark {
  epoch: number;
  lr: number;
}

/** A whole session as saved. */
export interface SavedSession {
  version: typeof SAVE_VERSION;
  preset: PresetState;
  hyper: Hyper;
  engine: EngineChoice;
  points: Point[];
  weights: Weights;
  epoch: number;
  /**
   * The loss curve, so that a reload keeps it: epochs strictly increasing, none after `epoch`;
   * finite weights. A metric may be NaN (e.g. the test metrics without test points).
   */
  history?: HistoryPoint[];
  /** The decision threshold (absent in older saves: 0.5). */
  threshold?: number;
  /** The pace of training (absent in older saves: Normal). */
  speed?: Speed;
  /** The optional views shown (absent in older saves: the defaults). */
  views?: Views;
  /** The loss curve's learning-rate marks: epochs in order, none after `epoch`. */
  marks?: SavedMark[];
}

class SaveError extends Error {}

const EPOCH: NumberRule = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
const COORD: NumberRule = { min: -MAX_ABS_VALUE, max: MAX_ABS_VALUE };
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** A metric as saved: `null` when it is not finite (read back as NaN). */
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** A loss as saved: as a metric, but an overflowed loss (+∞, a diverging run) stays "Infinity". */
const loss = (v: number): number | string | null => (v === Infinity ? 'Infinity' : orNull(v));

/** The loss curve as parallel columns (see the module comment). */
function historyColumns(history: readonly HistoryPoint[], features: FeatureSet) {
  const col = (f: (h: HistoryPoint) => number | string | null) => history.map(f);
  return {
    // The quadratic features' weights, one column each for the features that are on.
    ...Object.fromEntries(
      weightKeys(features)
        .slice(2)
        .map((k) => [k, col((h) => h.weights[k] ?? 0)]),
    ),
    epoch: col((h) => h.epoch),
    trainLoss: col((h) => loss(h.trainLoss)),
    testLoss: col((h) => loss(h.testLoss)),
    objective: col((h) => loss(h.objective)),
    trainAccuracy: col((h) => orNull(h.trainAccuracy)),
    testAccuracy: col((h) => orNull(h.testAccuracy)),
    w1: col((h) => h.weights.w1),
    w2: col((h) => h.weights.w2),
    b: col((h) => h.weights.b),
    // The L2 each point was computed with, and whether on the saved points ("1"), on points
    // edited since ("0") or unknown ("."): a restored curve must not claim other data as the
    // saved data.
    l2: col((h) => h.l2 ?? null),
    onData: history
      .map((h) => (h.data === undefined ? '.' : h.data === SAVED_DATA ? '1' : '0'))
      .join(''),
  };
}

/**
 * The data version of the saved points in a saved history: a point with `data` equal to this
 * was computed on them (a restored page numbers its first data 0 too); other values mean "on
 * points since edited".
 */
export const SAVED_DATA = 0;

/**
 * Serialises a session to JSON (only the known fields, points and history as columns).
 * Non-finite weights become `null`, which {@link parseSavedSession} refuses; non-finite history
 * metrics become `null` too, which it reads back as NaN — but an overflowed loss (+∞) is saved as
 * "Infinity" and read back as such.
 */
export function serializeSession(s: SavedSession): string {
  const { preset: p, hyper: h, points } = s;
  return JSON.stringify({
    version: SAVE_VERSION,
    preset: { id: p.id, n: p.n, noise: p.noise, seed: p.seed },
    hyper: Object.fromEntries(HYPER_KEYS.map((k) => [k, h[k]])),
    engine: s.engine,
    points: {
      x1: points.map((q) => q.x1),
      x2: points.map((q) => q.x2),
      labels: points.map((q) => q.label).join(''),
      test: points.map((q) => (q.split === 'test' ? '1' : '0')).join(''),
    },
    weights: restrictWeights(s.weights, h.features),
    epoch: s.epoch,
    history: s.history && historyColumns(s.history, h.features),
    threshold: s.threshold,
    speed: s.speed,
    views: s.views,
    marks: s.marks && { epoch: s.marks.map((m) => m.epoch), lr: s.marks.map((m) => m.lr) },
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

function readHyper(v: unknown): Hyper {
  const o = object(v, 'hyper');
  return readHyperWith(
    (k) => get(o, k),
    (k, spec, value) => {
      const want = 'rule' in spec ? describeRule(spec.rule) : `one of ${spec.choices.join(', ')}`;
      throw new SaveError(`hyper.${k} is ${show(value)}, not ${want}`);
    },
  );
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

const UNIT_INTERVAL: NumberRule = { min: 0, max: 1 };

/**
 * The loss curve, all or nothing: columns of one length (at most {@link MAX_SAVED_HISTORY}),
 * epochs strictly increasing and none after `epoch`, finite weights, and metrics that are finite
 * (accuracies in [0, 1]) or `null` (read as NaN).
 */
function readHistory(v: unknown, epoch: number, features: FeatureSet): HistoryPoint[] {
  const o = object(v, 'history');
  const epochs = get(o, 'epoch');
  if (!Array.isArray(epochs)) throw new SaveError(`history.epoch is ${show(epochs)}, not a list`);
  const n = epochs.length;
  if (n > MAX_SAVED_HISTORY) {
    throw new SaveError(
      `its history holds ${thousands(n)} entries, more than the limit of ${thousands(MAX_SAVED_HISTORY)}`,
    );
  }
  /** Column `key`: `n` values, each checked by `ok` (which `want` describes). */
  const column = (key: string, ok: (x: unknown) => boolean, want: string): unknown[] => {
    const c = get(o, key);
    if (!Array.isArray(c) || c.length !== n) {
      throw new SaveError(`history.${key} is not a list of ${n} values`);
    }
    c.forEach((x: unknown, i) => {
      if (!ok(x)) throw new SaveError(`history.${key}[${i}] is ${show(x)}, not ${want}`);
    });
    return c;
  };
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const metric = (key: string, rule?: NumberRule): number[] => {
    const want = rule ? describeRule(rule) : 'a finite number';
    const ok = (x: unknown) => x === null || (rule ? fitsRule(x, rule) : finite(x));
    return column(key, ok, `${want} or null`).map((x) => (x === null ? NaN : (x as number)));
  };
  /** A loss column: as a metric, or "Infinity" for a loss that overflowed. */
  const lossColumn = (key: string): number[] =>
    column(
      key,
      (x) => x === null || x === 'Infinity' || finite(x),
      'a finite number, "Infinity" or null',
    ).map((x) => (x === null ? NaN : x === 'Infinity' ? Infinity : (x as number)));
  const ep = column('epoch', (x) => fitsRule(x, EPOCH), describeRule(EPOCH)) as number[];
  ep.forEach((e, i) => {
    if (i > 0 && e <= ep[i - 1]!) throw new SaveError('history.epoch is not strictly increasing');
  });
  const last = ep[n - 1];
  if (last !== undefined && last > epoch) {
    throw new SaveError(`history.epoch[${n - 1}] is ${last}, after the saved epoch ${epoch}`);
  }
  const trainLoss = lossColumn('trainLoss');
  const testLoss = lossColumn('testLoss');
  const objective = lossColumn('objective');
  const trainAccuracy = metric('trainAccuracy', UNIT_INTERVAL);
  const testAccuracy = metric('testAccuracy', UNIT_INTERVAL);
  const keys = [...weightKeys(features), 'b' as const];
  const cols = keys.map((k) => column(k, finite, 'a finite number') as number[]);
  const l2 = get(o, 'l2') === undefined ? null : metric('l2', RULES.l2);
  const onData = get(o, 'onData');
  if (
    onData !== undefined &&
    (typeof onData !== 'string' || !new RegExp(`^[01.]{${n}}$`).test(onData))
  )
    throw new SaveError(`history.onData is not ${n} characters 0, 1 or .`);
  return ep.map((e, i) => ({
    ...(l2 && Number.isFinite(l2[i]) ? { l2: l2[i]! } : {}),
    ...(typeof onData === 'string' && onData[i] !== '.'
      ? { data: onData[i] === '1' ? SAVED_DATA : -1 }
      : {}),
    epoch: e,
    weights: fromTheta(
      cols.map((c) => c[i]!),
      features,
    ),
    trainLoss: trainLoss[i]!,
    objective: objective[i]!,
    testLoss: testLoss[i]!,
    trainAccuracy: trainAccuracy[i]!,
    testAccuracy: testAccuracy[i]!,
  }));
}

function readViews(v: unknown): Views {
  const o = object(v, 'views');
  const views: Views = { ...DEFAULT_VIEWS };
  for (const [key] of VIEW_KEYS) {
    const x = get(o, key);
    // A view an older save does not name keeps its default.
    if (x === undefined && key !== 'decisions' && key !== 'pulls') continue;
    if (typeof x !== 'boolean')
      throw new SaveError(`views.${key} is ${show(x)}, not true or false`);
    views[key] = x;
  }
  return views;
}

function readMarks(v: unknown, last: number): SavedMark[] {
  const o = object(v, 'marks');
  const epochs = get(o, 'epoch');
  const rates = get(o, 'lr');
  if (!Array.isArray(epochs) || !Array.isArray(rates) || epochs.length !== rates.length)
    throw new SaveError('marks.epoch and marks.lr are not two lists of the same length');
  if (epochs.length > MAX_SAVED_MARKS)
    throw new SaveError(
      `it holds ${thousands(epochs.length)} learning-rate marks, more than ${thousands(MAX_SAVED_MARKS)}`,
    );
  const lrRule = RULES.lr;
  return epochs.map((epoch: unknown, i) => {
    const lr: unknown = rates[i];
    if (!fitsRule(epoch, { ...EPOCH, max: last }) || (i > 0 && epoch < (epochs[i - 1] as number)))
      throw new SaveError(
        `marks.epoch[${i}] is ${show(epoch)}, not an epoch in order up to ${last}`,
      );
    if (!fitsRule(lr, lrRule))
      throw new SaveError(`marks.lr[${i}] is ${show(lr)}, not ${describeRule(lrRule)}`);
    return { epoch, lr };
  });
}

function readSession(data: unknown): SavedSession {
  const o = object(data, 'the data');
  const version = get(o, 'version');
  if (version !== SAVE_VERSION) {
    const what = version === undefined ? 'it has no version' : `it is version ${show(version)}`;
    throw new SaveError(`${what}; this app reads version ${SAVE_VERSION}`);
  }
  const w = object(get(o, 'weights'), 'weights');
  const session: SavedSession = {
    version: SAVE_VERSION,
    preset: readPreset(get(o, 'preset')),
    hyper: readHyper(get(o, 'hyper')),
    engine: choice(get(o, 'engine'), ENGINE_CHOICES, 'engine'),
    points: readPoints(get(o, 'points')),
    weights: { w1: 0, w2: 0, b: 0 },
    epoch: number(o, 'epoch', EPOCH, ''),
  };
  const features = session.hyper.features;
  session.weights = fromTheta(
    [...weightKeys(features), 'b'].map((k) => weight(w, k)),
    features,
  );
  const history = get(o, 'history');
  if (history !== undefined) session.history = readHistory(history, session.epoch, features);
  if (get(o, 'threshold') !== undefined)
    session.threshold = number(o, 'threshold', { min: 0, max: 1 }, '');
  if (get(o, 'speed') !== undefined) session.speed = choice(get(o, 'speed'), SPEED_IDS, 'speed');
  if (get(o, 'views') !== undefined) session.views = readViews(get(o, 'views'));
  if (get(o, 'marks') !== undefined) session.marks = readMarks(get(o, 'marks'), session.epoch);
  return session;
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
