import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label, Point, Split } from './dataset.ts';
import {
  ENGINES,
  INITS,
  OPTIMIZERS,
  RULES,
  SAVE_VERSION,
  parseSavedSession,
  serializeSession,
  type NumberRule,
  type SavedSession,
} from './saved-session.ts';

const SESSION: SavedSession = {
  version: 1,
  preset: { id: 'custom', n: 300, noise: 1, seed: 42 },
  hyper: {
    lr: 0.01,
    l2: 0,
    optimizer: 'sgd',
    momentum: 0.9,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
    batchSize: 0,
    seed: 42,
    epochs: 200_000,
    init: 'zeros',
    reportEvery: 10_000,
  },
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
      'points.x1[2] is 2000000, not a number in [-1000000, 1000000]',
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
      'The saved session cannot be restored: hyper.lr is 0, not a number in [0.00001, 10].',
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
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const sessionArb: fc.Arbitrary<SavedSession> = fc.record({
  version: fc.constant(1 as const),
  preset: fc.record({
    id: fc.constantFrom('tutorial', 'overlap', 'imbalanced', 'outlier', 'xor', 'custom' as const),
    n: inRule(RULES.n),
    noise: inRule(RULES.noise),
    seed: inRule(RULES.seed),
  }),
  hyper: fc.record({
    lr: inRule(RULES.lr),
    l2: inRule(RULES.l2),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    momentum: inRule(RULES.momentum),
    beta1: inRule(RULES.beta1),
    beta2: inRule(RULES.beta2),
    epsilon: inRule(RULES.epsilon),
    batchSize: inRule(RULES.batchSize),
    seed: inRule(RULES.seed),
    epochs: inRule(RULES.epochs),
    init: fc.constantFrom(...INITS),
    reportEvery: inRule(RULES.reportEvery),
  }),
  engine: fc.constantFrom(...ENGINES),
  points: fc.array(
    fc.record({
      x1: coord,
      x2: coord,
      label: fc.constantFrom<Label>(0, 1),
      split: fc.constantFrom<Split>('train', 'test'),
    }) as fc.Arbitrary<Point>,
    { maxLength: 30 },
  ),
  weights: fc.record({ w1: finite, w2: finite, b: finite }),
  epoch: fc.nat(),
});

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
