import fc from 'fast-check';
import { hyperArb } from './__fixtures__/hyper-arbitrary.ts';
import { describe, expect, it } from 'vitest';
import type { Label, Point, Split } from './dataset.ts';
import type { HistoryPoint } from './progress.ts';
import { PointSet } from './point-set.ts';
import { DEFAULT_VIEWS } from './views.ts';
import {
  MAX_SAVED_HISTORY,
  MAX_SAVED_MARKS,
  SAVE_VERSION,
  parseSavedSession,
  SAVED_DATA,
  serializeSession,
  type SavedSession,
} from './saved-session.ts';
import { DEFAULT_HYPER, ENGINE_CHOICES, RULES, type NumberRule } from './settings.ts';
import { fromTheta, paramCount, type FeatureSet } from './features.ts';

const SESSION: SavedSession = {
  version: 1,
  preset: { id: 'custom', n: 300, noise: 1, seed: 42 },
  hyper: { ...DEFAULT_HYPER },
  engine: 'js-f64',
  points: [
    { x1: 0.1 + 0.2, x2: -1e-300, label: 0, split: 'train' },
    { x1: 1e6, x2: -1e6, label: 1, split: 'test' },
    { x1: 5e-324, x2: 2, label: 1, split: 'train' },
  ],
  weights: { w1: 1.2345678901234567, w2: -3e200, b: 0 },
  epoch: 123_456,
};

function refused(json: string | null): string {
  const r = parseSavedSession(json);
  if (r.ok) expect.fail('expected the save to be refused');
  return r.error;
}

/** The JSON that serializeSession writes, loosely typed for editing. */
interface Stored {
  [key: string]: unknown;
  preset: Record<string, unknown>;
  hyper: Record<string, unknown>;
  points: { x1: unknown[]; x2: unknown[]; labels: unknown; test: unknown };
  weights: Record<string, unknown>;
  history?: unknown;
}

/** The saved JSON of SESSION, edited. */
function edited(edit: (o: Stored) => unknown): string {
  const o = JSON.parse(serializeSession(SESSION)) as Stored;
  edit(o);
  return JSON.stringify(o);
}

/** Sets a field to a value of any type. */
const set = (o: object, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true });

