import { FEATURE_INFO, featureList, featureSetOfWeights } from '../core/features.ts';
import type { Weights } from '../core/maths.ts';
import { fmtCount } from '../core/count.ts';
/** Number formatting for readouts: compact, fixed-width-ish, and honest about NaN. */

/** Typographic minus (U+2212) for every '-' in a formatted number. */
const minus = (s: string): string => s.replace(/-/g, '−');

/** A signed number with `digits` significant digits (minus as U+2212), or '—' when not finite. */
export function fmtNum(v: number | undefined, digits = 4): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return minus(v.toExponential(digits - 1).replace('e+', 'e'));
  return minus(Number(v.toPrecision(digits)).toString());
}

/** A fraction in [0, 1] as a percentage with one decimal. */
export function fmtPct(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)} %`;
}

/** An integer with thousands separators. */
export function fmtInt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : fmtCount(v);
}

/** A learning rate, e.g. 0.01, 3e-5, 1.5. */
export function fmtRate(lr: number): string {
  if (lr >= 0.01) return Number(lr.toPrecision(2)).toString();
  return minus(lr.toExponential(1));
}

/** "σ(w1·x1 − w2·x2 [+ w12·x1·x2 …] + b)" with signs folded in: never "+ −". */
export function fmtFormula(w: Weights): string {
  const term = (v: number, name: string) =>
    `${v < 0 ? '−' : '+'} ${fmtNum(Math.abs(v))}${name ? `·${name}` : ''}`;
  const quad = featureList(featureSetOfWeights(w))
    .map((f) => ` ${term(w[FEATURE_INFO[f].weight] ?? 0, FEATURE_INFO[f].label)}`)
    .join('');
  return `p(blue) = σ(${fmtNum(w.w1)}·x1 ${term(w.w2, 'x2')}${quad} ${term(w.b, '')})`;
}
