/**
 * The whole configuration as a URL query string, so that a share link reproduces the session:
 * the preset (or hand-placed points), every hyper-parameter and the engine. Decoding is strict:
 * a present but bad value refuses the whole link, naming the key and the value.
 *
 * Keys: p (preset id or custom), n, noise, seed (preset); lr, l2, opt (optimizer), mom
 * (momentum), b1, b2, eps (Adam), bs (batch size), hs (shuffle seed), ep (epochs), init, re
 * (report every) (hyper-parameters); eng (engine); pts (points, only with p=custom).
 *
 * Points encoding, `pts=<count>~<body>~<checksum>`: the body is one `<x1>_<x2><c>` per point, where
 * x1 and x2 are rounded to 6 significant digits (shortest decimal, e.g. `-1.5`, `0.000123`,
 * `1.2e-7`) and c is `r` (red, train), `b` (blue, train), `R` (red, test) or `B` (blue, test);
 * the checksum is FNV-1a (32 bit, base 36) of the body. Every character is URL-safe, so the field
 * needs no escaping; the count and checksum refuse a truncated or edited field. `pts=omitted`
 * marks a custom data set too large for a link; `p=custom` without `pts` is a cut-short link.
 */
import type { Label, Point, Split } from './dataset.ts';
import { PRESETS } from './datasets.ts';
import { MAX_ABS_VALUE } from './csv.ts';
import { isPresetChoice, type PresetState } from './saved-session.ts';
import { DEFAULT_VIEWS, VIEW_KEYS, type Views } from './views.ts';
export { DEFAULT_VIEWS, type Views } from './views.ts';
import {
  ENGINE_CHOICES,
  HYPER_KEYS,
  HYPER_SCHEMA,
  RULES,
  describeRule,
  fitsRule,
  isOneOf,
  type EngineChoice,
  type Hyper,
  type NumberRule,
  type SettingSpec,
} from './settings.ts';

/** Everything a share link holds; `points` only when `preset.id` is 'custom'. */
export interface UrlState {
  preset: PresetState;
  hyper: Hyper;
  engine: EngineChoice;
  points?: Point[];
  /** The decision threshold (absent: 0.5). */
  threshold?: number;
  /** The optional views shown (absent: {@link DEFAULT_VIEWS}). */
  views?: Views;
}

const FLAGS = ['0', '1'] as const;

/** The decision threshold's range: a probability. */
export const THRESHOLD_RULE: NumberRule = { min: 0, max: 1 };

/** Most hand-placed points a link holds; {@link encodeUrlState} leaves more out. */
export const MAX_URL_POINTS = 2000;

/** Each hyper-parameter's key in the link and its valid values. */
const HYPER_SPECS = HYPER_KEYS.map((k): [keyof Hyper, SettingSpec] => [k, HYPER_SCHEMA[k]]);
const KNOWN_KEYS = new Set([
  ...'p n noise seed eng pts th'.split(' '),
  ...VIEW_KEYS.map(([, key]) => key),
  ...HYPER_SPECS.map(([, spec]) => spec.url),
]);
const CLASS_CODES = ['r', 'b', 'R', 'B'] as const;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const POINT = /^([^_]+)_(.+)([rbRB])$/;

/** A coordinate as the link writes it: 6 significant digits, shortest form. */
export function roundForUrl(v: number): number {
  return Number(v.toPrecision(6));
}

/** FNV-1a hash of a string, in base 36. */
function checksum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The `pts` field for these points (see the module comment). */
function encodePoints(points: readonly Point[]): string {
  const body = points
    .map((p) => {
      const code = CLASS_CODES[p.label + (p.split === 'test' ? 2 : 0)] ?? 'r';
      const num = (v: number) => String(roundForUrl(v)).replace('e+', 'e');
      return `${num(p.x1)}_${num(p.x2)}${code}`;
    })
    .join('');
  return `${points.length}~${body}~${checksum(body)}`;
}

/**
 * Encodes the state as a query string (no leading "?"), every key always written so that the
 * link does not depend on the defaults of a later version. Points are written only for the
 * custom preset and only up to {@link MAX_URL_POINTS}; beyond that they are left out (`pts=omitted`)
 * and `pointsOmitted` is true (tell the user the link holds the settings only).
 */