describe('serializeSession and parseSavedSession', () => {
  it('round-trip a session exactly', () => {
    expect(parseSavedSession(serializeSession(SESSION))).toEqual({ ok: true, session: SESSION });
    expect(SAVE_VERSION).toBe(1);
  });

  it('store points as parallel columns', () => {
    const o = JSON.parse(serializeSession(SESSION)) as { points: unknown };
    expect(o.points).toEqual({
      x1: [0.30000000000000004, 1e6, 5e-324],
      x2: [-1e-300, -1e6, 2],
      labels: '011',
      test: '010',
    });
  });

  it('write only the known fields', () => {
    const extra = { ...SESSION, hyper: { ...SESSION.hyper, secret: 1 }, other: 2 };
    const text = serializeSession(extra as SavedSession);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('other');
  });

  it('refuse a missing, corrupt or truncated save', () => {
    expect(refused(null)).toBe('There is no saved session.');
    expect(refused('')).toContain('not valid JSON');
    expect(refused('{"version":1,')).toContain('not valid JSON');
    const text = serializeSession(SESSION);
    for (let end = 0; end < text.length; end += 7)
      expect(parseSavedSession(text.slice(0, end)).ok).toBe(false);
    expect(refused('[]')).toContain('the data is [], not an object');
    expect(refused('null')).toContain('not an object');
  });

  it('refuse another version', () => {
    expect(refused(edited((o) => (o.version = 2)))).toBe(
      'The saved session cannot be restored: it is version 2; this app reads version 1.',
    );
    expect(refused(edited((o) => delete o.version))).toContain('it has no version; this app');
    expect(refused(edited((o) => (o.version = '1')))).toContain('it is version "1"');
  });

  it('refuse non-finite weights, naming them', () => {
    const nan = serializeSession({ ...SESSION, weights: { w1: NaN, w2: 0, b: 0 } });
    expect(refused(nan)).toBe(
      'The saved session cannot be restored: weights.w1 is null, not a finite number.',
    );
    expect(refused(edited((o) => (o.weights.b = '1')))).toContain('weights.b is "1"');
    expect(refused(edited((o) => set(o, 'weights', 5)))).toContain('weights is 5, not an object');
  });

  it('refuse bad points: labels, splits, lengths, values', () => {
    expect(refused(edited((o) => (o.points.labels = '012')))).toContain(
      'points.labels is not 3 characters 0 or 1',
    );
    expect(refused(edited((o) => (o.points.test = '01')))).toContain('points.test is not 3');
    expect(refused(edited((o) => (o.points.x2 = [1, 2])))).toContain(
      'points.x2 is not a list of 3',
    );
    expect(refused(edited((o) => (o.points.x1[1] = 'a')))).toContain('points.x1[1] is "a", not');
    expect(refused(edited((o) => (o.points.x1[2] = 2e6)))).toContain(
      'points.x1[2] is 2000000, not a number from -1,000,000 to 1,000,000',
    );
    expect(refused(edited((o) => set(o, 'points', [])))).toContain('points is [], not an object');
  });

  it('refuse more than 1,000,000 points with a clear message', () => {
    const n = 1_000_001;
    const col = `[${'0,'.repeat(n - 1)}0]`;
    const json = edited((o) => set(o, 'points', 'PTS')).replace(
      '"PTS"',
      `{"x1":${col},"x2":${col},"labels":"${'0'.repeat(n)}","test":"${'0'.repeat(n)}"}`,
    );
    expect(refused(json)).toBe(
      'The saved session cannot be restored: it holds 1,000,001 points, more than the limit of 1,000,000.',
    );
  });

  it('refuse settings out of range, naming the field', () => {
    expect(refused(edited((o) => (o.hyper.lr = 0)))).toBe(
      'The saved session cannot be restored: hyper.lr is 0, not a number from 0.00001 to 10.',
    );
    expect(refused(edited((o) => (o.hyper.optimizer = 'rmsprop')))).toContain(
      'hyper.optimizer is "rmsprop"',
    );
    expect(refused(edited((o) => (o.preset.id = 'moons')))).toContain('preset.id is "moons"');
    expect(refused(edited((o) => (o.preset.noise = 0)))).toContain('preset.noise is 0');
    expect(refused(edited((o) => (o.engine = 'webgpu')))).toContain('engine is "webgpu"');
    expect(refused(edited((o) => (o.epoch = -1)))).toContain('epoch is -1');
    expect(refused(edited((o) => delete o.hyper.init))).toContain('hyper.init is missing');
  });

  it('neither read nor pollute through __proto__, constructor or prototype keys', () => {
    const json = serializeSession(SESSION)
      .replace('{"version":1', '{"__proto__":{"polluted":1},"constructor":{"x":1},"version":1')
      .replace('"lr":0.01,', '"__proto__":{"lr":0.5},"lr":0.01,');
    const r = parseSavedSession(json);
    expect(r).toEqual({ ok: true, session: SESSION });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const inherited = edited((o) => delete o.hyper.lr).replace(
      '"hyper":{',
      '"hyper":{"__proto__":{"lr":0.5},',
    );
    expect(refused(inherited)).toContain('hyper.lr is missing');
  });
});

/** A loss curve up to SESSION's epoch; the middle entry has no test points (NaN test metrics). */
const HISTORY: HistoryPoint[] = [
  {
    epoch: 0,
    weights: { w1: 0, w2: 0, b: 0 },
    trainLoss: Math.LN2,
    objective: Math.LN2,
    testLoss: Math.LN2,
    trainAccuracy: 0.5,
    testAccuracy: 0.5,
  },
  {
    epoch: 10_000,
    weights: { w1: 0.1 + 0.2, w2: -1e-300, b: 5e-324 },
    trainLoss: 0.25,
    objective: 0.2500000001,
    testLoss: NaN,
    trainAccuracy: 0.9,
    testAccuracy: NaN,
  },
  {
    epoch: 123_456,
    weights: { w1: 1.2345678901234567, w2: -3e200, b: 0 },
    trainLoss: 1e-12,
    objective: 1e-12,
    testLoss: 2,
    trainAccuracy: 1,
    testAccuracy: 0,
  },
];
const WITH_HISTORY: SavedSession = { ...SESSION, history: HISTORY };

/** The saved JSON of WITH_HISTORY, its history's columns edited. */
function editedHistory(edit: (h: Record<string, unknown[]>, o: Stored) => unknown): string {
  const o = JSON.parse(serializeSession(WITH_HISTORY)) as Stored;
  edit(o.history as Record<string, unknown[]>, o);
  return JSON.stringify(o);
}

/** Fills a column of `n` entries with `v`. */
const column = (n: number, v: unknown) => Array.from({ length: n }, () => v);

