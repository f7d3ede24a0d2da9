/**
 * The "Data plot": probability field, decision boundary, weight vector and the red/blue points.
 * Built once with narrow update methods; React owns the host element and the lifecycle and never
 * renders inside it. All drawing is D3 (SVG) plus one canvas for the field.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { symbol } from 'd3-shape';
import type { Gradient, Weights } from '../core/maths.ts';
import { PointSet, type IdPoint } from '../core/point-set.ts';
import { dataExtent, equalAspectBox, invisibleChange, type Box } from './geometry.ts';
import { paintField, paintMarks, PIXEL_MARKS_MIN, writeMarkPixels } from './plot-canvas.ts';
import { drawGhost, drawLaneLines, drawModelLines, drawTip, type LaneLine } from './plot-model.ts';
import { CLASS_COLOURS, CLASS_SYMBOLS, fieldLut } from './palette.ts';
import { drawBand, drawPulls, drawPullSum, type PullMark } from './plot-doubt.ts';
import type { Uncertainty } from '../core/uncertainty.ts';

/** A point as the plot draws it: `id` is stable across edits so D3 can key its marks. */
export type PlotPoint = IdPoint;

/** The classify marker: where, and the words beside it. */
export interface Probe {
  x1: number;
  x2: number;
  text: string;
}

/** What the overlay shows. */
export interface Overlay {
  probe: Probe | null;
  /** The keyboard crosshair, in data coordinates. */
  cursor: [number, number] | null;
  focusedId: number | null;
  /** The readout of the point under the pointer or the crosshair, drawn beside it. */
  tip?: { x1: number; x2: number; lines: readonly string[] } | null;
  /** A point being dragged on big data, drawn where it is going (the data move on release). */
  dragging?: PlotPoint | null;
}

/** Which split the plot shows: the tutorial draws train and test separately. */
export type SplitFilter = 'both' | 'train' | 'test';

const MARGIN = { top: 12, right: 14, bottom: 40, left: 50 };
const SYMBOL_AREA = 52;
/** Above this many visible points, marks go on a canvas instead of one SVG node each. */
export const SVG_MARKS_MAX = 2_000;
/** Canvas marks written per frame (~5 ms here). */
const MARKS_PER_SLICE = 25_000;
const nextFrame = (fn: () => void) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : setTimeout(fn, 16);
/** Whether box `a` lies inside box `b`. */
const within = (a: Box, b: Box) => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
const sameBox = (a: Box | null, b: Box | null) =>
  !!a && !!b && a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1;

export class DataPlot {
  private readonly host: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  /** Marks are drawn here instead of as SVG when there are more than SVG_MARKS_MAX of them. */
  private readonly marks: HTMLCanvasElement;
  private version = 0;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly gField: Selection<SVGGElement, unknown, null, undefined>;
  private readonly gPoints: Selection<SVGGElement, unknown, null, undefined>;
  private readonly gOverlay: Selection<SVGGElement, unknown, null, undefined>;
  private readonly gGhost: Selection<SVGGElement, unknown, null, undefined>;
  private readonly gBand: Selection<SVGGElement, unknown, null, undefined>;
  private readonly gPulls: Selection<SVGGElement, unknown, null, undefined>;
  private pulls: readonly PullMark[] = [];
  private band: { u: Uncertainty; w: Weights } | null = null;
  private ghost: Weights | null = null;
  private margin: Weights | null = null;
  private lanes: readonly LaneLine[] = [];
  private readonly gLanes: Selection<SVGGElement, unknown, null, undefined>;
  private readonly lut = fieldLut();
  private width = 0;
  private height = 0;
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();
  private points: PointSet = PointSet.EMPTY;
  private filter: SplitFilter = 'both';
  private model: Weights | null = null;
  private showContours = true;
  private image: ImageData | null = null;

