/**
 * The "Loss plot": train (solid) and test (dashed) binary cross-entropy against epoch, on a log
 * epoch axis by default (linear on request) and a log loss axis, so the slow creep of a separable
 * run stays visible. Built once; `setHistory` redraws the two paths.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog, type NumberValue } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import type { HistoryPoint } from '../core/progress.ts';
import { fmtRate, fmtTick } from '../core/number-format.ts';
import { m4Path } from './decimate.ts';
import { epochAxisEnd, epochTick, quarterDecade } from './loss-axes.ts';
import { LossCurves } from './loss-curves.ts';
import { drawInspect, keyStep, lossReadout, nearestIndex } from './loss-inspect.ts';

/** An extra curve (a learning-rate race lane): its colour and its (epoch, objective) points. */
export interface LossLane {
  colour: string;
  /** SVG stroke-dasharray ('none' for solid). */
  dash: string;
  points: readonly { epoch: number; value: number }[];
}

const MARGIN = { top: 22, right: 12, bottom: 34, left: 52 };

/**
 * The loss axis's labels: on the ticks d3's log scale labels (it leaves the minor ones blank),
 * written as the readouts write numbers ("1e−6", not "0.000001", which the margin cut off).
 */
const lossTick =
  (labelled: (v: number) => string) =>
  (v: NumberValue): string =>
    labelled(Number(v)) === '' ? '' : fmtTick(Number(v));

export class LossPlot {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private history: readonly HistoryPoint[] = [];
  private logEpochs = true;
  /**
   * J* of the exact optimum, and its data version and L2: the gap J − J* is drawn for the points
   * computed on those (after an edit or an L2 change, earlier points had another J*).
   */
  private optimum: { objective: number; data: number; l2: number } | null = null;
  /** Time travel: the epoch being replayed, marked by a vertical line. */
  private marker: number | null = null;
  private lanes: readonly LossLane[] = [];
  /** Learning-rate changes: a dashed vertical line and the new rate at each. */
  private marks: readonly { epoch: number; lr: number }[] = [];
  private width = 300;
  private height = 200;
  /** The point read out (hover or keyboard), as an index into the drawn points; null: none. */
  private inspected: number | null = null;
  /** What the last draw used, for reading points back under the pointer. */
  private drawn: {
    pts: readonly HistoryPoint[];
    x: { (e: number): number; invert(px: number): number };
    y: (v: number) => number;
  } | null = null;
  private readonly off: (() => void)[] = [];
  /** What the axes were last drawn for (they are redrawn only when it changes). */
  private axesKey = '';
  private readonly curves = new LossCurves();

  /**
   * @param onInspect Told the readout of the point picked by hover or keyboard (null: none), so
   *   the page can say it to a screen reader.
   */
  constructor(
    private readonly host: HTMLElement,
    private readonly onInspect: (text: string | null) => void = () => {},
  ) {
    this.svg = select(host).append('svg').attr('class', 'loss-svg').attr('aria-hidden', 'true');
    this.svg.append('g').attr('class', 'axis axis-x');
    this.svg.append('g').attr('class', 'axis axis-y');
    this.svg.append('path').attr('class', 'curve train');
    this.svg.append('path').attr('class', 'curve test');
    this.svg.append('path').attr('class', 'curve gap');
    this.svg.append('g').attr('class', 'lanes');
    this.svg.append('g').attr('class', 'lr-marks');
    this.svg.append('line').attr('class', 'marker');
    this.svg.append('text').attr('class', 'axis-label x').text('epoch');
    this.svg.append('text').attr('class', 'axis-label y').text('loss (BCE)');
    this.svg.append('g').attr('class', 'inspect-layer');
    const on = (el: EventTarget, type: string, fn: (e: Event) => void) => {
      el.addEventListener(type, fn);
      this.off.push(() => el.removeEventListener(type, fn));
    };
    on(this.svg.node()!, 'pointermove', (e) => this.hover(e as PointerEvent));
    on(this.svg.node()!, 'pointerleave', () => this.inspect(null));
    on(host, 'keydown', (e) => this.key(e as KeyboardEvent));
    on(host, 'focus', () => this.inspect(this.drawn ? this.drawn.pts.length - 1 : null));
    on(host, 'blur', () => this.inspect(null));
  }

  private hover(e: PointerEvent): void {
    if (!this.drawn) return;
    const px = e.clientX - this.svg.node()!.getBoundingClientRect().left;
    const i = nearestIndex(this.drawn.pts, this.drawn.x.invert(px));
    this.inspect(i < 0 ? null : i);
  }

  private key(e: KeyboardEvent): void {
    const i = keyStep(e.key, this.inspected, this.drawn?.pts.length ?? 0);
    if (i === null) return;
    e.preventDefault();
    this.inspect(i);
  }