describe('serializeSession and parseSavedSession: a diverged curve', () => {
  it('keeps an overflowed loss as +Infinity (not NaN) through a save', () => {
    const h = HISTORY.map((p, i) =>
      i === 2 ? { ...p, objective: Infinity, trainLoss: Infinity } : p,
    );
    const s: SavedSession = { ...WITH_HISTORY, history: h };
    const back = parseSavedSession(serializeSession(s));
    expect(back).toEqual({ ok: true, session: s });
    const o = JSON.parse(serializeSession(s)) as { history: Record<string, unknown[]> };
    expect(o.history.objective![2]).toBe('Infinity');
    expect(refused(serializeSession(s).replace('"Infinity"', '"-Infinity"'))).toContain(
      'not a finite number, "Infinity" or null',
    );
  });
});

describe('serializeSession and parseSavedSession: the view settings', () => {
  it('keep the decision threshold and the speed, and refuse bad ones', () => {
    const s: SavedSession = {
      ...SESSION,
      threshold: 0.3,
      speed: 'max',
      views: { decisions: true, pulls: false, lines: false, optimum: true, params: false },
    };
    expect(parseSavedSession(serializeSession(s))).toEqual({ ok: true, session: s });
    const o = JSON.parse(serializeSession(s)) as Record<string, unknown>;
    // A save from before the plot's checkboxes were kept: those views keep their defaults.
    const older = JSON.stringify({ ...o, views: { decisions: true, pulls: true } });
    expect(parseSavedSession(older)).toMatchObject({
      ok: true,
      session: { views: { ...DEFAULT_VIEWS, decisions: true, pulls: true } },
    });
    expect(refused(JSON.stringify({ ...o, views: { decisions: true } }))).toContain(
      'views.pulls is missing, not true or false',
    );
    expect(refused(JSON.stringify({ ...o, views: { ...s.views, params: 'yes' } }))).toContain(
      'views.params is "yes", not true or false',
    );
    expect(refused(JSON.stringify({ ...o, threshold: 1.5 }))).toContain(
      'threshold is 1.5, not a number from 0 to 1',
    );
    expect(refused(JSON.stringify({ ...o, speed: 'warp' }))).toContain('speed is "warp"');
    expect(refused(JSON.stringify({ ...o, views: { decisions: 1, pulls: false } }))).toContain(
      'views.decisions is 1, not true or false',
    );
  });
});

describe('serializeSession: the points as a set', () => {
  it('writes a point set exactly as the same points in a list', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 40 }), (points) => {
        const set = PointSet.of(points);
        const want = serializeSession({ ...SESSION, points });
        expect(serializeSession({ ...SESSION, points: set })).toBe(want);
        expect(serializeSession({ ...SESSION, points: set })).toBe(want); // from the cache
        expect(parseSavedSession(want)).toMatchObject({ ok: true, session: { points } });
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});

describe('serializeSession and parseSavedSession: the learning-rate marks', () => {
  const marks = [
    { epoch: 0, lr: 0.5 },
    { epoch: 100, lr: 1e-5 },
    { epoch: 100, lr: 10 },
    { epoch: SESSION.epoch, lr: 0.01 },
  ];

  it('round-trip exactly, two at one epoch included', () => {
    const s: SavedSession = { ...SESSION, marks };
    expect(parseSavedSession(serializeSession(s))).toEqual({ ok: true, session: s });
  });

  it('refuse marks out of order, after the saved epoch, with a bad rate or too many', () => {
    const o = JSON.parse(serializeSession({ ...SESSION, marks })) as Record<string, unknown>;
    const bad = (m: unknown) => refused(JSON.stringify({ ...o, marks: m }));
    expect(bad({ epoch: [5, 4], lr: [0.1, 0.1] })).toContain('marks.epoch[1] is 4');
    expect(bad({ epoch: [SESSION.epoch + 1], lr: [0.1] })).toContain(
      `not an epoch in order up to ${SESSION.epoch}`,
    );
    expect(bad({ epoch: [1], lr: [0] })).toContain('marks.lr[0] is 0');
    expect(bad({ epoch: [1], lr: ['0.1'] })).toContain('marks.lr[0] is "0.1"');
    expect(bad({ epoch: [1, 2], lr: [0.1] })).toContain('not two lists of the same length');
    const many = Array.from({ length: MAX_SAVED_MARKS + 1 }, () => 1);
    expect(bad({ epoch: many, lr: many })).toContain('1,001 learning-rate marks, more than 1,000');
  });
});

