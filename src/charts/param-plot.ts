/**
 * The "Parameter space" plot: the loss J(w1, w2) at the current b as filled contours, the
 * optimizer's path, the current weights with the descent direction, and the exact optimum.
 * Dragging in it sets (w1, w2). Built once with narrow update methods; React owns the host
 * element and never renders inside it. All drawing is D3 (SVG).
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { checkGridSpec, type GridSpec, type WeightRange } from '../core/loss-surface.ts';
import type { SurfaceBand } from '../core/surface-bands.ts';
import { ScreenTrail, squareArea, type Px } from './param-geometry.ts';
import { ParamInteraction, type W12 } from './param-interaction.ts';
import { drawBands, drawLanes, drawMarks, drawTrail, placeBands } from './param-layers.ts';
import type { Bands, G, Lane, Marks } from './param-layers.ts';

export type { Lane } from './param-layers.ts';
export type { W12 } from './param-interaction.ts';

/** What the plot asks its owner to do; the owner (React) holds the weights. */
export interface ParamPlotHandlers {
  /**
   * The user set (w1, w2) by pointer or keyboard; `commit` is false during a drag, true at its
   * end / on a click / on a key press.
   */
  onSetWeights(w1: number, w2: number, commit: boolean): void;
}

/** A loss grid to draw: its spec and its filled contours in grid units (`surfaceBands`). */
export interface Surface {
  spec: GridSpec;
  bands: readonly SurfaceBand[];
}

const MARGIN = { top: 20, right: 14, bottom: 36, left: 44 };
let clipCount = 0;

/**
 * The chart object. The host should be focusable (role="application", aria-label "Parameter
 * space"): the arrow keys on it move (w1, w2) by 1/50 of the range (Shift: 1/10).
 */
export class ParamPlot {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plot square: the clip rectangle and the white background behind the contours. */
  private readonly boxes: Selection<SVGRectElement, unknown, null, undefined>[];
  private readonly layers: Record<'surface' | 'zero' | 'lanes' | 'path' | 'marks', G>;
  private readonly bandLayer: G;
  private readonly interaction: ParamInteraction;
  private width = 0;
  private height = 0;
  private area = { x0: 0, y0: 0, side: 1 };
  private range: WeightRange = { w1: [-2, 2], w2: [-2, 2] };
  private x = scaleLinear();
  private y = scaleLinear();
  private bands: Bands | null = null;
  private path: readonly W12[] = [];
  /** The path on screen, folded in as it grows (reset when the scales change). */
  private readonly trail = new ScreenTrail();
  private lanes: readonly Lane[] = [];
  private marks: Marks = { current: null, gradient: null, optimum: null };

  constructor(
    private readonly host: HTMLElement,
    handlers: ParamPlotHandlers,
  ) {
    const id = `param-clip-${++clipCount}`;
    this.svg = select(host).append('svg').attr('class', 'param-svg').attr('aria-hidden', 'true');
    this.boxes = [
      this.svg.append('clipPath').attr('id', id).append('rect'),
      this.svg.append('rect').attr('class', 'param-bg'),
    ];
    const layer = (cls: string): G =>
      this.svg.append('g').attr('class', cls).attr('clip-path', `url(#${id})`);
    this.layers = {
      surface: layer('param-surface'),
      zero: layer('param-zero'),
      lanes: layer('param-lanes'),
      path: layer('param-path'),
      marks: layer('param-marks'),
    };
    // The bands sit in a group of their own inside the clipped layer: its transform (grid units →
    // px) must not move the clip rectangle, which is in px.
    this.bandLayer = this.layers.surface.append('g');
    this.svg.append('g').attr('class', 'axis axis-x');
    this.svg.append('g').attr('class', 'axis axis-y');
    this.svg.append('text').attr('class', 'axis-label x').attr('text-anchor', 'end').text('w1');
    this.svg.append('text').attr('class', 'axis-label y').attr('dy', '0.7em').text('w2');
    this.interaction = new ParamInteraction(
      {
        element: this.svg.node()!,
        range: () => this.range,
        weights: () => this.marks.current,
        remember: (w) => (this.marks = { ...this.marks, current: w }),
        toWeights: (cx, cy) => this.toWeights(cx, cy),
        inPlot: (cx, cy, slack) => this.inPlot(cx, cy, slack),
        nearCurrent: (cx, cy, px) => this.nearCurrent(cx, cy, px),
      },
      host,
      (w1, w2, commit) => handlers.onSetWeights(w1, w2, commit),
    );
    this.resize();
  }

  /** Sets the axes: a square range over (w1, w2), drawn with equal aspect. */
  /** The parameters along the axes (w1 and w2 unless the view shows another slice). */
  setAxisNames(x: string, y: string): void {
    this.svg.select('.axis-label.x').text(x);
    this.svg.select('.axis-label.y').text(y);
  }

  setRange(r: WeightRange): void {
    this.range = { w1: [r.w1[0], r.w1[1]], w2: [r.w2[0], r.w2[1]] };
    this.rescale();
  }

  /**
   * Draws J as filled contours (about 14 levels, spaced geometrically above the grid's minimum;
   * low loss darker), traced in the worker in the surface's own grid units and placed by one
   * transform, clipped to the plot; `null` removes them.
   *
   * @throws Error for an invalid spec.
   */
  setSurface(s: Surface | null): void {
    if (s) checkGridSpec(s.spec);
    this.bands = s ? { spec: s.spec, bands: s.bands } : null;
    drawBands(this.bandLayer, this.bands);
    placeBands(this.bandLayer, this.bands, this.toPx);
  }

