/**
 * Numbers as the readouts write them: significant digits, e-notation outside [0.001, 100,000),
 * and the typographic minus (U+2212) — one style for the readouts, the charts and their cards.
 */

/** Typographic minus (U+2212) for every '-' in a formatted number. */
export const minus = (s: string): string => s.replace(/-/g, '−');

/** A signed number with `digits` significant digits (minus as U+2212), or '—' when not finite. */
export function fmtNum(v: number | undefined, digits = 4): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return minus(v.toExponential(digits - 1).replace('e+', 'e'));
  return minus(Number(v.toPrecision(digits)).toString());
}

/** As {@link fmtNum}, without trailing zeros ("1e−6", "2.5e−4", "0.5"): for axis ticks. */
export function fmtTick(v: number, digits = 2): string {
  return fmtNum(v, digits).replace(/\.?0+e/, 'e');
}

/**
 * A learning rate, e.g. 0.01, 3e−5, 1.5: as the slider shows it, and the loss curve's marks (one
 * rate, one spelling).
 */
export function fmtRate(lr: number): string {
  if (lr >= 0.01) return Number(lr.toPrecision(2)).toString();
  return minus(lr.toExponential(1));
}