describe('serializeSession and parseSavedSession: the loss curve', () => {
  it('round-trip a session with its history exactly, NaN test metrics included', () => {
    expect(parseSavedSession(serializeSession(WITH_HISTORY))).toEqual({
      ok: true,
      session: WITH_HISTORY,
    });
  });

  it('store the history as parallel columns, null for a non-finite metric', () => {
    const o = JSON.parse(serializeSession(WITH_HISTORY)) as { history: unknown };
    expect(o.history).toEqual({
      epoch: [0, 10_000, 123_456],
      trainLoss: [Math.LN2, 0.25, 1e-12],
      testLoss: [Math.LN2, null, 2],
      objective: [Math.LN2, 0.2500000001, 1e-12],
      trainAccuracy: [0.5, 0.9, 1],
      testAccuracy: [0.5, null, 0],
      w1: [0, 0.30000000000000004, 1.2345678901234567],
      w2: [0, -1e-300, -3e200],
      b: [0, 5e-324, 0],
      l2: [null, null, null],
      onData: '...',
    });
  });

  it('keep which curve points were computed on the saved points, and with which L2', () => {
    const stamped = HISTORY.map((h, i) => ({ ...h, l2: 0.5, data: i === 0 ? -1 : SAVED_DATA }));
    const r = parseSavedSession(serializeSession({ ...SESSION, history: stamped }));
    if (!r.ok) expect.fail(r.error);
    expect(r.session.history).toEqual(stamped);
    const o = JSON.parse(serializeSession({ ...SESSION, history: stamped })) as {
      history: { onData: string };
    };
    expect(o.history.onData).toBe('011');
    o.history.onData = '01x';
    expect(parseSavedSession(JSON.stringify(o))).toEqual({
      ok: false,
      error: 'The saved session cannot be restored: history.onData is not 3 characters 0, 1 or ..',
    });
  });

  it('read an overflowed loss back as +Infinity, and −Infinity or NaN as NaN', () => {
    const first = HISTORY[0]!;
    const odd = { ...first, trainLoss: Infinity, objective: -Infinity, trainAccuracy: NaN };
    const r = parseSavedSession(serializeSession({ ...SESSION, history: [odd] }));
    if (!r.ok) expect.fail(r.error);
    expect(r.session.history).toEqual([
      { ...first, trainLoss: Infinity, objective: NaN, trainAccuracy: NaN },
    ]);
  });

  it('read a save without history, leaving history undefined', () => {
    const text = serializeSession(SESSION);
    expect(text).not.toContain('history');
    const r = parseSavedSession(text);
    if (!r.ok) expect.fail(r.error);
    expect(r.session.history).toBeUndefined();
    expect('history' in r.session).toBe(false);
  });

  it('round-trip an empty history', () => {
    const empty = { ...SESSION, history: [] };
    expect(parseSavedSession(serializeSession(empty))).toEqual({ ok: true, session: empty });
  });

  it('refuse a history that is not an object of columns', () => {
    const notObject = editedHistory((_, o) => set(o, 'history', [1, 2]));
    expect(refused(notObject)).toBe(
      'The saved session cannot be restored: history is [1,2], not an object.',
    );
    expect(refused(editedHistory((_, o) => set(o, 'history', null)))).toContain(
      'history is null, not an object',
    );
    expect(refused(editedHistory((h) => set(h, 'epoch', 'x')))).toBe(
      'The saved session cannot be restored: history.epoch is "x", not a list.',
    );
  });

  it('refuse an epoch that is negative, fractional or not a number, naming it', () => {
    expect(refused(editedHistory((h) => (h.epoch![0] = -1)))).toBe(
      'The saved session cannot be restored: history.epoch[0] is -1, not a whole number from 0 to 9,007,199,254,740,991.',
    );
    expect(refused(editedHistory((h) => (h.epoch![1] = 10.5)))).toContain(
      'history.epoch[1] is 10.5, not a whole number',
    );
    expect(refused(editedHistory((h) => (h.epoch![2] = null)))).toContain(
      'history.epoch[2] is null, not a whole number',
    );
  });

  it('refuse epochs that are not strictly increasing', () => {
    const message =
      'The saved session cannot be restored: history.epoch is not strictly increasing.';
    expect(refused(editedHistory((h) => (h.epoch![1] = 0)))).toBe(message);
    expect(refused(editedHistory((h) => (h.epoch = [10_000, 0, 123_456])))).toBe(message);
  });

  it('refuse an epoch after the saved epoch', () => {
    expect(refused(editedHistory((h) => (h.epoch![2] = 123_457)))).toBe(
      'The saved session cannot be restored: history.epoch[2] is 123457, after the saved epoch 123456.',
    );
    expect(refused(editedHistory((_, o) => (o.epoch = 100)))).toContain(
      'history.epoch[2] is 123456, after the saved epoch 100',
    );
  });

  it('refuse a column that is missing, not a list, or of another length', () => {
    expect(refused(editedHistory((h) => delete h.w2))).toBe(
      'The saved session cannot be restored: history.w2 is not a list of 3 values.',
    );
    expect(refused(editedHistory((h) => set(h, 'testLoss', 1)))).toContain(
      'history.testLoss is not a list of 3 values',
    );
    expect(refused(editedHistory((h) => h.trainAccuracy!.pop()))).toContain(
      'history.trainAccuracy is not a list of 3 values',
    );
    expect(refused(editedHistory((h) => h.b!.push(0)))).toContain(
      'history.b is not a list of 3 values',
    );
  });

  it('refuse non-finite history weights, naming them', () => {
    const history = [HISTORY[0]!, { ...HISTORY[1]!, weights: { w1: 0, w2: NaN, b: 0 } }];
    expect(refused(serializeSession({ ...SESSION, history }))).toBe(
      'The saved session cannot be restored: history.w2[1] is null, not a finite number.',
    );
    expect(refused(editedHistory((h) => (h.w1![0] = '1')))).toContain(
      'history.w1[0] is "1", not a finite number',
    );
  });

  it('refuse a metric that is neither a number in range nor null, naming it', () => {
    expect(refused(editedHistory((h) => (h.trainLoss![2] = 'abc')))).toBe(
      'The saved session cannot be restored: history.trainLoss[2] is "abc", not a finite number, "Infinity" or null.',
    );
    expect(refused(editedHistory((h) => (h.objective![0] = true)))).toContain(
      'history.objective[0] is true, not a finite number, "Infinity" or null',
    );
    expect(refused(editedHistory((h) => (h.testAccuracy![0] = 1.5)))).toBe(
      'The saved session cannot be restored: history.testAccuracy[0] is 1.5, not a number from 0 to 1 or null.',
    );
    expect(refused(editedHistory((h) => (h.trainAccuracy![1] = -0.1)))).toContain(
      'history.trainAccuracy[1] is -0.1, not a number from 0 to 1 or null',
    );
  });

  it(`refuse more than ${MAX_SAVED_HISTORY.toLocaleString('en')} history entries`, () => {
    const n = MAX_SAVED_HISTORY + 1;
    const json = editedHistory((h, o) => {
      o.epoch = n;
      for (const key of Object.keys(h))
        (h as Record<string, unknown>)[key] = key === 'onData' ? '1'.repeat(n) : column(n, 0);
      h.epoch = Array.from({ length: n }, (_, i) => i);
    });
    expect(refused(json)).toBe(
      'The saved session cannot be restored: its history holds 5,001 entries, more than the limit of 5,000.',
    );
    const atLimit = editedHistory((h, o) => {
      o.epoch = n;
      for (const key of Object.keys(h))
        (h as Record<string, unknown>)[key] =
          key === 'onData' ? '1'.repeat(n - 1) : column(n - 1, 0);
      h.epoch = Array.from({ length: n - 1 }, (_, i) => i);
    });
    expect(parseSavedSession(atLimit).ok).toBe(true);
  });
});

