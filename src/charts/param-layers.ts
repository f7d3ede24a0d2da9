/**
 * What the parameter-space plot draws, one function per layer: the filled loss contours, the
 * optimizer's path, the race lanes, and the marks (optimum, descent arrow, current weights).
 * Each function joins its data into a group and is safe to call again with new data.
 */
import { format } from 'd3-format';
import { interpolateGreys } from 'd3-scale-chromatic';
import type { Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { GridSpec } from '../core/loss-surface.ts';
import type { SurfaceBand } from '../core/surface-bands.ts';
import {
  arrowEnd,
  arrowHead,
  gridTransform,
  screenPolyline,
  type Px,
  type ScreenTrail,
} from './param-geometry.ts';
import type { W12 } from './param-interaction.ts';

/** A group to draw into. */
export type G = Selection<SVGGElement, unknown, null, undefined>;
/** Weights → px relative to the host. */
export type ToPx = (w1: number, w2: number) => Px;

/** The filled contours of one surface, in its grid units (`surfaceBands`), lowest level first. */
export interface Bands {
  spec: GridSpec;
  bands: readonly SurfaceBand[];
}

/** One extra path (a learning-rate race lane) and its ink. */
export interface Lane {
  colour: string;
  path: readonly W12[];
}

/** What `drawMarks` shows. */
export interface Marks {
  current: W12 | null;
  gradient: { g1: number; g2: number } | null;
  optimum: W12 | null;
}

/** On-screen length of the descent arrow: its direction matters, its size does not. */
export const ARROW_PX = 40;
/** Length of the arrowhead, px. */
const HEAD_PX = 11;
const fmt = format('.3~g');

/** Band k of n (0 = lowest loss): mid grey at the bottom of the bowl, near white at the rim. */
export function bandColour(k: number, n: number): string {
  return interpolateGreys(0.5 - (0.47 * k) / Math.max(1, n - 1));
}

const finiteW = (w: W12 | null | undefined): w is W12 =>
  !!w && Number.isFinite(w.w1) && Number.isFinite(w.w2);

function lastFinite(path: readonly W12[]): W12 | null {
  for (let k = path.length - 1; k >= 0; k--) if (finiteW(path[k])) return path[k]!;
  return null;
}

const pxLine = line<Px | null>()
  .digits(1)
  .defined((p) => p !== null)
  .x((p) => p?.[0] ?? 0)
  .y((p) => p?.[1] ?? 0);

function polyline(path: readonly W12[], toPx: ToPx): string {
  return pxLine(screenPolyline(path, toPx)) ?? '';
}

/**
 * The filled contours, each band titled with its level (`null`: none). The paths are in grid
 * units and set only when the bands change; `placeBands` puts the group on screen.
 */
export function drawBands(g: G, bands: Bands | null): void {
  const all = bands?.bands ?? [];
  g.selectAll<SVGPathElement, SurfaceBand>('path.param-band')
    .data(all)
    .join((enter) => {
      const p = enter.append('path').attr('class', 'param-band');
      p.append('title');
      return p;
    })
    .attr('fill', (_, k) => bandColour(k, all.length))
    .attr('d', (d) => d.d)
    .select('title')
    .text((d) => `loss J ≥ ${fmt(d.value)} (at b = ${fmt(bands?.spec.b ?? 0)})`);
}

/** Places the bands' group: grid units → px for the current scales (one attribute). */
export function placeBands(g: G, bands: Bands | null, toPx: ToPx): void {
  g.attr('transform', bands ? gridTransform(bands.spec, toPx) : null);
}

/** The optimizer's path with a white halo, and a dot where it starts. */
export function drawTrail(g: G, path: readonly W12[], toPx: ToPx, trail: ScreenTrail): void {
  const d = pxLine(trail.of(path, toPx)) ?? '';
  g.selectAll('path')
    .data(['param-halo', 'param-line'])
    .join('path')
    .attr('class', (c) => c)
    .attr('d', d);
  const start = path.find((p) => finiteW(p));
  g.selectAll<SVGCircleElement, W12>('circle.param-start')
    .data(start ? [start] : [])
    .join((enter) => {
      const c = enter.append('circle').attr('class', 'param-start').attr('r', 3);
      c.append('title').text('start of training');
      return c;
    })
    .attr('cx', (p) => toPx(p.w1, p.w2)[0])
    .attr('cy', (p) => toPx(p.w1, p.w2)[1]);
}

/** The race lanes, each a path in its own ink ending in a dot. */
export function drawLanes(g: G, lanes: readonly Lane[], toPx: ToPx): void {
  const data = lanes.map((l) => {
    const end = lastFinite(l.path);
    return { colour: l.colour, d: polyline(l.path, toPx), end: end ? toPx(end.w1, end.w2) : null };
  });
  const lane = g
    .selectAll<SVGGElement, (typeof data)[number]>('g.param-lane')
    .data(data)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'param-lane');
      e.append('path').attr('class', 'param-halo');
      e.append('path').attr('class', 'param-lane-line');
      e.append('circle').attr('class', 'param-lane-end').attr('r', 3.5);
      return e;
    });
  lane.select('.param-halo').attr('d', (l) => l.d);
  lane
    .select('.param-lane-line')
    .attr('d', (l) => l.d)
    .attr('stroke', (l) => l.colour);
  lane
    .select('.param-lane-end')
    .attr('display', (l) => (l.end ? null : 'none'))
    .attr('fill', (l) => l.colour)
    .attr('cx', (l) => l.end?.[0] ?? 0)
    .attr('cy', (l) => l.end?.[1] ?? 0);
}

