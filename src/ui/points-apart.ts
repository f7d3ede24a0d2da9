/**
 * Many points are autosaved apart from the session (core/saved-points.ts): under a key of their
 * own, written once per point set, while the session — weights, curve, settings — is written every
 * 2 s while training. A set of 200,000 points is ~3.3 MB of JSON: writing it every 2 s held the
 * page ~95 ms each time (issue #14).
 */
import type { PointSet } from '../core/point-set.ts';
import { pointsApartJson, type PointsApart } from '../core/saved-session.ts';

export const POINTS_KEY = 'logreg-lab/points';
/** The reference of the points under POINTS_KEY: checked before writing them again. */
export const POINTS_REF_KEY = 'logreg-lab/points-ref';
/** From this many points on, the autosave keeps them apart. */
export const APART_MIN = 5_000;

const refs = new WeakMap<PointSet, string>();
let made = 0;

/** The reference of a point set: new for every set (a set never changes). */
function refOf(set: PointSet): string {
  let ref = refs.get(set);
  if (ref === undefined) {
    ref = `${Date.now().toString(36)}.${(made++).toString(36)}`;
    refs.set(set, ref);
  }
  return ref;
}

/** A set restored from points saved apart under `ref`: they need not be written again. */
export function adoptRef(set: PointSet, ref: string): void {
  refs.set(set, ref);
}

/**
 * Saves `set` apart unless the storage holds it already (another tab may have written other
 * points since: the reference says), and returns what the session records of it.
 */
export function savePointsApart(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  set: PointSet,
): PointsApart {
  const ref = refOf(set);
  if (storage.getItem(POINTS_REF_KEY) !== ref) {
    storage.setItem(POINTS_KEY, pointsApartJson(ref, set));
    storage.setItem(POINTS_REF_KEY, ref);
  }
  return { apart: ref, n: set.length };
}

/** Removes points saved apart, if any (the session holds its points, or none are saved). */
export function dropPointsApart(storage: Pick<Storage, 'getItem' | 'removeItem'>): void {
  if (storage.getItem(POINTS_REF_KEY) === null) return;
  storage.removeItem(POINTS_KEY);
  storage.removeItem(POINTS_REF_KEY);
}