function inRule(r: NumberRule): fc.Arbitrary<number> {
  if (r.integer) return fc.integer({ min: r.min, max: Math.min(r.max, 2 ** 31 - 1) });
  return fc.double({
    min: r.min,
    max: r.max,
    minExcluded: r.openMin,
    maxExcluded: r.openMax,
    noNaN: true,
  });
}

const coord = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0);
const pointArb = fc.record({
  x1: coord,
  x2: coord,
  label: fc.constantFrom<Label>(0, 1),
  split: fc.constantFrom<Split>('train', 'test'),
}) as fc.Arbitrary<Point>;
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const sessionArb: fc.Arbitrary<SavedSession> = fc
  .record({
    version: fc.constant(1 as const),
    preset: fc.record({
      id: fc.constantFrom('tutorial', 'overlap', 'imbalanced', 'outlier', 'xor', 'custom' as const),
      n: inRule(RULES.n),
      noise: inRule(RULES.noise),
      seed: inRule(RULES.seed),
    }),
    hyper: hyperArb(inRule),
    engine: fc.constantFrom(...ENGINE_CHOICES),
    points: fc.array(pointArb, { maxLength: 30 }),
    weights: fc.record({ w1: finite, w2: finite, b: finite }),
    epoch: fc.nat(),
  })
  .chain((s) => weightsArb(s.hyper.features).map((weights) => ({ ...s, weights })));

