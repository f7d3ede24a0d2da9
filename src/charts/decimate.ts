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

/**
 * M4 over a series that grows at its end (a run's loss curve): each `extend` folds in only the
 * points added since the last one, so a frame costs its new points, not the whole run.
 */
export class M4Stream {
  /** Indices of the closed columns, in order; -1 marks a gap. */
  private readonly closed: number[] = [];
  private n = 0;
  private col = Number.NaN;
  // The open column: its first, lowest, highest and last point (and the y of the extremes).
  private first = -1;
  private lo = -1;
  private hi = -1;
  private last = -1;
  private yLo = 0;
  private yHi = 0;

  /** Points folded in so far. */
  get count(): number {
    return this.n;
  }

  /** Folds in points `count` … `s.n − 1`; the first `count` must be the ones folded before. */
  extend(s: PixelSeries): void {
    for (let i = this.n; i < s.n; i++) {
      const y = s.y(i);
      if (!Number.isFinite(y)) {
        this.close();
        if (this.closed.length > 0 && this.closed.at(-1) !== -1) this.closed.push(-1);
        continue;
      }
      const c = Math.floor(s.x(i));
      if (this.first < 0 || c !== this.col) {
        this.close();
        this.col = c;
        this.first = this.lo = this.hi = this.last = i;
        this.yLo = this.yHi = y;
        continue;
      }
      if (y < this.yLo) [this.lo, this.yLo] = [i, y];
      if (y > this.yHi) [this.hi, this.yHi] = [i, y];
      this.last = i;
    }
    this.n = Math.max(this.n, s.n);
  }

  /** The indices kept so far, the open column's included, in order; -1 marks a gap. */
  indices(): number[] {
    const out = [...this.closed, ...this.column()];
    if (out.at(-1) === -1) out.pop();
    return out;
  }

  /** The open column's points (first, lowest, highest, last; each once, in order). */
  private column(): number[] {
    if (this.first < 0) return [];
    const keep = [this.first, this.lo, this.hi, this.last].sort((a, b) => a - b);
    return keep.filter((k, i) => i === 0 || k !== keep[i - 1]);
  }

  /** Closes the open column: its points join the kept ones. */
  private close(): void {
    this.closed.push(...this.column());
    this.first = -1;
  }
}

/** The indices M4 keeps, in order; -1 marks a gap. */
export function m4Indices(s: PixelSeries): number[] {
  const m = new M4Stream();
  m.extend(s);
  return m.indices();
}

/**
 * The SVG path ("M…L…") through the points M4 keeps, written as d3's `line().digits(1)` writes
 * it (a run of one point is "M…Z", so a round cap can show it); '' when there is none.
 */
export function m4Path(s: PixelSeries): string {
  return pathThrough(m4Indices(s), s);
}

/** The path through the points at `indices` of `s` (-1: a gap), as {@link m4Path} writes it. */
export function pathThrough(indices: readonly number[], s: Pick<PixelSeries, 'x' | 'y'>): string {
  let d = '';
  let inRun = 0;
  for (const i of [...indices, -1]) {
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
