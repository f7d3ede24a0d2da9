/**
 * Reading the loss plot point by point: the pointer (hover) or the keyboard (arrows, Home, End)
 * picks a recorded epoch; a rule, two dots and a card show its epoch and train/test loss.
 */
import { format } from 'd3-format';
import type { Selection } from 'd3-selection';
import { fmtNum } from '../core/number-format.ts';
import type { HistoryPoint } from '../core/progress.ts';

type Group = Selection<SVGGElement, unknown, null, undefined>;

const fmtEpoch = format(',');
/** A loss as the readouts write it (4 significant digits, e-notation below 0.001, U+2212). */
const fmtLoss = (v: number): string => fmtNum(v, 4);

/** "epoch 1,234: train loss 0.1234, test loss 0.1456". */
export function lossReadout(h: HistoryPoint): string {
  return `epoch ${fmtEpoch(h.epoch)}: train loss ${fmtLoss(h.trainLoss)}, test loss ${fmtLoss(h.testLoss)}`;
}

/** Index of the point whose epoch is nearest `epoch` (points in epoch order), or -1 for none. */
export function nearestIndex(pts: readonly HistoryPoint[], epoch: number): number {
  let best = -1;
  let gap = Infinity;
  pts.forEach((h, i) => {
    const d = Math.abs(h.epoch - epoch);
    if (d < gap) [best, gap] = [i, d];
  });
  return best;
}

/** The index a key moves to from `i` among `n` points, or null when the key is not ours. */
export function keyStep(key: string, i: number | null, n: number): number | null {
  if (n === 0) return null;
  const at = i ?? n - 1;
  if (key === 'ArrowLeft') return Math.max(0, at - 1);
  if (key === 'ArrowRight') return Math.min(n - 1, at + 1);
  if (key === 'PageDown') return Math.max(0, at - 10);
  if (key === 'PageUp') return Math.min(n - 1, at + 10);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/** Draws (or, for `h` null, removes) the inspection rule, dots and card. */
export function drawInspect(
  g: Group,
  h: HistoryPoint | null,
  x: (epoch: number) => number,
  y: (loss: number) => number,
  area: { top: number; bottom: number; right: number },
): void {
  const card = g
    .selectAll<SVGGElement, HistoryPoint>('g.inspect')
    .data(h ? [h] : [])
    .join((enter) => {
      const e = enter.append('g').attr('class', 'inspect');
      e.append('line').attr('class', 'inspect-rule');
      e.append('circle').attr('class', 'inspect-dot train').attr('r', 3.5);
      e.append('circle').attr('class', 'inspect-dot test').attr('r', 3.5);
      e.append('rect').attr('class', 'tip-card').attr('rx', 4);
      e.append('text').attr('class', 'tip-text');
      return e;
    });
  if (!h) return;
  const px = x(h.epoch);
  card.select('line').attr('x1', px).attr('x2', px).attr('y1', area.top).attr('y2', area.bottom);
  const dot = (cls: string, v: number) =>
    card
      .select(`circle.${cls}`)
      .attr('display', v > 0 && Number.isFinite(v) ? null : 'none')
      .attr('cx', px)
      .attr('cy', v > 0 && Number.isFinite(v) ? y(v) : 0);
  dot('train', h.trainLoss);
  dot('test', h.testLoss);
  const lines = [
    `epoch ${fmtEpoch(h.epoch)}`,
    `train ${fmtLoss(h.trainLoss)} · test ${fmtLoss(h.testLoss)}`,
  ];
  const text = card.select<SVGTextElement>('text');
  text
    .selectAll('tspan')
    .data(lines)
    .join('tspan')
    .attr('x', 6)
    .attr('dy', 14)
    .text((d) => d);
  const w = (text.node()?.getBBox?.().width ?? 140) + 12;
  const left = px + 8 + w > area.right ? px - 8 - w : px + 8;
  text.attr('transform', `translate(${left},${area.top})`);
  card
    .select('rect')
    .attr('x', left)
    .attr('y', area.top)
    .attr('width', w)
    .attr('height', 14 * lines.length + 8);
}
