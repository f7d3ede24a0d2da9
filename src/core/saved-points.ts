/**
 * The points of a saved session: as columns inside the session's JSON (`{ x1: [], x2: [], labels:
 * "0110…", test: "0010…" }`), or — for many points — apart from it, under a key of their own
 * with a reference (`{ apart: ref, n }` in the session, `{ ref, points }` apart), so that the
 * autosave writes them once per data set, not every 2 s while training (issue #14).
 */
import { fmtCount } from './count.ts';
import type { Label, Point } from './dataset.ts';
import { MAX_ABS_VALUE, MAX_ROWS } from './csv.ts';
import { get, object, reviver, SaveError, show } from './json-read.ts';
import { PointSet } from './point-set.ts';
import { describeRule, fitsRule, type NumberRule } from './settings.ts';

const COORD: NumberRule = { min: -MAX_ABS_VALUE, max: MAX_ABS_VALUE };

/** Where a session's points are when they are saved apart. */
export interface PointsApart {
  apart: string;
  n: number;
}

/** A point set's JSON, made once per set: the autosave saves unchanged points every 2 s. */
const pointsCache = new WeakMap<PointSet, string>();

/** The points as saved: coordinates as lists, labels and test flags as strings of 0 and 1. */
export function pointsJson(points: readonly Point[] | PointSet): string {
  if (!(points instanceof PointSet))
    return JSON.stringify({
      x1: points.map((q) => q.x1),
      x2: points.map((q) => q.x2),
      labels: points.map((q) => q.label).join(''),
      test: points.map((q) => (q.split === 'test' ? '1' : '0')).join(''),
    });
  let json = pointsCache.get(points);
  if (json === undefined) {
    const c = points.columns;
    json = JSON.stringify({
      x1: Array.from(c.x1),
      x2: Array.from(c.x2),
      labels: digits(c.label),
      test: digits(c.test),
    });
    pointsCache.set(points, json);
  }
  return json;
}

/** 0/1 flags as a string of the digits 0 and 1. */
function digits(flags: Uint8Array): string {
  let out = '';
  for (let i = 0; i < flags.length; i += 8192)
    out += String.fromCharCode(
      ...Array.from(flags.subarray(i, i + 8192), (f) => 48 + (f === 1 ? 1 : 0)),
    );
  return out;
}

/** The JSON kept apart for a set of points: `ref` ties it to the session that refers to it. */
export function pointsApartJson(ref: string, points: PointSet): string {
  return `{"ref":${JSON.stringify(ref)},"points":${pointsJson(points)}}`;
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

export function readPoints(v: unknown): Point[] {
  const o = object(v, 'points');
  const x1 = get(o, 'x1');
  const n = Array.isArray(x1) ? x1.length : 0;
  if (n > MAX_ROWS) {
    throw new SaveError(
      `it holds ${fmtCount(n)} points, more than the limit of ${fmtCount(MAX_ROWS)}`,
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

/**
 * The points a session refers to (`{ apart: ref, n }`), read from the JSON kept apart (null: none
 * there): it must carry the same ref and hold `n` points.
 */
export function readPointsApart(where: unknown, json: string | null): Point[] {
  const o = object(where, 'points');
  const ref = get(o, 'apart');
  if (typeof ref !== 'string') throw new SaveError(`points.apart is ${show(ref)}, not a reference`);
  if (json === null) throw new SaveError('its points, saved apart, are missing');
  let data: unknown;
  try {
    data = JSON.parse(json, reviver);
  } catch {
    throw new SaveError('its points, saved apart, are not valid JSON (perhaps cut short)');
  }
  const apart = object(data, 'the points saved apart');
  if (get(apart, 'ref') !== ref)
    throw new SaveError(
      'the points saved apart belong to another session (another tab saved since)',
    );
  const points = readPoints(get(apart, 'points'));
  if (points.length !== get(o, 'n'))
    throw new SaveError(
      `points.n is ${show(get(o, 'n'))}, but ${fmtCount(points.length)} points are saved`,
    );
  return points;
}
