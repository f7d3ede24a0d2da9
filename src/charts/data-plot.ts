/**
 * The "Data plot": probability field, decision boundary, weight vector and the red/blue points.
 * Built once with narrow update methods; React owns the host element and the lifecycle and never
 * renders inside it. All drawing is D3 (SVG) plus one canvas for the field.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { symbol } from 'd3-shape';
import type { Weights } from '../core/maths.ts';
import { clipLineToBox, equalAspectBox, footOfPerpendicular, type Box } from './geometry.ts';
import { BOUNDARY, CLASS_COLOURS, CLASS_SYMBOLS, fieldLut } from './palette.ts';

/** A point as the plot draws it: `id` is stable across edits so D3 can key its marks. */
export interface PlotPoint {
  id: number;
  x1: number;
  x2: number;
  label: 0 | 1;
  split: 'train' | 'test';
}

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
}

/** Which split the plot shows: the tutorial draws train and test separately. */
export type SplitFilter = 'both' | 'train' | 'test';

const MARGIN = { top: 12, right: 14, bottom: 36, left: 44 };
/** Logit at which p = 0.75 (and minus it: p = 0.25). */
const LOGIT_75 = Math.log(3);
const SYMBOL_AREA = 52;
/** Above this many visible points, marks go on a canvas instead of one SVG node each. */
export const SVG_MARKS_MAX = 2_000;

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
  private readonly lut = fieldLut();
  private width = 0;
  private height = 0;
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();
  private points: readonly PlotPoint[] = [];
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
    this.gField = this.svg.append('g').attr('class', 'model');
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
   */
  setPoints(points: readonly PlotPoint[], filter: SplitFilter = this.filter, refit = false): void {
    this.points = points;
    this.filter = filter;
    const b = this.fitted;
    const outside =
      !b || points.some((p) => p.x1 < b.x0 || p.x1 > b.x1 || p.x2 < b.y0 || p.x2 > b.y1);
    if (refit || outside) this.fitted = null;
    this.rescale();
  }

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
  get visiblePoints(): readonly PlotPoint[] {
    return this.points.filter((p) => this.filter === 'both' || p.split === this.filter);
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
    g.selectAll('text').text(o.probe?.text ?? '');
    this.gOverlay
      .selectAll('circle.cursor')
      .data(o.cursor ? [o.cursor] : [])
      .join('circle')
      .attr('class', 'cursor')
      .attr('r', 10)
      .attr('cx', (d) => this.x(d[0]))
      .attr('cy', (d) => this.y(d[1]));
    const focused = this.points.find((p) => p.id === o.focusedId);
    this.gOverlay
      .selectAll('circle.focus-ring')
      .data(focused ? [focused] : [])
      .join('circle')
      .attr('class', 'focus-ring')
      .attr('r', 9)
      .attr('cx', (d) => this.x(d.x1))
      .attr('cy', (d) => this.y(d.x2));
  }

  /** Data coordinates under a client-space position (for clicks and drags). */
  toData(clientX: number, clientY: number): [number, number] {
    const r = this.svg.node()!.getBoundingClientRect();
    return [this.x.invert(clientX - r.left), this.y.invert(clientY - r.top)];
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

  private rescale(): void {
    const iw = this.width - MARGIN.left - MARGIN.right;
    const ih = this.height - MARGIN.top - MARGIN.bottom;
    const box = equalAspectBox(
      this.fitted ?? dataExtent(this.points),
      iw,
      ih,
      this.fitted ? 0 : 0.08,
    );
    this.fitted ??= box;
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
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    this.canvas.style.left = `${MARGIN.left}px`;
    this.canvas.style.top = `${MARGIN.top}px`;
    this.canvas.style.width = `${iw}px`;
    this.canvas.style.height = `${ih}px`;
    this.canvas.width = Math.max(1, Math.round((iw * dpr) / 3));
    this.canvas.height = Math.max(1, Math.round((ih * dpr) / 3));
    this.drawPoints();
    this.drawModel();
  }

  private drawPoints(): void {
    this.version++;
    const all = this.visiblePoints;
    const onCanvas = all.length > SVG_MARKS_MAX;
    this.drawMarksOnCanvas(onCanvas ? all : []);
    const visible = onCanvas ? [] : all;
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
  private drawMarksOnCanvas(points: readonly PlotPoint[]): void {
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    this.marks.style.width = `${this.width}px`;
    this.marks.style.height = `${this.height}px`;
    this.marks.width = Math.round(this.width * dpr);
    this.marks.height = Math.round(this.height * dpr);
    const ctx = this.marks.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    if (points.length === 0) return;
    const r = points.length > 50_000 ? 1.5 : 2.5;
    ctx.lineWidth = 1;
    for (const label of [0, 1] as const) {
      for (const split of ['train', 'test'] as const) {
        ctx.beginPath();
        for (const p of points) {
          if (p.label !== label || p.split !== split) continue;
          const x = this.x(p.x1);
          const y = this.y(p.x2);
          if (label === 0) {
            ctx.moveTo(x + r, y);
            ctx.arc(x, y, r, 0, 2 * Math.PI);
          } else ctx.rect(x - r, y - r, 2 * r, 2 * r);
        }
        ctx.strokeStyle = CLASS_COLOURS[label];
        ctx.fillStyle = split === 'train' ? CLASS_COLOURS[label] : '#ffffff';
        ctx.fill();
        ctx.stroke();
      }
    }
  }

  private drawModel(): void {
    const m = this.model;
    this.drawn = m ? { ...m } : null;
    this.drawField(m);
    const box = this.box();
    const lines: { cls: string; c: number }[] = m
      ? [
          { cls: 'boundary', c: m.b },
          ...(this.showContours
            ? [
                { cls: 'contour p75', c: m.b - LOGIT_75 },
                { cls: 'contour p25', c: m.b + LOGIT_75 },
              ]
            : []),
        ]
      : [];
    this.gField
      .selectAll<SVGLineElement, { cls: string; c: number }>('line.level')
      .data(
        lines.flatMap((l) => {
          const seg = m ? clipLineToBox(m.w1, m.w2, l.c, box) : null;
          return seg ? [{ ...l, seg }] : [];
        }),
        (d) => d.cls,
      )
      .join('line')
      .attr('class', (d) => `level ${d.cls}`)
      .attr('stroke', BOUNDARY)
      .attr('x1', (d) => this.x(d.seg[0][0]))
      .attr('y1', (d) => this.y(d.seg[0][1]))
      .attr('x2', (d) => this.x(d.seg[1][0]))
      .attr('y2', (d) => this.y(d.seg[1][1]));
    this.drawNormal(m, box);
  }

  /** The weight vector, drawn as an arrow from the boundary toward the blue side. */
  private drawNormal(m: Weights | null, box: Box): void {
    const cx = (box.x0 + box.x1) / 2;
    const cy = (box.y0 + box.y1) / 2;
    const foot = m ? footOfPerpendicular(m.w1, m.w2, m.b, cx, cy) : null;
    const inside =
      foot && foot[0] >= box.x0 && foot[0] <= box.x1 && foot[1] >= box.y0 && foot[1] <= box.y1;
    const len = 0.12 * Math.min(box.x1 - box.x0, box.y1 - box.y0);
    const data = m && foot && inside ? [{ foot, m, norm: Math.hypot(m.w1, m.w2) }] : [];
    this.gField
      .selectAll<SVGLineElement, (typeof data)[number]>('line.normal')
      .data(data)
      .join('line')
      .attr('class', 'normal')
      .attr('x1', (d) => this.x(d.foot[0]))
      .attr('y1', (d) => this.y(d.foot[1]))
      .attr('x2', (d) => this.x(d.foot[0] + (len * d.m.w1) / d.norm))
      .attr('y2', (d) => this.y(d.foot[1] + (len * d.m.w2) / d.norm));
    // The arrowhead: a small triangle at the tip, pointing along w (toward blue).
    this.gField
      .selectAll<SVGPathElement, (typeof data)[number]>('path.normal-head')
      .data(data)
      .join('path')
      .attr('class', 'normal-head')
      .attr('d', (d) => {
        const tx = this.x(d.foot[0] + (len * d.m.w1) / d.norm);
        const ty = this.y(d.foot[1] + (len * d.m.w2) / d.norm);
        const a = Math.atan2(-(d.m.w2 / d.norm), d.m.w1 / d.norm); // screen y points down
        const p = (r: number, t: number) =>
          `${tx + r * Math.cos(a + t)},${ty + r * Math.sin(a + t)}`;
        return `M${p(0, 0)}L${p(9, Math.PI - 0.45)}L${p(9, Math.PI + 0.45)}Z`;
      });
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
    const img = this.image;
    const [x0, x1] = this.x.domain() as [number, number];
    const [y0, y1] = this.y.domain() as [number, number];
    const dx = (x1 - x0) / cw;
    const dy = (y1 - y0) / ch;
    const out = img.data;
    for (let r = 0; r < ch; r++) {
      const xv2 = y1 - (r + 0.5) * dy;
      const base = m.w2 * xv2 + m.b;
      for (let c = 0; c < cw; c++) {
        const z = m.w1 * (x0 + (c + 0.5) * dx) + base;
        const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        const k = (Math.round(p * 255) || 0) * 4;
        const o = (r * cw + c) * 4;
        out[o] = this.lut[k]!;
        out[o + 1] = this.lut[k + 1]!;
        out[o + 2] = this.lut[k + 2]!;
        out[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }
}

/**
 * True when drawing `next` instead of `prev` would change nothing a person can see: the logit
 * moves by < 0.01 everywhere in the box (under one step of the 256-level colour table) and the
 * boundary moves by < 0.25 px.
 */
function invisibleChange(prev: Weights, next: Weights, box: Box, pxPerUnit: number): boolean {
  let dz = 0;
  for (const x of [box.x0, box.x1]) {
    for (const y of [box.y0, box.y1]) {
      dz = Math.max(
        dz,
        Math.abs((next.w1 - prev.w1) * x + (next.w2 - prev.w2) * y + (next.b - prev.b)),
      );
    }
  }
  const norm = Math.hypot(next.w1, next.w2);
  return dz < 0.01 && (norm === 0 ? dz === 0 : (dz / norm) * pxPerUnit < 0.25);
}

function dataExtent(points: readonly PlotPoint[]): Box {
  if (points.length === 0) return { x0: -5, x1: 5, y0: -5, y1: 5 };
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    if (p.x1 < x0) x0 = p.x1;
    if (p.x1 > x1) x1 = p.x1;
    if (p.x2 < y0) y0 = p.x2;
    if (p.x2 > y1) y1 = p.x2;
  }
  return { x0, x1, y0, y1 };
}
