/** Number formatting for readouts: compact, fixed-width-ish, and honest about NaN. */

/** A signed number with `digits` significant digits, or '—' when not finite. */
export function fmtNum(v: number | undefined, digits = 4): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1).replace('e+', 'e');
  return Number(v.toPrecision(digits)).toString();
}

/** A fraction in [0, 1] as a percentage with one decimal. */
export function fmtPct(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)} %`;
}

/** An integer with thousands separators. */
export function fmtInt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : Math.round(v).toLocaleString('en-US');
}

/** A learning rate, e.g. 0.01, 3e-5, 1.5. */
export function fmtRate(lr: number): string {
  if (lr >= 0.01) return Number(lr.toPrecision(2)).toString();
  return lr.toExponential(1).replace('e-', 'e−');
}
