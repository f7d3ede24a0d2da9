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
 * with `null` for a metric that is not finite (NaN: e.g. no test points); its learning-rate marks
 * as `{ epoch: [], lr: [] }` (both in saved-history.ts). The checked getters are json-read.ts's.
 */
import type { Point } from './dataset.ts';
import type { PointSet } from './point-set.ts';
import { PRESETS, type PresetId } from './datasets.ts';
import type { Weights } from './maths.ts';
import { fromTheta, restrictWeights, weightKeys } from './features.ts';
import type { HistoryPoint } from './progress.ts';
import { DEFAULT_VIEWS, VIEW_KEYS, type Views } from './views.ts';
import {
  choice,
  EPOCH,
  get,
  number,
  object,
  reviver,
  SaveError,
  show,
  weight,
} from './json-read.ts';
import { historyColumns, readHistory, readMarks, type SavedMark } from './saved-history.ts';
import { pointsJson, readPoints, readPointsApart, type PointsApart } from './saved-points.ts';
export { pointsApartJson, type PointsApart } from './saved-points.ts';
export { MAX_SAVED_HISTORY, MAX_SAVED_MARKS, SAVED_DATA, type SavedMark } from './saved-history.ts';
import {
  ENGINE_CHOICES,
  HYPER_KEYS,
  RULES,
  describeRule,
  readHyperWith,
  type EngineChoice,
  type Hyper,
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
  /** The reference of the points when they were saved apart (saved-points.ts). */
  pointsApart?: string;
}

/**
 * Serialises a session to JSON (only the known fields, points and history as columns).
 * Non-finite weights become `null`, which {@link parseSavedSession} refuses; non-finite history
 * metrics become `null` too, which it reads back as NaN — but an overflowed loss (+∞) is saved as
 * "Infinity" and read back as such.
 */
export function serializeSession(
  s: Omit<SavedSession, 'points'> & { points: readonly Point[] | PointSet | PointsApart },
): string {
  const { preset: p, hyper: h } = s;
  const json = JSON.stringify({
    version: SAVE_VERSION,
    preset: { id: p.id, n: p.n, noise: p.noise, seed: p.seed },
    hyper: Object.fromEntries(HYPER_KEYS.map((k) => [k, h[k]])),
    engine: s.engine,
    points: POINTS_HERE,
    weights: restrictWeights(s.weights, h.features),
    epoch: s.epoch,
    history: s.history && historyColumns(s.history, h.features),
    threshold: s.threshold,
    speed: s.speed,
    views: s.views,
    marks: s.marks && { epoch: s.marks.map((m) => m.epoch), lr: s.marks.map((m) => m.lr) },
  });
  const points = s.points;
  const part = 'apart' in points ? JSON.stringify({ apart: points.apart, n: points.n }) : null;
  return json.replace(JSON.stringify(POINTS_HERE), () => part ?? pointsJson(points as Point[]));
}

/** Where the points go in a save's JSON (no other field can hold this string). */
const POINTS_HERE = '\u0000points';

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

/** `{ pointsApart: ref }` when the points were saved apart, else nothing. */
function apartRef(v: unknown): Pick<SavedSession, 'pointsApart'> {
  const ref = get(object(v, 'points'), 'apart');
  return typeof ref === 'string' ? { pointsApart: ref } : {};
}

/** The points in the session, or apart from it (`apart` reads those; see saved-points.ts). */
function readSessionPoints(v: unknown, apart: () => string | null): Point[] {
  const o = object(v, 'points');
  return get(o, 'apart') === undefined ? readPoints(o) : readPointsApart(o, apart());
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

function readSession(data: unknown, apart: () => string | null): SavedSession {
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
    points: readSessionPoints(get(o, 'points'), apart),
    ...apartRef(get(o, 'points')),
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
  /** The JSON of points saved apart (saved-points.ts), read only when the session refers to it. */
  apart: () => string | null = () => null,
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
    return { ok: true, session: readSession(data, apart) };
  } catch (e) {
    if (!(e instanceof SaveError)) throw e;
    return { ok: false, error: `The saved session cannot be restored: ${e.message}.` };
  }
}
