/**
 * Reading a number a person typed: what was typed is echoed back in every message, a comma is a
 * thousands separator only in groups of three ("200,000"), never a decimal mark ("1,5" is refused
 * with a hint, not read as 15), and a number too large or too small for float64 says so.
 */

import { fmtCount } from './count.ts';

export interface NumberInputRule {
  min: number;
  max: number;
  integer?: boolean;
}

export type NumberInput = { ok: true; value: number } | { ok: false; why: string };

/** "1,000,000", "0.05", "2,147,483,648": the form ranges are written in. */
export function fmtBound(v: number): string {
  // Whole bounds without ICU (see count.ts); fractions, rare and only in messages, with it.
  return Number.isInteger(v)
    ? fmtCount(v)
    : v.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/**
 * Parses `raw` under `rule`. The message (`why`) starts lower-case after the quoted input, so a
 * caller prefixes the field's name: `Points: “abc” is not a number.`
 */
export function parseNumberInput(raw: string, rule: NumberInputRule): NumberInput {
  const text = raw.trim();
  const echo = `“${text}”`;
  const range = (): string =>
    `allowed: ${fmtBound(rule.min)} to ${fmtBound(rule.max)}${rule.integer ? ', whole numbers' : ''}`;
  if (text === '') return { ok: false, why: `type a number (${range()}).` };
  if (DECIMAL_COMMA.test(text) && !GROUPED.test(text))
    return {
      ok: false,
      why: `${echo} uses a comma: write decimals with a dot (${text.replace(',', '.')}).`,
    };
  const plain = GROUPED.test(text) ? text.replaceAll(',', '') : text;
  const v = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain) ? Number(plain) : Number.NaN;
  if (Number.isNaN(v)) return { ok: false, why: `${echo} is not a number (${range()}).` };
  if (!Number.isFinite(v))
    return { ok: false, why: `${echo} is too large for any number here (${range()}).` };
  if (v === 0 && /[1-9]/.test(plain.replace(/e.*$/i, '')))
    return { ok: false, why: `${echo} is too small: it rounds to 0 (${range()}).` };
  if (v < rule.min)
    return { ok: false, why: `${echo} is below ${fmtBound(rule.min)} (${range()}).` };
  if (v > rule.max)
    return { ok: false, why: `${echo} is above ${fmtBound(rule.max)} (${range()}).` };
  if (rule.integer && !Number.isInteger(v))
    return { ok: false, why: `${echo} is not a whole number (${range()}).` };
  return { ok: true, value: v };
}