  constructor(host: HTMLElement) {
    this.host = host;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'field';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.marks = document.createElement('canvas');
    this.marks.className = 'marks';
    this.marks.setAttribute('aria-hidden', 'true');
    host.append(this.canvas, this.marks);
    this.svg = select(host).append('svg').attr('class', 'plot-svg').attr('aria-hidden', 'true');
    this.svg.append('g').attr('class', 'axis axis-x');
    this.svg.append('g').attr('class', 'axis axis-y');
    this.svg.append('text').attr('class', 'axis-title axis-title-x').text('x1');
    this.svg
      .append('text')
      .attr('class', 'axis-title axis-title-y')
      .attr('text-anchor', 'middle')
      .text('x2');
    this.gBand = this.svg.append('g').attr('class', 'band-layer');
    this.gGhost = this.svg.append('g').attr('class', 'optimum');
    this.gLanes = this.svg.append('g').attr('class', 'race-lanes');
    this.gField = this.svg.append('g').attr('class', 'model');
    this.gPulls = this.svg.append('g').attr('class', 'pulls');
    this.gPoints = this.svg.append('g').attr('class', 'points');
    this.gOverlay = this.svg.append('g').attr('class', 'overlay');
    this.resize();
  }

  /** Re-measures the host and redraws everything. Call on container resize. */
  resize(): void {
    const rect = this.host.getBoundingClientRect();
    this.width = Math.max(120, Math.round(rect.width));
    this.height = Math.max(120, Math.round(rect.height));
    this.svg.attr('width', this.width).attr('height', this.height);
    this.rescale();
  }

  /**
   * Replaces the points. The axes re-fit to the data only when `refit` (new data was loaded) or a
   * point lies outside the view: while a person adds and drags points the plot must not move.
   * New data with the bounding box the axes were fitted to (the recipe reloading its preset) keep
   * the view as it is, resized or not: the same answer, without redrawing every layer.
   */
  setPoints(points: PointSet, filter: SplitFilter = this.filter, refit = false): void {
    this.points = points;
    this.extent = points.split.extent;
    this.filter = filter;
    const b = this.fitted;
    const e = this.extent;
    const again = refit && sameBox(e, this.fittedFrom);
    if ((refit && !again) || !b || (e && !within(e, b))) this.fitted = null;
    this.rescale(true);
  }

  /** The points' bounding box the axes were last fitted to. */
  private fittedFrom: Box | null = null;

  /** The points' bounding box (null: no points). */
  private extent: Box | null = null;

  /** The box, size and pixel ratio the scales and canvases were last laid out for. */
  private layout = '';

  /** The data box the axes were last fitted to (kept while the user edits points). */
  private fitted: Box | null = null;

  /** Sets the model whose field, boundary and normal are drawn; `null` hides them. */
  setModel(model: Weights | null): void {
    const same =
      this.drawn &&
      model &&
      this.model &&
      invisibleChange(this.drawn, model, this.box(), this.pxPerUnit());
    this.model = model;
    if (!same) this.drawModel();
  }

  /** The model as last drawn; later models that would look the same are not redrawn. */
  private drawn: Weights | null = null;

  private pxPerUnit(): number {
    const [d0, d1] = this.x.domain() as [number, number];
    return Math.abs(this.x(d1) - this.x(d0)) / Math.abs(d1 - d0);
  }

  /** The exact optimum's boundary, drawn faintly behind the model's; `null` hides it. */
  setGhost(ghost: Weights | null): void {
    this.ghost = ghost;
    drawGhost(this.gGhost, ghost, this.box(), this.x, this.y);
  }

  /** The maximum-margin line of separable data, dotted; `null` hides it. */
  setMaxMargin(w: Weights | null): void {
    this.margin = w;
    drawGhost(this.gGhost, w, this.box(), this.x, this.y, 'max-margin');
  }

  /** The learning-rate race's boundaries, one per lane in its colour; `[]` hides them. */
  setLanes(lanes: readonly LaneLine[]): void {
    this.lanes = lanes;
    drawLaneLines(this.gLanes, lanes, this.box(), this.x, this.y);
  }

  private threshold: number | null = null;

  /** Halos for the gradient pulls of the training points (`[]`: none). */
  setPulls(pulls: readonly PullMark[], sum: Gradient | null = null): void {
    this.pulls = pulls;
    this.pullSum = sum;
    drawPulls(this.gPulls, pulls, this.x, this.y);
    drawPullSum(this.gPulls, this.model, sum, this.box(), this.x, this.y);
  }

  private pullSum: Gradient | null = null;

