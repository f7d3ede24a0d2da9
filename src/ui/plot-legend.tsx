import { useEffect, useMemo, useRef } from 'react';
import { isLinear } from '../core/features.ts';
import type { Weights } from '../core/maths.ts';
import {
  drawSwatch,
  legendEntries as entries,
  SWATCH,
  type LegendEntry,
  type LegendMark,
} from '../charts/legend.ts';
import type { LaneLine } from '../charts/plot-model.ts';

/** What the data plot shows now (the legend lists exactly that). */
export interface LegendOptions {
  contours: boolean;
  ghost: boolean;
  maxMargin: boolean;
  /** A model with w ≠ 0 is drawn (boundary, field, arrow). */
  arrow: boolean;
  /** Its boundary is a curve (quadratic features): no single weight arrow. */
  curved?: boolean;
  lanes: readonly LaneLine[];
  /** The decision threshold's line (null: not drawn). */
  threshold?: number | null;
  pulls?: boolean;
  band?: boolean;
}

/** What is drawn on the plot, not where: the model's shape and the views' flags. */
export interface DrawnOn {
  model: Weights | null;
  /** The p = 0.25 and 0.75 lines are asked for. */
  lines: boolean;
  ghost: boolean;
  maxMargin: boolean;
  lanes: readonly LaneLine[];
  threshold: number | null;
  pulls: boolean;
  band: boolean;
}

/**
 * The legend's options: they change with what is drawn, not every frame (a new object only when
 * one of them changed, so the legend's memo holds while the model moves).
 */
export function usePlotLegend(d: DrawnOn): LegendOptions {
  const m = d.model;
  const has = !!m;
  const curved = !!m && !isLinear(m);
  const arrow = !!m && (m.w1 !== 0 || m.w2 !== 0 || curved);
  const { lines, ghost, maxMargin, lanes, threshold, pulls, band } = d;
  return useMemo(
    () => ({
      contours: lines && has,
      ghost,
      maxMargin,
      arrow,
      curved,
      lanes,
      threshold,
      pulls,
      band,
    }),
    [lines, has, ghost, maxMargin, arrow, curved, lanes, threshold, pulls, band],
  );
}

/** The entries for what is on the plot. */
export function legendEntries(o: LegendOptions): LegendEntry[] {
  return entries({
    model: o.arrow,
    curved: o.curved ?? false,
    contours: o.contours,
    ghost: o.ghost,
    maxMargin: o.maxMargin,
    lanes: o.lanes,
    threshold: o.threshold ?? null,
    pulls: o.pulls ?? false,
    band: o.band ?? false,
  });
}

function Swatch({ mark }: { mark: LegendMark }) {
  const ref = useRef<SVGGElement>(null);
  useEffect(() => {
    const g = ref.current;
    if (!g) return;
    g.replaceChildren();
    drawSwatch(g, mark);
  }, [mark]);
  return (
    <svg width={SWATCH.width} height={SWATCH.height} aria-hidden="true" className="legend-swatch">
      <g ref={ref} />
    </svg>
  );
}

/** The legend under the data plot: one entry per kind of mark on it, and train/test explained. */
export function PlotLegend(o: LegendOptions) {
  return (
    <ul className="legend" aria-label="Legend">
      {legendEntries(o).map((e) => (
        <li key={e.key}>
          <Swatch mark={e.mark} />
          {e.text}
        </li>
      ))}
    </ul>
  );
}
