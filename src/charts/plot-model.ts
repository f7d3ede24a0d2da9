/**
 * The model's lines on the data plot: the boundary p = 0.5 (w·x + b = 0), the optional p = 0.25 and
 * 0.75 lines, all clipped to the box, and the weight vector as an arrow toward the blue side.
 * With quadratic features the same levels are curves (SVG paths, ./level-curves.ts) and there is
 * no single weight vector to draw.
 */
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { Weights } from '../core/maths.ts';
import { isLinear } from '../core/features.ts';
import { clipLineToBox, footOfPerpendicular, type Box } from './geometry.ts';
import { levelCurves, pathOf } from './level-curves.ts';
import { BOUNDARY } from './palette.ts';

type Scale = ScaleLinear<number, number>;
type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Logit at which p = 0.75 (and minus it: p = 0.25). */
const LOGIT_75 = Math.log(3);

/** Draws (or removes, for `m` null) the boundary, the contour lines and the weight arrow. */
export function drawModelLines(
  g: Group,
  m: Weights | null,
  box: Box,
  x: Scale,
  y: Scale,
  showContours: boolean,
  /** The decision threshold's line p = t (null, 0.5, 0 or 1: none). */
  threshold: number | null = null,
): void {
  drawLevels(g, m, box, x, y, showContours, threshold);
  drawNormal(g, m, box, x, y);
}

function drawLevels(
  g: Group,
  m: Weights | null,
  box: Box,
  x: Scale,
  y: Scale,
  showContours: boolean,
  threshold: number | null,
): void {
  const t = threshold;
  const lines: { cls: string; c: number }[] = m
    ? [
        ...(t !== null && t > 0 && t < 1 && t !== 0.5
          ? [{ cls: 'threshold', c: m.b - Math.log(t / (1 - t)) }]
          : []),
        { cls: 'boundary', c: m.b },
        ...(showContours
          ? [
              { cls: 'contour p75', c: m.b - LOGIT_75 },
              { cls: 'contour p25', c: m.b + LOGIT_75 },
            ]
          : []),
      ]
    : [];
  const curved = m !== null && !isLinear(m);
  // A level of the logit z = m.b − c (the lines are w·x + c = 0).
  g.selectAll<SVGPathElement, { cls: string; d: string }>('path.level')
    .data(
      curved
        ? lines.flatMap((l) => {
            const d = pathOf(levelCurves(m, m.b - l.c, box), x, y);
            return d ? [{ cls: l.cls, d }] : [];
          })
        : [],
      (d) => d.cls,
    )
    .join('path')
    .attr('class', (d) => `level ${d.cls}`)
    .attr('stroke', BOUNDARY)
    .attr('fill', 'none')
    .attr('d', (d) => d.d);
  g.selectAll<SVGLineElement, { cls: string; c: number }>('line.level')
    .data(
      lines.flatMap((l) => {
        const seg = m && !curved ? clipLineToBox(m.w1, m.w2, l.c, box) : null;
        return seg ? [{ ...l, seg }] : [];
      }),
      (d) => d.cls,
    )
    .join('line')
    .attr('class', (d) => `level ${d.cls}`)
    .attr('stroke', BOUNDARY)
    .attr('x1', (d) => x(d.seg[0][0]))
    .attr('y1', (d) => y(d.seg[0][1]))
    .attr('x2', (d) => x(d.seg[1][0]))
    .attr('y2', (d) => y(d.seg[1][1]));
}

/** The weight vector, drawn as an arrow from the boundary toward the blue side. */
function drawNormal(g: Group, m: Weights | null, box: Box, x: Scale, y: Scale): void {
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const foot = m && isLinear(m) ? footOfPerpendicular(m.w1, m.w2, m.b, cx, cy) : null;
  const inside =
    foot && foot[0] >= box.x0 && foot[0] <= box.x1 && foot[1] >= box.y0 && foot[1] <= box.y1;
  const len = 0.12 * Math.min(box.x1 - box.x0, box.y1 - box.y0);
  const data = m && foot && inside ? [{ foot, m, norm: Math.hypot(m.w1, m.w2) }] : [];
  g.selectAll<SVGLineElement, (typeof data)[number]>('line.normal')
    .data(data)
    .join('line')
    .attr('class', 'normal')
    .attr('x1', (d) => x(d.foot[0]))
    .attr('y1', (d) => y(d.foot[1]))
    .attr('x2', (d) => x(d.foot[0] + (len * d.m.w1) / d.norm))
    .attr('y2', (d) => y(d.foot[1] + (len * d.m.w2) / d.norm));
  // The arrowhead: a small triangle at the tip, pointing along w (toward blue).
  g.selectAll<SVGPathElement, (typeof data)[number]>('path.normal-head')
    .data(data)
    .join('path')
    .attr('class', 'normal-head')
    .attr('d', (d) => {
      const tx = x(d.foot[0] + (len * d.m.w1) / d.norm);
      const ty = y(d.foot[1] + (len * d.m.w2) / d.norm);
      const a = Math.atan2(-(d.m.w2 / d.norm), d.m.w1 / d.norm); // screen y points down
      const p = (r: number, t: number) => `${tx + r * Math.cos(a + t)},${ty + r * Math.sin(a + t)}`;
      return `M${p(0, 0)}L${p(9, Math.PI - 0.45)}L${p(9, Math.PI + 0.45)}Z`;
    });
}

