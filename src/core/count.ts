/**
 * Whole numbers with thousands separators ("200,000"), written without the browser's ICU: the
 * first `toLocaleString` in a page or a worker loads locale data, measured at 35–130 ms of the
 * page's start-up here (it ran inside the first render, for the plot's summary).
 */

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** `v` rounded to a whole number, with a comma between groups of three digits, as en-US writes it. */
export function fmtCount(v: number): string {
  const r = Math.round(v);
  if (!Number.isFinite(r)) return String(r);
  // Beyond 1e21 String() switches to exponents; such counts never occur, but stay exact anyway.
  if (Math.abs(r) >= 1e21) return r.toLocaleString('en-US');
  return (r < 0 ? '-' : '') + String(Math.abs(r)).replace(GROUPS, ',');
}