  /** The 95 % band of plausible boundaries at the exact fit (null: none). */
  setBand(band: { u: Uncertainty; w: Weights } | null): void {
    this.band = band;
    drawBand(this.gBand, band, this.box(), this.x, this.y);
  }

  /** Draws the decision threshold's line p = t (null: none). */
  setThreshold(t: number | null): void {
    this.threshold = t;
    this.drawModel();
  }

  /** Shows or hides the p = 0.25 and p = 0.75 contour lines. */
  setContours(show: boolean): void {
    this.showContours = show;
    this.drawModel();
  }

  /** The SVG element (for pointer events). */
  get element(): SVGSVGElement {
    return this.svg.node()!;
  }

  /** The points currently drawn (after the split filter). */
  get visiblePoints(): PointSet {
    return this.filter === 'both' ? this.points : this.points.ofSplit(this.filter);
  }

  /** Bumped whenever points or scales change (hit-testing caches on it). */
  get layoutVersion(): number {
    return this.version;
  }

  /** The visible data box. */
  get dataBox(): Box {
    return this.box();
  }

  /**
   * Draws the overlay: the classify marker with its reading, the keyboard crosshair, and a ring
   * around the point that has keyboard focus. Text goes in with `.text()`, never as HTML.
   */
  setOverlay(o: Overlay): void {
    const probe = o.probe ? [o.probe] : [];
    const g = this.gOverlay
      .selectAll<SVGGElement, Probe>('g.probe')
      .data(probe)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'probe');
        e.append('path').attr('class', 'probe-mark').attr('d', 'M-8,0H8M0,-8V8');
        e.append('circle').attr('class', 'probe-ring').attr('r', 7);
        e.append('text').attr('class', 'probe-label halo').attr('x', 10).attr('y', -8);
        e.append('text').attr('class', 'probe-label').attr('x', 10).attr('y', -8);
        return e;
      })
      .attr('transform', (d) => `translate(${this.x(d.x1)},${this.y(d.x2)})`);
    // selectAll does not pass the new datum down to children: set the text from the probe itself.
    // Near the right edge the words go to the left of the marker, so they stay on the plot.
    const flip = !!o.probe && this.x(o.probe.x1) > this.width - 190;
    g.selectAll('text')
      .attr('x', flip ? -10 : 10)
      .attr('text-anchor', flip ? 'end' : 'start')
      .text(o.probe?.text ?? '');
    this.gOverlay
      .selectAll('circle.cursor')
      .data(o.cursor ? [o.cursor] : [])
      .join('circle')
      .attr('class', 'cursor')
      .attr('r', 10)
      .attr('cx', (d) => this.x(d[0]))
      .attr('cy', (d) => this.y(d[1]));
    const focused = this.points.byId(o.focusedId);
    this.gOverlay
      .selectAll('circle.focus-ring')
      .data(focused ? [focused] : [])
      .join('circle')
      .attr('class', 'focus-ring')
      .attr('r', 9)
      .attr('cx', (d) => this.x(d.x1))
      .attr('cy', (d) => this.y(d.x2));
    const shape = (d: PlotPoint) => symbol(CLASS_SYMBOLS[d.label], SYMBOL_AREA)()!;
    this.gOverlay
      .selectAll<SVGPathElement, PlotPoint>('path.drag-preview')
      .data(o.dragging ? [o.dragging] : [])
      .join('path')
      .attr('class', (d) => `drag-preview point ${d.label === 0 ? 'red' : 'blue'} ${d.split}`)
      .attr('d', shape)
      .attr('transform', (d) => `translate(${this.x(d.x1)},${this.y(d.x2)})`)
      .attr('fill', (d) => (d.split === 'train' ? CLASS_COLOURS[d.label] : '#ffffff'))
      .attr('stroke', (d) => CLASS_COLOURS[d.label]);
    drawTip(this.gOverlay, o.tip ?? null, this.x, this.y, this.width);
  }

  /** Data coordinates under a client-space position (for clicks and drags). */
  toData(clientX: number, clientY: number): [number, number] {
    const r = this.svg.node()!.getBoundingClientRect();
    return [this.x.invert(clientX - r.left), this.y.invert(clientY - r.top)];
  }

  /** The plot's size in pixels. */
  get size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** Pixel position (relative to the host) of a data point. */
  toPixels(x1: number, x2: number): [number, number] {
    return [this.x(x1), this.y(x2)];
  }

  /** Removes everything the plot added to the host. */
  destroy(): void {
    this.svg.remove();
    this.canvas.remove();
  }

  private box(): Box {
    const [x0, x1] = this.x.domain() as [number, number];
    const [y0, y1] = this.y.domain() as [number, number];
    return { x0, x1, y0, y1 };
  }

  /**
   * Fits the scales to the box and the size, and redraws every layer — or, when neither changed
   * (new data in the same view: the recipe reloading its preset), only the points (`points`).
   */
  private rescale(points = false): void {
    const iw = this.width - MARGIN.left - MARGIN.right;
    const ih = this.height - MARGIN.top - MARGIN.bottom;
    const box = equalAspectBox(
      this.fitted ?? this.extent ?? dataExtent([]),
      iw,
      ih,
      this.fitted ? 0 : 0.08,
    );
    if (!this.fitted) {
      this.fitted = box;
      this.fittedFrom = this.extent;
    }
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    const layout = [box.x0, box.x1, box.y0, box.y1, this.width, this.height, dpr].join(' ');
    if (layout === this.layout) {
      if (points) this.drawPoints();
      return;
    }
    this.layout = layout;
    this.x = scaleLinear([box.x0, box.x1], [MARGIN.left, MARGIN.left + iw]);
    this.y = scaleLinear([box.y0, box.y1], [MARGIN.top + ih, MARGIN.top]);
    this.svg
      .select<SVGGElement>('.axis-x')
      .attr('transform', `translate(0,${MARGIN.top + ih})`)
      .call(axisBottom(this.x).ticks(Math.max(2, Math.floor(iw / 70))));
    this.svg
      .select<SVGGElement>('.axis-y')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(axisLeft(this.y).ticks(Math.max(2, Math.floor(ih / 50))));
    this.svg
      .select('.axis-title-x')
      .attr('x', MARGIN.left + iw / 2)
      .attr('y', this.height - 4)
      .attr('text-anchor', 'middle');
    this.svg
      .select('.axis-title-y')
      .attr('transform', `translate(13,${MARGIN.top + ih / 2}) rotate(-90)`);
    this.canvas.style.left = `${MARGIN.left}px`;
    this.canvas.style.top = `${MARGIN.top}px`;
    this.canvas.style.width = `${iw}px`;
    this.canvas.style.height = `${ih}px`;
    this.canvas.width = Math.max(1, Math.round((iw * dpr) / 3));
    this.canvas.height = Math.max(1, Math.round((ih * dpr) / 3));
    this.drawPoints();
    this.drawModel();
    drawGhost(this.gGhost, this.ghost, this.box(), this.x, this.y);
    drawGhost(this.gGhost, this.margin, this.box(), this.x, this.y, 'max-margin');
    drawLaneLines(this.gLanes, this.lanes, this.box(), this.x, this.y);
    drawPulls(this.gPulls, this.pulls, this.x, this.y);
    drawPullSum(this.gPulls, this.model, this.pullSum, this.box(), this.x, this.y);
    drawBand(this.gBand, this.band, this.box(), this.x, this.y);
  }

  private drawPoints(): void {
    const all = this.visiblePoints;
    const onCanvas = all.length > SVG_MARKS_MAX;
    // Points appended to those painted, in the same layout: only the new marks are painted, and
    // hit-testing extends its grid (a million marks again for one point took ~40 frames).
    if (onCanvas && this.appendMarks(all)) {
      this.version++;
      return;
    }
    this.version++;
    this.appendOnlySince = this.version;
    this.drawMarksOnCanvas(onCanvas ? all : PointSet.EMPTY);
    const visible = onCanvas ? [] : all.toArray();
    const shape = [0, 1].map((c) => symbol(CLASS_SYMBOLS[c as 0 | 1], SYMBOL_AREA)()!);
    this.gPoints
      .selectAll<SVGPathElement, PlotPoint>('path.point')
      .data(visible, (d) => d.id)
      .join('path')
      .attr('class', (d) => `point ${d.label === 0 ? 'red' : 'blue'} ${d.split}`)
      .attr('d', (d) => shape[d.label]!)
      .attr('transform', (d) => `translate(${this.x(d.x1)},${this.y(d.x2)})`)
      .attr('fill', (d) => (d.split === 'train' ? CLASS_COLOURS[d.label] : '#ffffff'))
      .attr('stroke', (d) => CLASS_COLOURS[d.label]);
  }

  /** Canvas marks for large sets: same shapes and inks as the SVG ones, one path per class. */
  private drawMarksOnCanvas(points: PointSet): void {
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    this.marks.style.width = `${this.width}px`;
    this.marks.style.height = `${this.height}px`;
    this.marks.width = Math.round(this.width * dpr);
    this.marks.height = Math.round(this.height * dpr);
    const ctx = this.marks.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const job = ++this.marksJob;
    this.painted = null;
    if (points.length < PIXEL_MARKS_MIN) return paintMarks(ctx, points, this.x, this.y);
    // A million marks in slices, one a frame: the page answers in between (issue #14).
    const { width: w, height: h } = this.marks;
    const [x, y] = [this.x, this.y];
    let img: ImageData | null = null;
    const layout = this.layout;
    const slice = (from: number) => {
      if (job !== this.marksJob) return; // redrawn since
      img ??= ctx.createImageData(w, h);
      const to = Math.min(points.length, from + MARKS_PER_SLICE);
      writeMarkPixels(img.data, w, h, w / this.width, points.columns, x, y, from, to);
      ctx.putImageData(img, 0, 0);
      if (to < points.length) nextFrame(() => slice(to));
      else this.painted = { points, layout, img, done: true };
    };
    // Even the first slice waits for a frame: new data arrive in a task that also renders the
    // page around them, and the marks need not lengthen it.
    nextFrame(() => slice(0));
  }

  /** Counts canvas mark drawings: a slice of an older one stops. */
  private marksJob = 0;

  /** The marks on the canvas: of which points, in which layout, all painted into `img` yet. */
  private painted: {
    points: PointSet;
    layout: string;
    img: ImageData | null;
    done: boolean;
  } | null = null;

  /** The first layout version since which the points drawn only grew at their end. */
  private appendOnlySince = 0;

  /**
   * Paints the marks of `all` past those painted, if `all` is the painted points with more after
   * them (the same columns up to there: an added point) and the layout is the same.
   */
  private appendMarks(all: PointSet): boolean {
    const p = this.painted;
    if (!p?.done || !p.img || p.layout !== this.layout || all.length <= p.points.length)
      return false;
    const [a, b] = [p.points.columns, all.columns];
    const n = p.points.length;
    // The same buffers (core/room.ts): the painted points are the first n of `all`, unchanged.
    const keys = ['x1', 'x2', 'label', 'test'] as const;
    const grown = all.edit?.op === 'add' && all.length === n + 1;
    if (!grown || keys.some((k) => a[k].buffer !== b[k].buffer || b[k].byteOffset !== 0))
      return false;
    const ctx = this.marks.getContext('2d');
    if (!ctx) return false;
    const { width: w, height: h } = this.marks;
    writeMarkPixels(p.img.data, w, h, w / this.width, b, this.x, this.y, n, all.length);
    ctx.putImageData(p.img, 0, 0);
    this.painted = { ...p, points: all };
    return true;
  }

  /** Whether the points drawn only grew at their end since layout version `v`. */
  appendedSince(v: number): boolean {
    return v >= this.appendOnlySince;
  }

  private drawModel(): void {
    const m = this.model;
    this.drawn = m ? { ...m } : null;
    this.drawField(m);
    drawModelLines(this.gField, m, this.box(), this.x, this.y, this.showContours, this.threshold);
  }

  private drawField(m: Weights | null): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const { width: cw, height: ch } = this.canvas;
    if (!m) {
      ctx.clearRect(0, 0, cw, ch);
      return;
    }
    if (!this.image || this.image.width !== cw || this.image.height !== ch)
      this.image = ctx.createImageData(cw, ch);
    paintField(this.image.data, cw, ch, this.box(), m, this.lut);
    ctx.putImageData(this.image, 0, 0);
  }
}