  private inspect(i: number | null): void {
    this.inspected = i;
    this.drawInspected();
    const h = i === null ? null : this.drawn?.pts[i];
    this.onInspect(h ? lossReadout(h) : null);
  }

  private drawInspected(): void {
    const d = this.drawn;
    const h = d && this.inspected !== null ? (d.pts[this.inspected] ?? null) : null;
    drawInspect(this.svg.select('.inspect-layer'), h, d?.x ?? (() => 0), d?.y ?? (() => 0), {
      top: MARGIN.top,
      bottom: this.height - MARGIN.bottom,
      right: this.width - MARGIN.right,
    });
  }

  /** Replaces the curve's points (cheap: a few hundred points at most). */
  setHistory(history: readonly HistoryPoint[]): void {
    this.history = history;
    this.draw();
  }

  /** Draws the gap J(w, b) − J* to the exact optimum (null: no finite optimum, no curve). */
  setOptimum(objective: { objective: number; data: number; l2: number } | null): void {
    this.optimum = objective;
    this.draw();
  }

  /** Marks the epoch being replayed (null: none). */
  /** Marks the epochs where the learning rate changed, with the new rate. */
  setMarks(marks: readonly { epoch: number; lr: number }[]): void {
    this.marks = marks;
    this.draw();
  }

  setMarker(epoch: number | null): void {
    this.marker = epoch;
    this.draw();
  }

  /** Replaces the race lanes' curves (empty: none). */
  setLanes(lanes: readonly LossLane[]): void {
    this.lanes = lanes;
    this.draw();
  }

  /** Log-scaled (default) or linear epoch axis. */
  setLogEpochs(log: boolean): void {
    this.logEpochs = log;
    this.draw();
  }

  /** Re-measures the host (call on resize) and redraws. */
  resize(): void {
    const rect = this.host.getBoundingClientRect();
    this.width = Math.max(160, Math.round(rect.width));
    this.height = Math.max(120, Math.round(rect.height));
    this.draw();
  }

  /** Removes the chart. */
  destroy(): void {
    for (const f of this.off) f();
    this.svg.remove();
  }

  draw(): void {
    const { width, height } = this;
    this.svg.attr('width', width).attr('height', height);
    const minEpoch = this.logEpochs ? 1 : 0;
    const pts = this.history.filter((h) => h.epoch >= minEpoch);
    const lanePts = this.lanes.map((l) => l.points.filter((p) => p.epoch >= minEpoch));
    const ticks = Math.max(2, Math.floor(width / 90));
    const maxEpoch = epochAxisEnd(
      Math.max(10, pts.at(-1)?.epoch ?? 10, ...lanePts.map((p) => p.at(-1)?.epoch ?? 0)),
      this.logEpochs,
      ticks,
    );
    const x = this.logEpochs
      ? scaleLog([1, maxEpoch], [MARGIN.left, width - MARGIN.right])
      : scaleLinear([0, maxEpoch], [MARGIN.left, width - MARGIN.right]);
    const opt = this.optimum;
    // The gap J − J* falls to float64 noise near the optimum: draw it down to 1e-12.
    const gapOf = (h: HistoryPoint) =>
      opt === null || h.data !== opt.data || h.l2 !== opt.l2
        ? Number.NaN
        : h.objective - opt.objective;
    const optKey = opt === null ? '' : `${opt.data} ${opt.l2} ${opt.objective}`;
    const [least, most] = this.curves.extent(optKey, pts, lanePts, gapOf);
    const lo = quarterDecade(Math.min(0.5, least) * 0.8, Math.floor);
    const hi = quarterDecade(Math.max(1, most) * 1.2, Math.ceil);
    const y = scaleLog([lo, hi], [height - MARGIN.bottom, MARGIN.top]);
    // A linear axis formats each tick on its own: d3's shared SI prefix would write 0 as "0k".
    const xAxis = this.logEpochs
      ? axisBottom(x).ticks(ticks, '~s')
      : axisBottom(x)
          .ticks(ticks)
          .tickFormat((v) => epochTick(Number(v)));
    // The axes step out in nice increments (above), so most frames of a run leave them as they
    // are: redraw them only when their scales or the size changed.
    const axesKey = `${this.logEpochs} ${maxEpoch} ${lo} ${hi} ${width}×${height}`;
    if (axesKey !== this.axesKey) {
      this.axesKey = axesKey;
      this.svg
        .select<SVGGElement>('.axis-x')
        .attr('transform', `translate(0,${height - MARGIN.bottom})`)
        .call(xAxis);
      this.svg
        .select<SVGGElement>('.axis-y')
        .attr('transform', `translate(${MARGIN.left},0)`)
        .call(
          axisLeft(y)
            .ticks(4)
            .tickFormat(lossTick(y.tickFormat(4, '.2~g'))),
        );
    }
    // Each curve is drawn through what its pixels can show (M4), folding in only the run's new
    // points (./loss-curves.ts): a long run's thousands of report points would otherwise cost
    // every frame more as the run goes on.
    const yOf = (v: number) => y(Math.max(lo, v));
    const curve = (name: string, v: (h: HistoryPoint) => number, key = axesKey) =>
      this.curves.path(name, key, pts, x, yOf, v);
    this.svg.select('.curve.train').attr(
      'd',
      curve('train', (h) => h.trainLoss),
    );
    this.svg.select('.curve.test').attr(
      'd',
      curve('test', (h) => h.testLoss),
    );
    const gap = (h: HistoryPoint) => {
      const g = gapOf(h);
      return g >= 1e-12 ? g : Number.NaN;
    };
    this.svg
      .select('.curve.gap')
      .attr('d', opt === null ? '' : curve('gap', gap, `${axesKey} ${optKey}`));
    this.drawLanes(lanePts, x, y, lo);
    this.drawMarks((e) => x(Math.max(minEpoch, e)), height);
    const m = this.marker;
    this.svg
      .select('.marker')
      .attr('display', m === null || m < minEpoch ? 'none' : null)
      .attr('x1', m === null ? 0 : x(Math.max(minEpoch, m)))
      .attr('x2', m === null ? 0 : x(Math.max(minEpoch, m)))
      .attr('y1', MARGIN.top)
      .attr('y2', height - MARGIN.bottom);
    this.svg
      .select('.axis-label.y')
      .text(opt === null ? 'loss (BCE)' : 'loss (BCE); dotted: J − J*');
    this.svg
      .select('.axis-label.x')
      .attr('x', width - MARGIN.right)
      .attr('y', height - 4)
      .attr('text-anchor', 'end');
    this.svg.select('.axis-label.y').attr('x', 4).attr('y', 4).attr('dy', '0.7em');
    this.drawn = { pts, x, y: (v) => y(Math.max(lo, v)) };
    if (this.inspected !== null && this.inspected >= pts.length) this.inspected = null;
    this.drawInspected();
  }

