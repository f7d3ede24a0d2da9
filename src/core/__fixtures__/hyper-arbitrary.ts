/** A fast-check arbitrary of every valid Hyper, read off the settings schema (tests only). */
import fc from 'fast-check';
import { HYPER_KEYS, HYPER_SCHEMA, type Hyper, type NumberRule, type SettingSpec } from '../settings.ts';

/**
 * Any valid Hyper: each numeric setting from `inRule(its rule)`, each choice from its choices —
 * so a setting added to the schema is covered by every round-trip test at once.
 */
export function hyperArb(inRule: (r: NumberRule) => fc.Arbitrary<number>): fc.Arbitrary<Hyper> {
  const fields = Object.fromEntries(
    HYPER_KEYS.map((k) => {
      const spec: SettingSpec = HYPER_SCHEMA[k];
      return [k, 'rule' in spec ? inRule(spec.rule) : fc.constantFrom(...spec.choices)];
    }),
  );
  return fc.record(fields) as unknown as fc.Arbitrary<Hyper>;
}