export function encodeUrlState(s: UrlState): { query: string; pointsOmitted: boolean } {
  const { preset, hyper } = s;
  const hyperPair = ([k, spec]: [keyof Hyper, SettingSpec]): [string, string | number] => [
    spec.url,
    hyper[k],
  ];
  const pairs: [string, string | number][] = [
    ['p', preset.id],
    ['n', preset.n],
    ['noise', preset.noise],
    ['seed', preset.seed],
    // The choices (opt, init) first, then the numbers, each in schema order.
    ...HYPER_SPECS.filter(([, spec]) => 'choices' in spec).map(hyperPair),
    ...HYPER_SPECS.filter(([, spec]) => 'rule' in spec).map(hyperPair),
    ['eng', s.engine],
    ['th', s.threshold ?? 0.5],
    ...VIEW_KEYS.map(([view, key]): [string, number] => [
      key,
      (s.views ?? DEFAULT_VIEWS)[view] ? 1 : 0,
    ]),
  ];
  const points = preset.id === 'custom' ? (s.points ?? []) : [];
  const pointsOmitted = points.length > MAX_URL_POINTS;
  if (preset.id === 'custom') {
    pairs.push(['pts', pointsOmitted ? 'omitted' : encodePoints(points)]);
  }
  const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
  return { query, pointsOmitted };
}

class LinkError extends Error {}

/** What the page calls each key of a link (messages name the setting, not only its key). */
const KEY_NAMES: Record<string, string> = {
  p: 'Dataset',
  n: 'Points',
  noise: 'Noise',
  seed: 'Seed',
  eng: 'Engine',
  th: 'Threshold',
  dd: 'Show decisions and doubt',
  gp: 'Show gradient pulls',
  ...Object.fromEntries(HYPER_SPECS.map(([, spec]) => [spec.url, spec.name])),
};

/** "Learning rate (lr)": a setting's name and its key in the link. */
const named = (key: string): string => (KEY_NAMES[key] ? `${KEY_NAMES[key]} (${key})` : key);

/** Shows a value for an error message: quoted, escaped, at most 40 characters. */
function show(v: string): string {
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

/** The link's known keys and their decoded values; refuses bad escapes and repeated keys. */
function readParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.replace(/^[?#]/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let key: string, value: string;
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    } catch {
      throw new LinkError(`The link is garbled: ${show(part)} is not valid URL encoding.`);
    }
    if (!KNOWN_KEYS.has(key)) continue;
    if (params.has(key)) throw new LinkError(`The link gives ${named(key)} twice.`);
    params.set(key, value);
  }
  return params;
}

function readNumber(params: Map<string, string>, key: string, rule: NumberRule, dflt: number) {
  const s = params.get(key);
  if (s === undefined) return dflt;
  const v = DECIMAL.test(s) ? Number(s) : NaN;
  if (fitsRule(v, rule)) return v === 0 ? 0 : v;
  throw new LinkError(`The link's ${named(key)} is ${show(s)}, not ${describeRule(rule)}.`);
}

function readChoice<T extends string>(
  params: Map<string, string>,
  key: string,
  isValid: (v: string) => v is T,
  dflt: T,
  choices: readonly string[],
): T {
  const s = params.get(key);
  if (s === undefined) return dflt;
  if (isValid(s)) return s;
  throw new LinkError(`The link's ${named(key)} is ${show(s)}, not one of ${choices.join(', ')}.`);
}