  private drawMarks(x: (e: number) => number, height: number): void {
    const g = this.svg
      .select('.lr-marks')
      .selectAll<SVGGElement, { epoch: number; lr: number }>('g.lr-mark')
      .data(this.marks)
      .join((enter) => {
        const m = enter.append('g').attr('class', 'lr-mark');
        m.append('line');
        m.append('text');
        return m;
      });
    g.select('line')
      .attr('x1', (m) => x(m.epoch))
      .attr('x2', (m) => x(m.epoch))
      .attr('y1', MARGIN.top)
      .attr('y2', height - MARGIN.bottom);
    // Labels that would overlap are dropped, the latest kept (the lines all stay).
    const shown = new Set<number>();
    let left = Infinity;
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const px = x(this.marks[i]!.epoch);
      if (px + 48 <= left) {
        shown.add(i);
        left = px;
      }
    }
    // A label that would run past the plot's right edge is set to the left of its line.
    const flip = (m: { epoch: number }) => x(m.epoch) + 3 + 48 > this.width - 2;
    g.select('text')
      .attr('x', (m) => (flip(m) ? x(m.epoch) - 3 : x(m.epoch) + 3))
      .attr('text-anchor', (m) => (flip(m) ? 'end' : 'start'))
      .attr('y', MARGIN.top + 10)
      .attr('display', (_, i) => (shown.has(i) ? null : 'none'))
      .text((m) => `lr ${fmtRate(m.lr)}`);
  }

  private drawLanes(
    lanePts: readonly (readonly { epoch: number; value: number }[])[],
    x: (e: number) => number,
    y: (v: number) => number,
    lo: number,
  ): void {
    const path = (p: readonly { epoch: number; value: number }[]) =>
      m4Path({
        n: p.length,
        x: (i) => x(p[i]!.epoch),
        y: (i) => {
          const v = p[i]!.value;
          return v > 0 && Number.isFinite(v) ? y(Math.max(lo, v)) : Number.NaN;
        },
      });
    this.svg
      .select('.lanes')
      .selectAll<SVGPathElement, readonly { epoch: number; value: number }[]>('path')
      .data(lanePts)
      .join('path')
      .attr('class', 'curve lane')
      .attr('stroke', (_, i) => this.lanes[i]?.colour ?? '#000')
      .attr('stroke-dasharray', (_, i) => this.lanes[i]?.dash ?? 'none')
      .attr('d', (p) => path(p));
  }
}
