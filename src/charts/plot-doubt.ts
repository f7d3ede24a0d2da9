/**
 * Two overlays of the data plot for "decisions and doubt": the gradient pulls (a halo around each
 * training point, its radius growing with |p − y|, the strongest few ringed) and the 95 % band of
 * plausible boundaries (where 0 lies inside the logit's 95 % interval, |z| ≤ 1.96·SE(z)).
 */
import { isLinear } from '../core/features.ts';
import { contours } from 'd3-contour';
import { geoPath, geoTransform } from 'd3-geo';
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { Weights } from '../core/maths.ts';
import { logitSpread, Z95, type Uncertainty } from '../core/uncertainty.ts';
import { footOfPerpendicular, type Box } from './geometry.ts';
import { CLASS_COLOURS } from './palette.ts';

type Scale = ScaleLinear<number, number>;
type Group = Selection<SVGGElement, unknown, null, undefined>;

/** A training point's pull, as the plot draws it. */
export interface PullMark {
  x1: number;
  x2: number;
  label: 0 | 1;
  /** |pᵢ − yᵢ| in [0, 1]. */
  strength: number;
  /** One of the few that pull hardest. */
  strong: boolean;
}

/** Halos for the pulls (none for `[]`). Radius 3 px plus up to 18 px at |p − y| = 1. */
export function drawPulls(g: Group, pulls: readonly PullMark[], x: Scale, y: Scale): void {
  g.selectAll<SVGCircleElement, PullMark>('circle.pull')
    .data(pulls)
    .join('circle')
    .attr('class', (d) => (d.strong ? 'pull strong' : 'pull'))
    .attr('cx', (d) => x(d.x1))
    .attr('cy', (d) => y(d.x2))
    .attr('r', (d) => 3 + 18 * Math.sqrt(d.strength))
    .attr('fill', (d) => CLASS_COLOURS[d.label])
    .attr('stroke', (d) => CLASS_COLOURS[d.label]);
}

/** The band where the boundary may plausibly lie (95 %), on a grid of `cols` × `rows` cells. */
export function drawBand(
  g: Group,
  band: { u: Uncertainty; w: Weights } | null,
  box: Box,
  x: Scale,
  y: Scale,
  cols = 64,
  rows = 48,
): void {
  const values = new Float64Array(cols * rows);
  if (band) {
    for (let j = 0; j < rows; j++) {
      const x2 = box.y1 - ((j + 0.5) / rows) * (box.y1 - box.y0);
      for (let i = 0; i < cols; i++) {
        const x1 = box.x0 + ((i + 0.5) / cols) * (box.x1 - box.x0);
        const { z, se } = logitSpread(band.u, band.w, x1, x2);
        // Inside the band: the 95 % interval of z holds 0.
        values[j * cols + i] = se > 0 ? Z95 - Math.abs(z) / se : -1;
      }
    }
  }
  const shapes = band ? contours().size([cols, rows]).thresholds([0])(Array.from(values)) : [];
  // Grid cell (i, j) → plot pixels.
  const toPx = geoTransform({
    point(i: number, j: number) {
      this.stream.point(
        x(box.x0 + (i / cols) * (box.x1 - box.x0)),
        y(box.y1 - (j / rows) * (box.y1 - box.y0)),
      );
    },
  });
  const path = geoPath(toPx);
  g.selectAll<SVGPathElement, (typeof shapes)[number]>('path.band')
    .data(shapes)
    .join('path')
    .attr('class', 'band')
    .attr('d', (d) => path(d) ?? '');
}

/**
 * The pulls' sum drawn as the step they ask for: an arrow −(g1, g2) from the tip of the weight
 * arrow (from the centre when w = 0), fixed length — its direction is the parameter-space arrow's.
 */
export function drawPullSum(
  g: Group,
  model: Weights | null,
  sum: { g1: number; g2: number } | null,
  box: Box,
  x: Scale,
  y: Scale,
): void {
  const len = 0.12 * Math.min(box.x1 - box.x0, box.y1 - box.y0);
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const gn = sum ? Math.hypot(sum.g1, sum.g2) : 0;
  let start: [number, number] = [cx, cy];
  // From the weight arrow's tip; a curved boundary has no arrow: from the middle of the view.
  if (model && isLinear(model) && (model.w1 !== 0 || model.w2 !== 0)) {
    const foot = footOfPerpendicular(model.w1, model.w2, model.b, cx, cy);
    const wn = Math.hypot(model.w1, model.w2);
    if (foot) start = [foot[0] + (len * model.w1) / wn, foot[1] + (len * model.w2) / wn];
  }
  const data =
    sum && gn > 0 && Number.isFinite(gn)
      ? [{ start, end: [start[0] - (len * sum.g1) / gn, start[1] - (len * sum.g2) / gn] as const }]
      : [];
  const arrow = g
    .selectAll<SVGGElement, (typeof data)[number]>('g.pull-sum')
    .data(data)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'pull-sum');
      e.append('line');
      e.append('path');
      return e;
    });
  arrow
    .select('line')
    .attr('x1', (d) => x(d.start[0]))
    .attr('y1', (d) => y(d.start[1]))
    .attr('x2', (d) => x(d.end[0]))
    .attr('y2', (d) => y(d.end[1]));
  arrow.select('path').attr('d', (d) => {
    const tx = x(d.end[0]);
    const ty = y(d.end[1]);
    const a = Math.atan2(ty - y(d.start[1]), tx - x(d.start[0]));
    const p = (r: number, t: number) => `${tx + r * Math.cos(a + t)},${ty + r * Math.sin(a + t)}`;
    return `M${p(0, 0)}L${p(9, Math.PI - 0.45)}L${p(9, Math.PI + 0.45)}Z`;
  });
}