/** Decodes the `pts` field, all or nothing. */
function decodePoints(field: string): Point[] {
  const bad = (why: string) => new LinkError(`The link's points are damaged (${why}).`);
  const m = /^(\d{1,7})~([^~]*)~([0-9a-z]{1,7})$/.exec(field);
  if (m === null) throw bad('not in the form count~points~checksum');
  const [, count = '', body = '', sum = ''] = m;
  if (checksum(body) !== sum) throw bad('the checksum does not match: truncated or edited');
  const items = body === '' ? [] : body.split(/(?<=[rbRB])/);
  if (items.length !== Number(count)) throw bad(`${items.length} points, not ${count}`);
  if (items.length > MAX_URL_POINTS) throw bad(`more than ${MAX_URL_POINTS} points`);
  return items.map((item, i) => {
    const [, a = '', b = '', c = ''] = POINT.exec(item) ?? [];
    const x1 = DECIMAL.test(a) ? Number(a) : NaN;
    const x2 = DECIMAL.test(b) ? Number(b) : NaN;
    if (!(Math.abs(x1) <= MAX_ABS_VALUE && Math.abs(x2) <= MAX_ABS_VALUE)) {
      throw bad(`point ${i + 1} is ${show(item)}`);
    }
    const code = CLASS_CODES.indexOf(c as (typeof CLASS_CODES)[number]);
    const label: Label = code % 2 === 0 ? 0 : 1;
    const split: Split = code >= 2 ? 'test' : 'train';
    return { x1: x1 === 0 ? 0 : x1, x2: x2 === 0 ? 0 : x2, label, split };
  });
}

/** The points of the decoded state: only for the custom preset, all or nothing. */
function readPoints(
  params: Map<string, string>,
  custom: boolean,
  defaults: UrlState,
  warnings: string[],
): Point[] | undefined {
  const pts = params.get('pts');
  if (!custom) {
    if (pts !== undefined) warnings.push("The link's points were ignored: it names a preset.");
    return undefined;
  }
  if (pts === 'omitted') {
    warnings.push(`The link holds no points: there were more than ${MAX_URL_POINTS}.`);
    return [];
  }
  if (pts !== undefined) return decodePoints(pts);
  if (params.has('p')) throw new LinkError("The link's points are missing: it was cut short.");
  return (defaults.points ?? []).map((q) => ({
    x1: q.x1,
    x2: q.x2,
    label: q.label,
    split: q.split,
  }));
}

function readHyper(params: Map<string, string>, d: Hyper): Hyper {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of HYPER_SPECS) {
    out[k] =
      'rule' in spec
        ? readNumber(params, spec.url, spec.rule, d[k] as number)
        : readChoice(
            params,
            spec.url,
            (v): v is string => isOneOf(v, spec.choices),
            d[k] as string,
            spec.choices,
          );
  }
  return out as unknown as Hyper;
}

/**
 * Decodes a query string (a leading "?" or "#" is allowed). Every key is optional (a missing one
 * takes its value from `defaults`), unknown keys are ignored, and a present key must hold a valid
 * value, or the whole link is refused with a message naming the key and the value.
 *
 * @returns The state (with points only for the custom preset) and warnings (points ignored or
 *   omitted), or the first error.
 */
export function decodeUrlState(
  query: string,
  defaults: UrlState,
): { ok: true; state: UrlState; warnings: string[] } | { ok: false; error: string } {
  try {
    const params = readParams(query);
    const d = defaults.preset;
    const preset: PresetState = {
      id: readChoice(params, 'p', isPresetChoice, d.id, [...Object.keys(PRESETS), 'custom']),
      n: readNumber(params, 'n', RULES.n, d.n),
      noise: readNumber(params, 'noise', RULES.noise, d.noise),
      seed: readNumber(params, 'seed', RULES.seed, d.seed),
    };
    const hyper = readHyper(params, defaults.hyper);
    const engine = readChoice(
      params,
      'eng',
      (v) => isOneOf(v, ENGINE_CHOICES),
      defaults.engine,
      ENGINE_CHOICES,
    );
    const threshold = readNumber(params, 'th', THRESHOLD_RULE, defaults.threshold ?? 0.5);
    const flag = (key: string, dflt: boolean) =>
      readChoice(params, key, (v) => isOneOf(v, FLAGS), dflt ? '1' : '0', FLAGS) === '1';
    const dv = defaults.views ?? DEFAULT_VIEWS;
    const views: Views = { ...dv };
    for (const [view, key] of VIEW_KEYS) views[view] = flag(key, dv[view]);
    const warnings: string[] = [];
    const points = readPoints(params, preset.id === 'custom', defaults, warnings);
    const state: UrlState = points
      ? { preset, hyper, engine, points, threshold, views }
      : { preset, hyper, engine, threshold, views };
    return { ok: true, state, warnings };
  } catch (e) {
    if (e instanceof LinkError) return { ok: false, error: e.message };
    throw e;
  }
}