/** Finite weights of a model with these features (its quadratic weights present, others not). */
function weightsArb(features: FeatureSet) {
  return fc
    .array(finite, { minLength: paramCount(features), maxLength: paramCount(features) })
    .map((theta) => fromTheta(theta, features));
}

describe('parseSavedSession: properties', () => {
  const RUNS = { numRuns: 2000, seed: 99 };

  it('round-trips any valid session exactly', () => {
    fc.assert(
      fc.property(sessionArb, (s) => {
        expect(parseSavedSession(serializeSession(s))).toEqual({ ok: true, session: s });
      }),
      RUNS,
    );
  });

  it('never throws on random JSON values or random text, and refuses them', () => {
    const text = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = parseSavedSession(t);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(/^The saved session cannot be restored: /);
      }),
      RUNS,
    );
  });

  it('never throws when one field of a valid save is replaced by any JSON value', () => {
    const arb = fc.tuple(sessionArb, fc.nat(), fc.jsonValue());
    fc.assert(
      fc.property(arb, ([s, pick, value]) => {
        const o = JSON.parse(serializeSession(s)) as Record<string, Record<string, unknown>>;
        const paths = Object.entries(o).flatMap(([k, v]) =>
          typeof v === 'object' ? Object.keys(v).map((f) => [k, f]) : [[k]],
        );
        const [k = '', f] = paths[pick % paths.length] ?? [];
        if (f === undefined) (o as Record<string, unknown>)[k] = value;
        else if (o[k]) o[k][f] = value;
        const r = parseSavedSession(JSON.stringify(o));
        if (r.ok) expect(parseSavedSession(serializeSession(r.session))).toEqual(r);
      }),
      RUNS,
    );
  });
});

const metricArb = fc.oneof(finite, fc.constant(NaN));
const fractionArb = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
  fc.constant(NaN),
);

/** A loss curve with epochs strictly increasing up to `last`; any metric may be NaN. */
function historyArb(last: number, features: FeatureSet): fc.Arbitrary<HistoryPoint[]> {
  const entry: fc.Arbitrary<HistoryPoint> = fc.record({
    epoch: fc.integer({ min: 0, max: last }),
    weights: weightsArb(features),
    trainLoss: metricArb,
    objective: metricArb,
    testLoss: metricArb,
    trainAccuracy: fractionArb,
    testAccuracy: fractionArb,
  });
  return fc
    .uniqueArray(entry, { selector: (h) => h.epoch, maxLength: 40 })
    .map((h) => h.sort((a, b) => a.epoch - b.epoch));
}

const withHistoryArb: fc.Arbitrary<SavedSession> = sessionArb.chain((s) =>
  historyArb(s.epoch, s.hyper.features).map((history) => ({ ...s, history })),
);

describe('parseSavedSession: properties of the loss curve', () => {
  const RUNS = { numRuns: 1000, seed: 7 };

  it('round-trips any valid history exactly, NaN metrics included', () => {
    fc.assert(
      fc.property(withHistoryArb, (s) => {
        const r = parseSavedSession(serializeSession(s));
        expect(r).toEqual({ ok: true, session: s });
        if (r.ok) expect(r.session.history).toHaveLength(s.history?.length ?? -1);
      }),
      RUNS,
    );
  });

  it('never throws when one history entry is replaced by any JSON value', () => {
    const arb = fc.tuple(withHistoryArb, fc.nat(), fc.nat(), fc.jsonValue());
    fc.assert(
      fc.property(arb, ([s, pickColumn, pickEntry, value]) => {
        const o = JSON.parse(serializeSession(s)) as { history: Record<string, unknown[]> };
        const keys = Object.keys(o.history).filter((k) => Array.isArray(o.history[k]));
        const col = o.history[keys[pickColumn % keys.length]!]!;
        if (col.length > 0) col[pickEntry % col.length] = value;
        const r = parseSavedSession(JSON.stringify(o));
        if (r.ok) expect(parseSavedSession(serializeSession(r.session))).toEqual(r);
        else expect(r.error).toMatch(/^The saved session cannot be restored: history\./);
      }),
      RUNS,
    );
  });
});
