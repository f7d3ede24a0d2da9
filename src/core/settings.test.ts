import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HYPER,
  ENGINES,
  ENGINE_CHOICES,
  ENGINE_IDS,
  HYPER_KEYS,
  HYPER_SCHEMA,
  describeRule,
  engineSupports,
  fitsRule,
  isOneOf,
  readHyperWith,
  type Hyper,
  type NumberRule,
  type SettingSpec,
} from './settings.ts';

/** Reads DEFAULT_HYPER with field `bad` replaced by `value`; returns the refusal's message. */
function refusal(bad: keyof Hyper, value: unknown): string {
  try {
    readHyperWith(
      (k) => (k === bad ? value : DEFAULT_HYPER[k]),
      (k, spec, v) => {
        const want = 'rule' in spec ? describeRule(spec.rule) : `one of ${spec.choices.join(', ')}`;
        throw new Error(`${k} is ${String(v)}, not ${want}`);
      },
    );
  } catch (e) {
    return (e as Error).message;
  }
  return expect.fail(`${bad} = ${String(value)} was accepted`);
}

/** A value just outside `r` (or, for an integer rule, a fraction inside it). */
function outside(r: NumberRule): number[] {
  const out = [r.min - 1, r.max + 1, NaN, Infinity];
  if (r.openMin) out.push(r.min);
  if (r.openMax) out.push(r.max);
  if (r.integer) out.push(r.min + 0.5);
  return out;
}

describe('settings', () => {
  it('DEFAULT_HYPER passes every rule of HYPER_SCHEMA', () => {
    for (const k of HYPER_KEYS) {
      const spec: SettingSpec = HYPER_SCHEMA[k];
      const v = DEFAULT_HYPER[k];
      if ('rule' in spec) expect(fitsRule(v, spec.rule), k).toBe(true);
      else expect(isOneOf(v, spec.choices), k).toBe(true);
    }
    expect(readHyperWith((k) => DEFAULT_HYPER[k], expect.fail)).toEqual(DEFAULT_HYPER);
  });

  it('HYPER_SCHEMA lists every field of Hyper, each once', () => {
    expect([...HYPER_KEYS].sort()).toEqual(Object.keys(DEFAULT_HYPER).sort());
  });

  it('every HYPER_SCHEMA url key is unique', () => {
    const urls = HYPER_KEYS.map((k) => HYPER_SCHEMA[k].url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const reserved of ['p', 'n', 'noise', 'seed', 'eng', 'pts']) {
      expect(urls).not.toContain(reserved);
    }
  });

  it("readHyperWith refuses each field's out-of-range value naming that field", () => {
    for (const k of HYPER_KEYS) {
      const spec: SettingSpec = HYPER_SCHEMA[k];
      // A choice with an `absent` value reads a missing field as that value (older saves).
      const missing = 'absent' in spec ? [] : [undefined];
      const bad =
        'rule' in spec ? [...outside(spec.rule), '1', undefined] : ['nope', 1, ...missing];
      for (const v of bad) {
        expect(refusal(k, v)).toMatch(new RegExp(`^${k} is `));
      }
    }
    expect(refusal('lr', 0)).toBe('lr is 0, not a number from 0.00001 to 10');
    expect(refusal('optimizer', 'rmsprop')).toBe(
      'optimizer is rmsprop, not one of sgd, momentum, adam',
    );
    expect(refusal('epochs', 1.5)).toBe('epochs is 1.5, not a whole number from 1 to 100,000,000');
    expect(refusal('features', 'x1cube')).toMatch(/^features is x1cube, not one of none, x1sq, /);
  });

  it('a missing features field reads as none: saves and links from before features existed', () => {
    const read = readHyperWith(
      (k) => (k === 'features' ? undefined : DEFAULT_HYPER[k]),
      expect.fail,
    );
    expect(read.features).toBe('none');
  });

  it("engineSupports('fused-webgl', {batchSize: 32}) is false and true for batchSize 0", () => {
    expect(engineSupports('fused-webgl', { batchSize: 32 })).toBe(false);
    expect(engineSupports('fused-webgl', { batchSize: 0 })).toBe(true);
    for (const id of ENGINE_IDS) {
      if (!ENGINES[id].fullBatchOnly) expect(engineSupports(id, { batchSize: 32 }), id).toBe(true);
    }
  });

  it("ENGINE_CHOICES starts with 'auto' and lists each ENGINES id once", () => {
    expect(ENGINE_CHOICES[0]).toBe('auto');
    const rest = ENGINE_CHOICES.slice(1);
    expect(new Set(rest).size).toBe(rest.length);
    expect([...rest].sort()).toEqual(Object.keys(ENGINES).sort());
  });

  it('the defaults are the tutorial recipe: SGD at 0.01, full batch, 200,000 epochs from zeros', () => {
    expect(DEFAULT_HYPER).toEqual({
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
      features: 'none',
      standardize: 'off',
    });
  });
});