  /** The weights over training, as a polyline (non-finite points leave a gap; may be long). */
  setPath(path: readonly W12[]): void {
    this.path = path;
    drawTrail(this.layers.path, path, this.toPx, this.trail);
  }

  /**
   * The current weights as a marker, and the descent direction −(g1, g2) as a 40 px arrow from
   * it (none when the gradient is zero or not finite). `null` hides either.
   */
  setCurrent(w: W12 | null, gradient: { g1: number; g2: number } | null): void {
    const current = w ? { w1: w.w1, w2: w.w2 } : null;
    this.marks = { ...this.marks, current, gradient };
    drawMarks(this.layers.marks, this.marks, this.toPx);
  }

  /** The exact optimum's (w1, w2) as a "+", or `null` (no finite optimum). */
  setOptimum(w: W12 | null): void {
    this.marks = { ...this.marks, optimum: w ? { w1: w.w1, w2: w.w2 } : null };
    drawMarks(this.layers.marks, this.marks, this.toPx);
  }

  /** Extra paths, one per lane of a learning-rate race, each in its own ink (may be empty). */
  setLanes(lanes: readonly Lane[]): void {
    this.lanes = lanes;
    drawLanes(this.layers.lanes, lanes, this.toPx);
  }

  /** Weights under a client-space position (a PointerEvent's clientX, clientY); unclamped. */
  toWeights(px: number, py: number): W12 {
    const r = this.svg.node()!.getBoundingClientRect();
    return { w1: this.x.invert(px - r.left), w2: this.y.invert(py - r.top) };
  }

  /** Whether a client-space position lies within `px` of the current weights' marker. */
  private nearCurrent(cx: number, cy: number, px: number): boolean {
    const w = this.marks.current;
    if (!w) return false;
    const r = this.svg.node()!.getBoundingClientRect();
    const [x, y] = this.toPixels(w.w1, w.w2);
    return Math.hypot(cx - r.left - x, cy - r.top - y) <= px;
  }

  /** Pixel position of (w1, w2) relative to the host's top-left corner. */
  toPixels(w1: number, w2: number): Px {
    return [this.x(w1), this.y(w2)];
  }

  /** Re-measures the host and redraws everything. Call on container resize. */
  resize(): void {
    const rect = this.host.getBoundingClientRect();
    this.width = Math.max(120, Math.round(rect.width));
    this.height = Math.max(120, Math.round(rect.height));
    this.svg.attr('width', this.width).attr('height', this.height);
    this.rescale();
  }

  /** Detaches the listeners and removes everything the plot added to the host. */
  destroy(): void {
    this.interaction.destroy();
    this.svg.remove();
  }

  private readonly toPx = (w1: number, w2: number): Px => [this.x(w1), this.y(w2)];

  private inPlot(clientX: number, clientY: number, slack: number): boolean {
    const r = this.svg.node()!.getBoundingClientRect();
    const { x0, y0, side } = this.area;
    const [px, py] = [clientX - r.left, clientY - r.top];
    const within = (v: number, lo: number): boolean => v >= lo - slack && v <= lo + side + slack;
    return within(px, x0) && within(py, y0);
  }

  private rescale(): void {
    const a = (this.area = squareArea(this.width, this.height, MARGIN));
    this.x = scaleLinear(this.range.w1, [a.x0, a.x0 + a.side]);
    this.y = scaleLinear(this.range.w2, [a.y0 + a.side, a.y0]);
    for (const box of this.boxes)
      box.attr('x', a.x0).attr('y', a.y0).attr('width', a.side).attr('height', a.side);
    const ticks = Math.max(2, Math.floor(a.side / 60));
    this.svg
      .select<SVGGElement>('.axis-x')
      .attr('transform', `translate(0,${a.y0 + a.side})`)
      .call(axisBottom(this.x).ticks(ticks));
    this.svg
      .select<SVGGElement>('.axis-y')
      .attr('transform', `translate(${a.x0},0)`)
      .call(axisLeft(this.y).ticks(ticks));
    this.svg
      .select('.axis-label.x')
      .attr('x', a.x0 + a.side)
      .attr('y', this.height - 4);
    this.svg
      .select('.axis-label.y')
      .attr('x', Math.max(4, a.x0 - MARGIN.left + 4))
      .attr('y', 4);
    this.drawZeroLines();
    placeBands(this.bandLayer, this.bands, this.toPx);
    drawLanes(this.layers.lanes, this.lanes, this.toPx);
    this.trail.reset();
    drawTrail(this.layers.path, this.path, this.toPx, this.trail);
    drawMarks(this.layers.marks, this.marks, this.toPx);
  }

  /** Faint reference lines through w1 = 0 and w2 = 0, where training starts. */
  private drawZeroLines(): void {
    const { x0, y0, side } = this.area;
    const [zx, zy] = this.toPx(0, 0);
    this.layers.zero
      .selectAll('line')
      .data([
        [zx, y0, zx, y0 + side],
        [x0, zy, x0 + side, zy],
      ])
      .join('line')
      .attr('x1', (d) => d[0]!)
      .attr('y1', (d) => d[1]!)
      .attr('x2', (d) => d[2]!)
      .attr('y2', (d) => d[3]!);
  }
}
