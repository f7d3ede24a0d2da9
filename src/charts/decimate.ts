/**
 * A line chart's path reduced to what its pixels can show: per pixel column, the first, lowest,
 * highest and last point, in their order (M4; Jugel et al., "M4: A Visualization-Oriented Time
 * Series Data Aggregation", VLDB 2014). The line through them covers the same pixels as the line
 * through every point, and costs what the width in pixels allows — not what the length of the run
 * does: at Max the loss curve gains ~100 report points a second, and drawn whole it had made
 * the page slower every minute (56 fps after 2 s of a long run, 29–40 after 60–90 s).
 */

/** A polyline: x and y in pixels; a non-finite y is a gap, where the line breaks. */
export interface PixelSeries {
  n: number;
  x: (i: number) => number;
  y: (i: number) => number;
}

/** One decimal, as d3's `line().digits(1)` writes it ("12.3", "12", "-0.5"). */
const num = (v: number): string => String(Math.round(v * 10) / 10);

/** The indices M4 keeps, in order; -1 marks a gap. */
export function m4Indices(s: PixelSeries): number[] {
  const out: number[] = [];
  let col = Number.NaN;
  // The open column: its first, lowest, highest and last point (and the y of the extremes).
  let first = -1;
  let lo = -1;
  let hi = -1;
  let last = -1;
  let yLo = 0;
  let yHi = 0;
  const flush = () => {
    if (first < 0) return;
    const keep = [first, lo, hi, last].sort((a, b) => a - b);
    for (let k = 0; k < 4; k++) if (k === 0 || keep[k] !== keep[k - 1]) out.push(keep[k]!);
    first = -1;
  };
  for (let i = 0; i < s.n; i++) {
    const y = s.y(i);
    if (!Number.isFinite(y)) {
      flush();
      if (out.length > 0 && out.at(-1) !== -1) out.push(-1);
      continue;
    }
    const c = Math.floor(s.x(i));
    if (first < 0 || c !== col) {
      flush();
      col = c;
      first = lo = hi = last = i;
      yLo = yHi = y;
      continue;
    }
    if (y < yLo) [lo, yLo] = [i, y];
    if (y > yHi) [hi, yHi] = [i, y];
    last = i;
  }
  flush();
  if (out.at(-1) === -1) out.pop();
  return out;
}

/**
 * The SVG path ("M…L…") through the points M4 keeps, written as d3's `line().digits(1)` writes
 * it (a run of one point is "M…Z", so a round cap can show it); '' when there is none.
 */
export function m4Path(s: PixelSeries): string {
  let d = '';
  let inRun = 0;
  for (const i of [...m4Indices(s), -1]) {
    if (i < 0) {
      if (inRun === 1) d += 'Z';
      inRun = 0;
      continue;
    }
    d += `${inRun === 0 ? 'M' : 'L'}${num(s.x(i))},${num(s.y(i))}`;
    inRun++;
  }
  return d;
}
