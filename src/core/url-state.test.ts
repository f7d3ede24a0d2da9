import fc from 'fast-check';
import { hyperArb } from './__fixtures__/hyper-arbitrary.ts';
import { describe, expect, it } from 'vitest';
import type { Label, Point, Split } from './dataset.ts';
import { DEFAULT_HYPER, ENGINE_CHOICES, RULES, type NumberRule } from './settings.ts';
import { DEFAULT_VIEWS } from './views.ts';
import {
  MAX_URL_POINTS,
  decodeUrlState,
  encodeUrlState,
  roundForUrl,
  THRESHOLD_RULE,
  type UrlState,
} from './url-state.ts';

/** The app's defaults (settings.test.ts checks they are the tutorial's). */
const DEFAULTS: UrlState = {
  preset: { id: 'tutorial', n: 300, noise: 1, seed: 42 },
  hyper: { ...DEFAULT_HYPER },
  engine: 'auto',
  threshold: 0.5,
  views: DEFAULT_VIEWS,
};

function decoded(query: string, defaults = DEFAULTS) {
  const r = decodeUrlState(query, defaults);
  if (!r.ok) expect.fail(`expected ok, got: ${r.error}`);
  return r;
}

function refused(query: string): string {
  const r = decodeUrlState(query, DEFAULTS);
  if (r.ok) expect.fail(`expected an error for ${query}`);
  return r.error;
}

const custom = (points: Point[]): UrlState => ({
  ...DEFAULTS,
  preset: { ...DEFAULTS.preset, id: 'custom' },
  points,
});
const P: Point[] = [
  { x1: 1.5, x2: -2, label: 0, split: 'train' },
  { x1: 0.000123456789, x2: 123456.789, label: 1, split: 'test' },
  { x1: -1e-7, x2: 0, label: 0, split: 'test' },
];

describe('encodeUrlState', () => {
  it('writes every setting as a short query string', () => {
    expect(encodeUrlState(DEFAULTS)).toEqual({
      query:
        'p=tutorial&n=300&noise=1&seed=42&opt=sgd&init=zeros&feat=none&std=off&lr=0.01&l2=0&mom=0.9&b1=0.9&b2=0.999&eps=1e-8&bs=0&hs=42&ep=200000&re=10000&eng=auto&th=0.5&dd=0&gp=0&pl=1&op=1&ps=1',
      pointsOmitted: false,
    });
  });

  it('writes hand-placed points compactly, URL-safe, rounded to 6 significant digits', () => {
    const { query } = encodeUrlState(custom(P));
    const pts = query.split('&pts=')[1] ?? '';
    expect(pts).toMatch(/^3~1\.5_-2r0\.000123457_123457B-1e-7_0R~[0-9a-z]+$/);
    expect(encodeURIComponent(pts)).toBe(pts);
  });

  it('leaves out points of a preset, and more than MAX_URL_POINTS points', () => {
    const preset = encodeUrlState({ ...DEFAULTS, points: P });
    expect(preset.query).not.toContain('pts');
    const many = Array.from({ length: MAX_URL_POINTS + 1 }, (_, i): Point => {
      return { x1: i, x2: 5000 - i, label: (i % 2) as Label, split: 'train' };
    });
    const r = encodeUrlState(custom(many));
    expect(r.pointsOmitted).toBe(true);
    expect(r.query).toMatch(/&pts=omitted$/);
    expect(decoded(r.query)).toMatchObject({
      state: { points: [] },
      warnings: [expect.stringContaining('more than 2000')],
    });
    const max = encodeUrlState(custom(many.slice(0, MAX_URL_POINTS)));
    expect(max.pointsOmitted).toBe(false);
    expect(decoded(max.query).state.points).toEqual(many.slice(0, MAX_URL_POINTS));
  });
});

