/**
 * Pure geometry for the parameter-space plot: how a band traced in grid units is placed, the
 * descent arrow, the keyboard step and the thinned optimizer path. No DOM.
 */
import type { WeightRange } from '../core/loss-surface.ts';

/** A screen point in px, `[x, y]`, y pointing down. */
export type Px = [number, number];

/**
 * The SVG transform that places a path in grid units (`bandPath`: vertex (i, j) at (i, j)) on the
 * screen: grid vertex (i, j) of a grid over `w1 × w2` lands where `toPx` puts (w1_i, w2_j). The
 * map is affine, so a range change or a resize moves the contours by this one attribute.
 */
export function gridTransform(
  grid: { w1: readonly [number, number]; w2: readonly [number, number]; size: number },
  toPx: (w1: number, w2: number) => Px,
): string {
  const [x0, y0] = toPx(grid.w1[0], grid.w2[0]);
  const [x1, y1] = toPx(grid.w1[1], grid.w2[1]);
  const k = grid.size - 1;
  return `matrix(${(x1 - x0) / k},0,0,${(y1 - y0) / k},${x0},${y0})`;
}

/**
 * Where the descent arrow ends: `length` px from `from` in the direction −(g1, g2). The plot has
 * equal aspect, so a weight-space direction is a screen direction with y flipped.
 *
 * @returns the tip in px, or null when the gradient is non-finite or its norm ≤ `tiny`
 */
export function arrowEnd(
  from: Px,
  g1: number,
  g2: number,
  length: number,
  tiny = 1e-12,
): Px | null {
  if (!Number.isFinite(g1) || !Number.isFinite(g2)) return null;
  const norm = Math.hypot(g1, g2);
  if (!(norm > tiny) || !Number.isFinite(norm)) return null;
  return [from[0] - (length * g1) / norm, from[1] + (length * g2) / norm];
}

/** An arrowhead (closed triangle) at `tip` pointing away from `tail`, `size` px long. */
export function arrowHead(tail: Px, tip: Px, size = 8): string {
  const a = Math.atan2(tip[1] - tail[1], tip[0] - tail[0]);
  const p = (t: number): string =>
    `${round(tip[0] + size * Math.cos(a + t))},${round(tip[1] + size * Math.sin(a + t))}`;
  return `M${round(tip[0])},${round(tip[1])}L${p(Math.PI - 0.45)}L${p(Math.PI + 0.45)}Z`;
}

/**
 * A weight path on screen: each point mapped by `toPx`, coordinates clamped to ±`limit` px (an
 * exploding run reaches 1e30 and SVG cannot draw that), and points closer than `minPx` to the
 * previous kept point dropped (a long run has thousands of nearly equal weights). A non-finite
 * point becomes a `null` gap; the first and last point of each run are always kept.
 */
export function screenPolyline(
  path: readonly { w1: number; w2: number }[],
  toPx: (w1: number, w2: number) => Px,
  minPx = 0.75,
  limit = 1e5,
): (Px | null)[] {
  const f = newFold();
  for (const p of path) step(f, p, toPx, minPx, limit);
  return finish(f);
}

/** The state of {@link screenPolyline} part way along a path. */
interface Fold {
  out: (Px | null)[];
  /** The last point kept. */
  last: Px | null;
  /** The latest point dropped since then: kept if the run ends there. */
  skipped: Px | null;
}

const newFold = (): Fold => ({ out: [], last: null, skipped: null });

function step(
  f: Fold,
  p: { w1: number; w2: number },
  toPx: (w1: number, w2: number) => Px,
  minPx: number,
  limit: number,
): void {
  if (!Number.isFinite(p.w1) || !Number.isFinite(p.w2)) {
    if (f.skipped) f.out.push(f.skipped);
    if (f.last) f.out.push(null);
    f.last = f.skipped = null;
    return;
  }
  const clamp = (v: number): number => Math.max(-limit, Math.min(limit, v));
  const [x, y] = toPx(p.w1, p.w2);
  const q: Px = [clamp(x), clamp(y)];
  if (f.last && Math.hypot(q[0] - f.last[0], q[1] - f.last[1]) < minPx) {
    f.skipped = q;
    return;
  }
  f.out.push(q);
  f.last = q;
  f.skipped = null;
}

const finish = (f: Fold): (Px | null)[] => (f.skipped ? [...f.out, f.skipped] : f.out);

/**
 * {@link screenPolyline} of a path that grows: every call folds in only the points added since the
 * last one, so a long run's trail costs its new points per frame, not its whole history. The
 * last point of a path may differ from call to call (the live weights after the curve's points).
 * A path that is not the last one grown (another run, time travel) or a new `toPx` (after
 * {@link reset}: a new range or size) starts over.
 */
export class ScreenTrail {
  private fold = newFold();
  private first: object | undefined;
  /** The points folded in (all but the last of the latest path), and the last of them. */
  private n = 0;
  private tip: object | undefined;

  constructor(
    private readonly minPx = 0.75,
    private readonly limit = 1e5,
  ) {}

  /** Forgets the path: the next call maps every point (the screen mapping changed). */
  reset(): void {
    this.fold = newFold();
    this.first = this.tip = undefined;
    this.n = 0;
  }

  /** The screen polyline of `path`, as {@link screenPolyline} gives it. */
  of(
    path: readonly { w1: number; w2: number }[],
    toPx: (w1: number, w2: number) => Px,
  ): (Px | null)[] {
    const settled = Math.max(0, path.length - 1);
    const grown =
      this.n <= settled &&
      (this.n === 0 || (path[0] === this.first && path[this.n - 1] === this.tip));
    if (!grown) this.reset();
    for (let i = this.n; i < settled; i++) step(this.fold, path[i]!, toPx, this.minPx, this.limit);
    this.n = settled;
    this.first = path[0];
    this.tip = settled > 0 ? path[settled - 1] : undefined;
    if (path.length === 0) return [];
    const { last, skipped } = this.fold;
    const end: Fold = { out: [], last, skipped };
    step(end, path[settled]!, toPx, this.minPx, this.limit);
    return [...this.fold.out, ...finish(end)];
  }
}

/**
 * One keyboard step from `w` by `fraction` of the range along `dir` (w2 up). An axis inside the
 * range stays inside it; one already outside (a diverged run) is not pulled back with a jump.
 */
export function keyStep(
  w: { w1: number; w2: number },
  dir: readonly [number, number],
  range: WeightRange,
  fraction: number,
): { w1: number; w2: number } {
  const move = (v: number, d: number, r: readonly [number, number]): number => {
    const next = v + d * fraction * (r[1] - r[0]);
    return v >= r[0] && v <= r[1] ? Math.min(r[1], Math.max(r[0], next)) : next;
  };
  return { w1: move(w.w1, dir[0], range.w1), w2: move(w.w2, dir[1], range.w2) };
}

/**
 * The largest square of a `width × height` box after margins, centred horizontally and
 * vertically: the weight range is square and one unit of w1 must span as many px as one of w2.
 */
export function squareArea(
  width: number,
  height: number,
  m: { top: number; right: number; bottom: number; left: number },
): { x0: number; y0: number; side: number } {
  const iw = Math.max(1, width - m.left - m.right);
  const ih = Math.max(1, height - m.top - m.bottom);
  const side = Math.min(iw, ih);
  return { x0: m.left + (iw - side) / 2, y0: m.top + (ih - side) / 2, side };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