/** The optimum "+", the descent arrow and the current-weights marker (on top). */
export function drawMarks(g: G, m: Marks, toPx: ToPx): void {
  const cross = 'M-7,0H7M0,-7V7';
  g.selectAll<SVGGElement, W12>('g.param-optimum')
    .data(finiteW(m.optimum) ? [m.optimum] : [])
    .join((enter) => {
      const e = enter.append('g').attr('class', 'param-optimum');
      e.append('path').attr('class', 'param-halo').attr('d', cross);
      e.append('path').attr('class', 'param-cross').attr('d', cross);
      e.append('title');
      return e;
    })
    .attr('transform', (w) => `translate(${toPx(w.w1, w.w2).join(',')})`)
    .select('title')
    .text((w) => `exact optimum (w1, w2) = (${fmt(w.w1)}, ${fmt(w.w2)})`);
  const from = finiteW(m.current) ? toPx(m.current.w1, m.current.w2) : null;
  drawArrow(g, from, m.gradient);
  g.selectAll<SVGCircleElement, W12>('circle.param-current')
    .data(finiteW(m.current) ? [m.current] : [])
    .join((enter) => {
      const c = enter.append('circle').attr('class', 'param-current').attr('r', 6);
      c.append('title');
      return c;
    })
    .raise()
    .attr('cx', (w) => toPx(w.w1, w.w2)[0])
    .attr('cy', (w) => toPx(w.w1, w.w2)[1])
    .select('title')
    .text((w) => `current weights (w1, w2) = (${fmt(w.w1)}, ${fmt(w.w2)})`);
}

/** The descent direction −∇J as a fixed-length arrow from `from` (none for a ~zero gradient). */
function drawArrow(g: G, from: Px | null, grad: Marks['gradient']): void {
  const tip = from && grad ? arrowEnd(from, grad.g1, grad.g2, ARROW_PX) : null;
  const data = from && tip ? [{ from, tip }] : [];
  const a = g
    .selectAll<SVGGElement, (typeof data)[number]>('g.param-arrow')
    .data(data)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'param-arrow');
      e.append('line').attr('class', 'param-halo');
      e.append('line').attr('class', 'param-arrow-line');
      e.append('path').attr('class', 'param-arrow-head');
      e.append('title').text('−∇J: descent direction (fixed length: only the direction matters)');
      return e;
    });
  // The shaft stops inside the head, so its square end does not poke past the point.
  const base = (d: { from: Px; tip: Px }, k: 0 | 1): number =>
    d.from[k] + (d.tip[k] - d.from[k]) * (1 - (0.7 * HEAD_PX) / ARROW_PX);
  for (const cls of ['.param-halo', '.param-arrow-line'])
    a.select(cls)
      .attr('x1', (d) => d.from[0])
      .attr('y1', (d) => d.from[1])
      .attr('x2', (d) => base(d, 0))
      .attr('y2', (d) => base(d, 1));
  a.select('.param-arrow-head').attr('d', (d) => arrowHead(d.from, d.tip, HEAD_PX));
}