/**
 * A reference line of class `cls` (removed for `w` null): the exact optimum's "ghost" boundary,
 * or the maximum-margin line of separable data.
 */
export function drawGhost(
  g: Group,
  w: Weights | null,
  box: Box,
  x: Scale,
  y: Scale,
  cls = 'ghost',
): void {
  const curved = w !== null && !isLinear(w);
  const seg = w && !curved ? clipLineToBox(w.w1, w.w2, w.b, box) : null;
  const d = curved ? pathOf(levelCurves(w, 0, box), x, y) : '';
  g.selectAll<SVGPathElement, string>(`path.${cls}`)
    .data(d ? [d] : [])
    .join('path')
    .attr('class', cls)
    .attr('fill', 'none')
    .attr('d', (v) => v);
  g.selectAll<SVGLineElement, NonNullable<typeof seg>>(`line.${cls}`)
    .data(seg ? [seg] : [])
    .join('line')
    .attr('class', cls)
    .attr('x1', (d) => x(d[0][0]))
    .attr('y1', (d) => y(d[0][1]))
    .attr('x2', (d) => x(d[1][0]))
    .attr('y2', (d) => y(d[1][1]));
}

/** A race lane's boundary: its colour and weights (null while it has diverged). */
export interface LaneLine {
  colour: string;
  /** SVG stroke-dasharray ('none' for solid). */
  dash: string;
  weights: Weights | null;
  /** Words for the legend, e.g. "race lane 2: learning rate 0.1". */
  label: string;
}

/** The learning-rate race's boundaries, one line per lane in its colour (none for `[]`). */
export function drawLaneLines(g: Group, lanes: readonly LaneLine[], box: Box, x: Scale, y: Scale) {
  const segs = lanes.flatMap((l) => {
    const w = l.weights;
    const seg = w && isLinear(w) ? clipLineToBox(w.w1, w.w2, w.b, box) : null;
    return seg ? [{ colour: l.colour, dash: l.dash, seg }] : [];
  });
  const curves = lanes.flatMap((l) => {
    const w = l.weights;
    const d = w && !isLinear(w) ? pathOf(levelCurves(w, 0, box), x, y) : '';
    return d ? [{ colour: l.colour, dash: l.dash, d }] : [];
  });
  g.selectAll<SVGPathElement, (typeof curves)[number]>('path.lane')
    .data(curves)
    .join('path')
    .attr('class', 'lane')
    .attr('fill', 'none')
    .attr('stroke', (d) => d.colour)
    .attr('stroke-dasharray', (d) => d.dash)
    .attr('d', (d) => d.d);
  g.selectAll<SVGLineElement, (typeof segs)[number]>('line.lane')
    .data(segs)
    .join('line')
    .attr('class', 'lane')
    .attr('stroke', (d) => d.colour)
    .attr('stroke-dasharray', (d) => d.dash)
    .attr('x1', (d) => x(d.seg[0][0]))
    .attr('y1', (d) => y(d.seg[0][1]))
    .attr('x2', (d) => x(d.seg[1][0]))
    .attr('y2', (d) => y(d.seg[1][1]));
}

/**
 * A point's readout: text lines on a white card beside the point (left of it near the right
 * edge). Text goes in with `.text()`, never as HTML.
 */
export function drawTip(
  g: Group,
  tip: { x1: number; x2: number; lines: readonly string[] } | null,
  x: Scale,
  y: Scale,
  width: number,
): void {
  const card = g
    .selectAll<SVGGElement, NonNullable<typeof tip>>('g.tip')
    .data(tip ? [tip] : [])
    .join((enter) => {
      const e = enter.append('g').attr('class', 'tip');
      e.append('rect').attr('class', 'tip-card').attr('rx', 4);
      e.append('text').attr('class', 'tip-text');
      return e;
    });
  if (!tip) return;
  const text = card.select<SVGTextElement>('text.tip-text');
  text
    .selectAll('tspan')
    .data(tip.lines)
    .join('tspan')
    .attr('x', 8)
    .attr('dy', 16)
    .text((d) => d);
  const box = text.node()?.getBBox?.() ?? { width: 200, height: 16 * tip.lines.length };
  const w = box.width + 16;
  const h = 16 * tip.lines.length + 10;
  const px = x(tip.x1);
  const py = y(tip.x2);
  // Beside the point, on whichever side it fits, and never past either edge of the plot (a
  // narrow phone plot has room on neither side: the card then starts at the left edge, above
  // the point).
  const beside = px + 14 + w > width ? px - 14 - w : px + 14;
  const left = Math.max(0, Math.min(beside, width - w));
  const top = Math.max(0, py - h - 8);
  card.attr('transform', `translate(${left},${top})`);
  card.select('rect').attr('width', w).attr('height', h);
}