describe('decodeUrlState', () => {
  it('takes every missing key from the defaults, and ignores unknown keys', () => {
    expect(decoded('')).toEqual({ ok: true, state: DEFAULTS, warnings: [] });
    const r = decoded('?lr=0.5&utm_source=x&foo&&opt=adam&eng=js-f64');
    expect(r.state).toEqual({
      ...DEFAULTS,
      hyper: { ...DEFAULTS.hyper, lr: 0.5, optimizer: 'adam' },
      engine: 'js-f64',
    });
    expect(decoded('#p=xor&n=1000').state.preset).toEqual({
      id: 'xor',
      n: 1000,
      noise: 1,
      seed: 42,
    });
  });

  it('keeps the default points when the link names no preset and the default is custom', () => {
    const r = decoded('lr=1', custom(P));
    expect(r.state.points).toEqual(P);
    expect(r.state.points?.[0]).not.toBe(P[0]);
  });

  it('reads points back at 6 significant digits', () => {
    const r = decoded(encodeUrlState(custom(P)).query);
    expect(r.state.points).toEqual([
      { x1: 1.5, x2: -2, label: 0, split: 'train' },
      { x1: 0.000123457, x2: 123457, label: 1, split: 'test' },
      { x1: -1e-7, x2: 0, label: 0, split: 'test' },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('names the key and the value of a bad setting', () => {
    expect(refused('lr=abc')).toBe(
      'The link\'s Learning rate (lr) is "abc", not a number from 0.00001 to 10.',
    );
    expect(refused('n=1.5')).toBe(
      'The link\'s Points (n) is "1.5", not a whole number from 4 to 1,000,000.',
    );
    expect(refused('noise=0')).toBe(
      'The link\'s Noise (noise) is "0", not a number above 0, up to 5.',
    );
    expect(refused('dd=yes')).toBe(
      'The link\'s Show decisions and doubt (dd) is "yes", not one of 0, 1.',
    );
    expect(refused('th=2')).toBe('The link\'s Threshold (th) is "2", not a number from 0 to 1.');
    expect(refused('re=-1')).toBe(
      'The link\'s Report every (re) is "-1", not a whole number from 0 to 100,000,000.',
    );
    expect(refused('opt=rmsprop')).toBe(
      'The link\'s Optimizer (opt) is "rmsprop", not one of sgd, momentum, adam.',
    );
    expect(refused('p=moons')).toContain(
      'The link\'s Dataset (p) is "moons", not one of tutorial,',
    );
  });

  it.each([
    ['lr', ['0', '11', '1e-6', 'NaN', 'Infinity', '', '0x1', ' 1', '1,5']],
    ['n', ['-1', '1000001', '2.5', 'many']],
    ['noise', ['0', '-1', '5.01']],
    ['seed', ['-1', '1.5', '4294967296']],
    ['opt', ['SGD', 'rmsprop', '']],
    ['bs', ['-1', '2.5', '1000001']],
    ['l2', ['-0.1', '101']],
    ['ep', ['0', '1.5', '100000001']],
    ['init', ['he', '']],
    ['eng', ['webgpu', 'Auto', '__proto__']],
    ['mom', ['1', '-0.1']],
    ['b1', ['1']],
    ['b2', ['1.5']],
    ['eps', ['0', '2']],
    ['hs', ['-1']],
    ['re', ['-1', '0.5']],
    ['p', ['custom2', 'constructor']],
  ])('refuses each bad value of %s, naming the key', (key, values) => {
    for (const v of values) {
      const prefix = key === 'p' ? '' : 'p=tutorial&';
      expect(refused(`${prefix}${key}=${encodeURIComponent(v)}`)).toContain(
        `(${key}) is ${JSON.stringify(v)}, not `,
      );
    }
  });

  it('refuses a repeated key and bad URL escapes', () => {
    expect(refused('lr=0.1&lr=0.2')).toBe('The link gives Learning rate (lr) twice.');
    expect(refused('lr=%E0%A4%A')).toContain('not valid URL encoding');
  });

  it('refuses a truncated or edited points field, never returning part of the points', () => {
    const { query } = encodeUrlState(custom(P));
    const start = query.indexOf('&pts=');
    for (let end = start; end < query.length; end++) {
      const r = decodeUrlState(query.slice(0, end), DEFAULTS);
      expect(r.ok, query.slice(0, end)).toBe(false);
    }
    expect(refused(query.replace('1.5_', '1.6_'))).toContain('checksum');
    expect(refused(query.replace('&pts=3~', '&pts=2~'))).toContain('2');
    expect(refused('p=custom&pts=1~1e7_0r~1t6w1ne')).toContain('damaged');
    expect(refused('p=custom')).toBe("The link's points are missing: it was cut short.");
  });

  it('ignores points given with a preset, with a warning', () => {
    const query = encodeUrlState(custom(P)).query.replace('p=custom', 'p=overlap');
    const r = decoded(query);
    expect(r.state.points).toBeUndefined();
    expect(r.warnings).toEqual(["The link's points were ignored: it names a preset."]);
  });

  it('keeps every view checkbox, and an older link that names none opens with the defaults', () => {
    const views = { decisions: true, pulls: false, lines: false, optimum: false, params: true };
    const { query } = encodeUrlState({ ...DEFAULTS, views });
    expect(query).toContain('dd=1&gp=0&pl=0&op=0&ps=1');
    expect(decoded(query).state.views).toEqual(views);
    const older = query.replace(/&(pl|op|ps)=\d/g, '');
    expect(decoded(older).state.views).toEqual({ ...DEFAULT_VIEWS, decisions: true });
    expect(decodeUrlState(query.replace('op=0', 'op=2'), DEFAULTS)).toMatchObject({ ok: false });
  });

  it('ignores __proto__ and constructor keys and pollutes nothing', () => {
    const r = decoded(
      '__proto__=x&constructor=y&__proto__[polluted]=1&prototype=z&toString=1&lr=0.5',
    );
    expect(r.state.hyper.lr).toBe(0.5);
    expect(Object.keys(r.state)).toEqual(['preset', 'hyper', 'engine', 'threshold', 'views']);
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** Numbers within a rule, with exact bounds often. */
function inRule(r: NumberRule): fc.Arbitrary<number> {
  if (r.integer) return fc.integer({ min: r.min, max: Math.min(r.max, 2 ** 31 - 1) });
  const d = fc.double({
    min: r.min,
    max: r.max,
    minExcluded: r.openMin,
    maxExcluded: r.openMax,
    noNaN: true,
  });
  return d.map((v) => v + 0);
}

const coord = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const pointArb: fc.Arbitrary<Point> = fc.record({
  x1: coord,
  x2: coord,
  label: fc.constantFrom<Label>(0, 1),
  split: fc.constantFrom<Split>('train', 'test'),
});
const stateArb: fc.Arbitrary<UrlState> = fc.record({
  preset: fc.record({
    id: fc.constantFrom('tutorial', 'overlap', 'imbalanced', 'outlier', 'xor', 'custom' as const),
    n: inRule(RULES.n),
    noise: inRule(RULES.noise),
    seed: inRule(RULES.seed),
  }),
  hyper: hyperArb(inRule),
  engine: fc.constantFrom(...ENGINE_CHOICES),
  points: fc.array(pointArb, { maxLength: 30 }),
  threshold: inRule(THRESHOLD_RULE),
  views: fc.record({
    decisions: fc.boolean(),
    pulls: fc.boolean(),
    lines: fc.boolean(),
    optimum: fc.boolean(),
    params: fc.boolean(),
  }),
});

describe('decodeUrlState: properties', () => {
  const RUNS = { numRuns: 2000, seed: 1234 };

  it('round-trips any valid state: settings exactly, points at 6 significant digits', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const r = decoded(encodeUrlState(s).query, DEFAULTS);
        const round = (p: Point): Point => ({
          ...p,
          x1: roundForUrl(p.x1) + 0,
          x2: roundForUrl(p.x2) + 0,
        });
        const { points, ...rest } = s;
        expect(r.state).toEqual(
          rest.preset.id === 'custom' ? { ...rest, points: points?.map(round) } : rest,
        );
        expect(r.warnings).toEqual([]);
      }),
      RUNS,
    );
  });

  it('refuses any one-character change of the points field', () => {
    const safe = fc.constantFrom(...'0123456789.-_~eErbRBxz'.split(''));
    const arb = fc.tuple(
      stateArb,
      fc.array(pointArb, { minLength: 1, maxLength: 20 }),
      fc.nat(),
      safe,
    );
    fc.assert(
      fc.property(arb, ([s, points, at, ch]) => {
        const query = encodeUrlState({ ...s, preset: { ...s.preset, id: 'custom' }, points }).query;
        const start = query.indexOf('&pts=') + 5;
        const i = start + (at % (query.length - start));
        fc.pre(query[i] !== ch);
        const r = decodeUrlState(query.slice(0, i) + ch + query.slice(i + 1), DEFAULTS);
        expect(r.ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary strings or mangled links', () => {
    const key = fc.constantFrom('p', 'n', 'lr', 'opt', 'pts', 'eng', '__proto__', 'ep', '');
    const pair = fc.tuple(key, fc.string({ maxLength: 12 })).map(([k, v]) => `${k}=${v}`);
    const mangled = fc
      .tuple(stateArb, fc.nat(), fc.string({ maxLength: 3 }))
      .map(([s, at, junk]) => {
        const q = encodeUrlState(s).query;
        return q.slice(0, at % (q.length + 1)) + junk + q.slice((at % (q.length + 1)) + 1);
      });
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(pair, { maxLength: 8 }).map((a) => a.join('&')),
      mangled,
    );
    fc.assert(
      fc.property(text, (q) => {
        const r = decodeUrlState(q, DEFAULTS);
        if (r.ok) expect(r.state.preset.id === 'custom').toBe(r.state.points !== undefined);
        else expect(r.error).toMatch(/^The link/);
      }),
      RUNS,
    );
  });
});
