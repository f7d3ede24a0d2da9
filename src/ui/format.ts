import { FEATURE_INFO, featureList, featureSetOfWeights } from '../core/features.ts';
import type { Weights } from '../core/maths.ts';
import { fmtCount } from '../core/count.ts';
import { fmtNum } from '../core/number-format.ts';

export { fmtNum };
/** Number formatting for readouts: compact, fixed-width-ish, and honest about NaN. */

/** A fraction in [0, 1] as a percentage with one decimal. */
export function fmtPct(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)} %`;
}

/** An integer with thousands separators. */
export function fmtInt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : fmtCount(v);
}

export { fmtRate } from '../core/number-format.ts';

/** "σ(w1·x1 − w2·x2 [+ w12·x1·x2 …] + b)" with signs folded in: never "+ −". */
export function fmtFormula(w: Weights): string {
  const term = (v: number, name: string) =>
    `${v < 0 ? '−' : '+'} ${fmtNum(Math.abs(v))}${name ? `·${name}` : ''}`;
  const quad = featureList(featureSetOfWeights(w))
    .map((f) => ` ${term(w[FEATURE_INFO[f].weight] ?? 0, FEATURE_INFO[f].label)}`)
    .join('');
  return `p(blue) = σ(${fmtNum(w.w1)}·x1 ${term(w.w2, 'x2')}${quad} ${term(w.b, '')})`;
}
