/**
 * Reading JSON that nothing vouches for (a saved session): small checked getters that say what is
 * wrong in words, and a reviver that drops keys that could reach a prototype.
 */
import { describeRule, fitsRule, isOneOf, type NumberRule } from './settings.ts';

/** What is wrong with saved data, in words (caught and reported, never shown as a crash). */
export class SaveError extends Error {}

/** An epoch as saved: a whole number from 0. */
export const EPOCH: NumberRule = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };

/** Drops keys that could reach a prototype if the result were ever merged into an object. */
export function reviver(key: string, value: unknown): unknown {
  return key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value;
}

/** A JSON value for a message: at most 40 characters. */
export function show(v: unknown): string {
  const s = v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** An own property of a plain JSON object (never an inherited one). */
export function get(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

export function object(v: unknown, path: string): Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new SaveError(`${path} is ${show(v)}, not an object`);
}

/** A number within `rule`; `path` ("hyper.", "" at the top) names it in messages. */
export function number(
  o: Record<string, unknown>,
  key: string,
  rule: NumberRule,
  path: string,
): number {
  const v = get(o, key);
  if (fitsRule(v, rule)) return v;
  throw new SaveError(`${path}${key} is ${show(v)}, not ${describeRule(rule)}`);
}

export function weight(o: Record<string, unknown>, key: string): number {
  const v = get(o, key);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new SaveError(`weights.${key} is ${show(v)}, not a finite number`);
}

export function choice<T extends string>(v: unknown, choices: readonly T[], path: string): T {
  if (isOneOf(v, choices)) return v;
  throw new SaveError(`${path} is ${show(v)}, not one of ${choices.join(', ')}`);
}
