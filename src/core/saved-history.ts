/**
 * The loss curve and its learning-rate marks in a saved session, as parallel columns (see
 * saved-session.ts), written and read back all or nothing.
 */
import { fmtCount } from './count.ts';
import { fromTheta, weightKeys, type FeatureSet } from './features.ts';
import { EPOCH, get, object, SaveError, show } from './json-read.ts';
import type { HistoryPoint } from './progress.ts';
import { describeRule, fitsRule, RULES, type NumberRule } from './settings.ts';

/** Most loss-curve entries a save holds; a longer history is refused (trim it before saving). */
export const MAX_SAVED_HISTORY = 5000;

/** Most learning-rate marks a save holds (the latest are kept). */
export const MAX_SAVED_MARKS = 1000;

/** A learning-rate change on the loss curve: from `epoch` on, training used `lr`. */
export interface SavedMark {
  epoch: number;
  lr: number;
}

/** A metric as saved: `null` when it is not finite (read back as NaN). */
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** A loss as saved: as a metric, but an overflowed loss (+∞, a diverging run) stays "Infinity". */
const loss = (v: number): number | string | null => (v === Infinity ? 'Infinity' : orNull(v));

/** The loss curve as parallel columns (see the module comment). */
export function historyColumns(history: readonly HistoryPoint[], features: FeatureSet) {
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

const UNIT_INTERVAL: NumberRule = { min: 0, max: 1 };

/**
 * The loss curve, all or nothing: columns of one length (at most {@link MAX_SAVED_HISTORY}),
 * epochs strictly increasing and none after `epoch`, finite weights, and metrics that are finite
 * (accuracies in [0, 1]) or `null` (read as NaN).
 */
export function readHistory(v: unknown, epoch: number, features: FeatureSet): HistoryPoint[] {
  const o = object(v, 'history');
  const epochs = get(o, 'epoch');
  if (!Array.isArray(epochs)) throw new SaveError(`history.epoch is ${show(epochs)}, not a list`);
  const n = epochs.length;
  if (n > MAX_SAVED_HISTORY) {
    throw new SaveError(
      `its history holds ${fmtCount(n)} entries, more than the limit of ${fmtCount(MAX_SAVED_HISTORY)}`,
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

export function readMarks(v: unknown, last: number): SavedMark[] {
  const o = object(v, 'marks');
  const epochs = get(o, 'epoch');
  const rates = get(o, 'lr');
  if (!Array.isArray(epochs) || !Array.isArray(rates) || epochs.length !== rates.length)
    throw new SaveError('marks.epoch and marks.lr are not two lists of the same length');
  if (epochs.length > MAX_SAVED_MARKS)
    throw new SaveError(
      `it holds ${fmtCount(epochs.length)} learning-rate marks, more than ${fmtCount(MAX_SAVED_MARKS)}`,
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
