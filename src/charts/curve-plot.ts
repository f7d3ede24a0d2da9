/**
 * A small square chart of one kind of curve (ROC: false- against true-positive rate; PR: recall
 * against precision) for the training and the test split, with the current threshold's point
 * marked on each. Pointer down or drag on it picks the nearest point of the training curve and
 * reports that point's threshold (dragging along the ROC curve sets the threshold).
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { Curve } from '../core/decisions.ts';
import { GRAB_PX, holdPageWhile, TapWatch } from './touch-gesture.ts';

const MARGIN = { top: 10, right: 10, bottom: 34, left: 40 };

export interface CurveSet {
  train: Curve | null;
  test: Curve | null;
  /** The current threshold's point on each curve, in the chart's (x, y). */
  marks: { train: [number, number] | null; test: [number, number] | null };
}

export class CurvePlot {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private data: CurveSet = { train: null, test: null, marks: { train: null, test: null } };
  private dragging = false;
  private readonly off: (() => void)[] = [];

  /**
   * @param onPick Called with the threshold of the training point nearest a click or drag; null:
   *   the chart is not interactive.
   * @param diagonal Draws the line y = x (a reliability diagram's "perfectly calibrated").
   */
  constructor(
    host: HTMLElement,
    titles: { x: string; y: string },
    private readonly onPick: ((threshold: number) => void) | null,
    { size = 220, diagonal = false }: { size?: number; diagonal?: boolean } = {},
  ) {
    this.svg = select(host)
      .append('svg')
      .attr('class', 'curve-svg')
      .attr('aria-hidden', 'true')
      .attr('width', size)
      .attr('height', size);
    const inner = size - MARGIN.left - MARGIN.right;
    const x = scaleLinear([0, 1], [MARGIN.left, MARGIN.left + inner]);
    const y = scaleLinear([0, 1], [size - MARGIN.bottom, size - MARGIN.bottom - inner]);
    this.svg
      .append('g')
      .attr('transform', `translate(0,${size - MARGIN.bottom})`)
      .call(axisBottom(x).ticks(5));
    this.svg
      .append('g')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(axisLeft(y).ticks(5));
    this.svg
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', MARGIN.left + inner / 2)
      .attr('y', size - 4)
      .attr('text-anchor', 'middle')
      .text(titles.x);
    this.svg
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', `translate(11,${MARGIN.top + inner / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(titles.y);
    if (diagonal)
      this.svg
        .append('line')
        .attr('class', 'diagonal')
        .attr('x1', x(0))
        .attr('y1', y(0))
        .attr('x2', x(1))
        .attr('y2', y(1));
    this.svg.append('path').attr('class', 'curve train');
    this.svg.append('path').attr('class', 'curve test');
    this.svg.append('circle').attr('class', 'mark train').attr('r', 5);
    this.svg.append('circle').attr('class', 'mark test').attr('r', 5);
    this.x = x;
    this.y = y;
    if (!onPick) return;
    this.svg.classed('pickable', true);
    const node = this.svg.node()!;
    const on = (type: string, fn: (e: PointerEvent) => void) => {
      const h = (e: Event) => fn(e as PointerEvent);
      node.addEventListener(type, h);
      this.off.push(() => node.removeEventListener(type, h));
    };
    // A finger picks with a tap or drags the training mark; a swipe elsewhere scrolls the page.
    const tap = new TapWatch();
    this.off.push(holdPageWhile(node, () => this.dragging));
    on('pointerdown', (e) => {
      if (this.dragging || tap.active) return;
      if (e.pointerType === 'touch' && !this.nearMark(e)) return tap.begin(e);
      this.dragging = true;
      node.setPointerCapture?.(e.pointerId);
      this.pick(e);
    });
    on('pointermove', (e) => !tap.move(e) && this.dragging && this.pick(e));
    on('pointerup', (e) => {
      if (tap.end(e)) this.pick(e);
      this.dragging = false;
    });
    on('pointercancel', (e) => {
      tap.cancel(e);
      this.dragging = false;
    });
  }

  /** Whether a pointer is within a finger's reach of the training curve's mark. */
  private nearMark(e: PointerEvent): boolean {
    const m = this.data.marks.train;
    if (!m) return false;
    const r = this.svg.node()!.getBoundingClientRect();
    const [x, y] = [this.x(m[0]) + r.left, this.y(m[1]) + r.top];
    return Math.hypot(e.clientX - x, e.clientY - y) <= GRAB_PX;
  }

  private readonly x: (v: number) => number;
  private readonly y: (v: number) => number;

  /** The training curve's point nearest the pointer, and its threshold, reported. */
  private pick(e: PointerEvent): void {
    const c = this.data.train;
    if (!c) return;
    const r = this.svg.node()!.getBoundingClientRect();
    const px = e.clientX - r.left;
    const py = e.clientY - r.top;
    let best = -1;
    let gap = Infinity;
    c.x.forEach((v, i) => {
      const d = Math.hypot(this.x(v) - px, this.y(c.y[i]!) - py);
      if (d < gap && Number.isFinite(c.thresholds[i]!)) [best, gap] = [i, d];
    });
    if (best >= 0) this.onPick?.(c.thresholds[best]!);
  }

  /** Replaces the curves and the marks. */
  set(data: CurveSet): void {
    this.data = data;
    const path = (c: Curve | null) =>
      c
        ? (line<number>()
            .x((v) => this.x(v))
            .y((_, i) => this.y(c.y[i]!))(c.x) ?? '')
        : '';
    this.svg.select('.curve.train').attr('d', path(data.train));
    this.svg.select('.curve.test').attr('d', path(data.test));
    for (const k of ['train', 'test'] as const) {
      const m = data.marks[k];
      this.svg
        .select(`.mark.${k}`)
        .attr('display', m ? null : 'none')
        .attr('cx', m ? this.x(m[0]) : 0)
        .attr('cy', m ? this.y(m[1]) : 0);
    }
  }

  destroy(): void {
    for (const f of this.off) f();
    this.svg.remove();
  }
}
