/**
 * Log-odds against probability: the logistic curve p = σ(z) and every point placed at its own
 * logit z = w·x + b — blue points along the top (y = 1), red along the bottom (y = 0), slightly
 * spread so that piles stay visible — with the threshold's logit marked. Points far right on the
 * top and far left on the bottom are well explained; the ones on the wrong side of the threshold
 * are the errors.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line, symbol } from 'd3-shape';
import { CLASS_COLOURS, CLASS_SYMBOLS } from './palette.ts';

const MARGIN = { top: 10, right: 10, bottom: 34, left: 40 };

export class LogitPlot {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;

  constructor(
    host: HTMLElement,
    private readonly width = 460,
    private readonly height = 200,
  ) {
    this.svg = select(host)
      .append('svg')
      .attr('class', 'logit-svg')
      .attr('aria-hidden', 'true')
      .attr('width', width)
      .attr('height', height);
    this.svg.append('g').attr('class', 'axis axis-x');
    this.svg.append('g').attr('class', 'axis axis-y');
    this.svg.append('line').attr('class', 'threshold');
    this.svg.append('path').attr('class', 'sigmoid');
    this.svg.append('g').attr('class', 'dots');
    this.svg
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', width / 2)
      .attr('y', height - 4)
      .attr('text-anchor', 'middle')
      .text('log-odds z (w·x + b, or w·φ(x) + b with features)');
    this.svg
      .append('text')
      .attr('class', 'axis-label')
      .attr(
        'transform',
        `translate(11,${MARGIN.top + (height - MARGIN.top - MARGIN.bottom) / 2}) rotate(-90)`,
      )
      .attr('text-anchor', 'middle')
      .text('p(blue) = σ(z)');
  }

  /** Draws the points' logits and labels, and the threshold t (as its logit). */
  set(logits: ArrayLike<number>, labels: ArrayLike<number>, t: number): void {
    let zmax = 4;
    for (let i = 0; i < logits.length; i++)
      if (Number.isFinite(logits[i]!)) zmax = Math.max(zmax, Math.abs(logits[i]!));
    zmax = Math.min(zmax * 1.05, 60);
    const x = scaleLinear([-zmax, zmax], [MARGIN.left, this.width - MARGIN.right]);
    const y = scaleLinear([0, 1], [this.height - MARGIN.bottom, MARGIN.top]);
    this.svg
      .select<SVGGElement>('.axis-x')
      .attr('transform', `translate(0,${this.height - MARGIN.bottom})`)
      .call(axisBottom(x).ticks(7));
    this.svg
      .select<SVGGElement>('.axis-y')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(axisLeft(y).ticks(4));
    const zs = Array.from({ length: 121 }, (_, i) => -zmax + (2 * zmax * i) / 120);
    this.svg.select('.sigmoid').attr(
      'd',
      line<number>()
        .x((z) => x(z))
        .y((z) => y(1 / (1 + Math.exp(-z))))(zs) ?? '',
    );
    const zt = Math.log(t / (1 - t));
    this.svg
      .select('.threshold')
      .attr('display', Number.isFinite(zt) && Math.abs(zt) < zmax ? null : 'none')
      .attr('x1', x(zt))
      .attr('x2', x(zt))
      .attr('y1', MARGIN.top)
      .attr('y2', this.height - MARGIN.bottom);
    const shape = [0, 1].map((c) => symbol(CLASS_SYMBOLS[c as 0 | 1], 20)()!);
    const data = Array.from({ length: logits.length }, (_, i) => i).filter((i) =>
      Number.isFinite(logits[i]!),
    );
    // A fixed spread per point (golden-ratio steps), so the dots do not jump between frames.
    const spread = (i: number) => ((i * 0.618034) % 1) * 0.08;
    this.svg
      .select('.dots')
      .selectAll<SVGPathElement, number>('path')
      .data(data.length <= 5000 ? data : [])
      .join('path')
      .attr('d', (i) => shape[labels[i] as 0 | 1]!)
      .attr('fill', (i) => CLASS_COLOURS[labels[i] as 0 | 1])
      .attr('fill-opacity', 0.6)
      .attr('transform', (i) => {
        const v = labels[i] === 1 ? 1 - 0.02 - spread(i) : 0.02 + spread(i);
        return `translate(${x(Math.max(-zmax, Math.min(zmax, logits[i]!)))},${y(v)})`;
      });
  }

  destroy(): void {
    this.svg.remove();
  }
}
