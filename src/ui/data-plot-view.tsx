import { useEffect, useRef, useState } from 'react';
import type { Gradient, Weights } from '../core/maths.ts';
import type { PointSet } from '../core/point-set.ts';
import { DataPlot, type Overlay, type SplitFilter } from '../charts/data-plot.ts';
import { PlotInteraction, type PlotHandlers } from '../charts/plot-interaction.ts';
import type { LaneLine } from '../charts/plot-model.ts';
import type { PullMark } from '../charts/plot-doubt.ts';
import type { Uncertainty } from '../core/uncertainty.ts';

interface Props {
  /** The exact optimum, drawn as a faint ghost boundary, or null. */
  ghost: Weights | null;
  /** The maximum-margin line (separable data without L2), dotted, or null. */
  maxMargin: Weights | null;
  /** The learning-rate race's boundaries (empty: none). */
  lanes: readonly LaneLine[];
  /** A file dropped onto the plot (CSV import). */
  onDropFile?: (file: File) => void;
  contours: boolean;
  /** The decision threshold's line p = t, or null for none. */
  threshold?: number | null;
  /** Gradient-pull halos of the training points (`[]`: none). */
  pulls?: readonly PullMark[];
  /** Their sum, the data term's gradient, drawn as the step it asks for (null: none). */
  pullSum?: Gradient | null;
  /** The 95 % band of plausible boundaries, or null. */
  band?: { u: Uncertainty; w: Weights } | null;
  /** Changes when new data is loaded: the axes re-fit then, and not while points are edited. */
  loadCount: number;
  points: PointSet;
  filter: SplitFilter;
  model: Weights | null;
  overlay: Overlay;
  handlers: PlotHandlers;
}

const NO_PULLS: readonly PullMark[] = [];

/** React host for the D3 data plot: owns the element and the chart's lifetime, nothing inside. */
export function DataPlotView({
  ghost,
  maxMargin,
  lanes,
  onDropFile,
  contours,
  threshold = null,
  pulls = NO_PULLS,
  pullSum = null,
  band = null,
  loadCount,
  points,
  filter,
  model,
  overlay,
  handlers,
}: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<DataPlot | null>(null);
  const [dropping, setDropping] = useState(false);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const plot = new DataPlot(host);
    plotRef.current = plot;
    const interaction = new PlotInteraction(plot, host, {
      onClick: (...a) => handlersRef.current.onClick(...a),
      onMove: (...a) => handlersRef.current.onMove(...a),
      onDelete: (...a) => handlersRef.current.onDelete(...a),
      onCursor: (...a) => handlersRef.current.onCursor(...a),
      onHover: (...a) => handlersRef.current.onHover(...a),
      onHold: (...a) => handlersRef.current.onHold(...a),
      edits: () => handlersRef.current.edits(),
    });
    const observer = new ResizeObserver(() => plot.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      interaction.destroy();
      plot.destroy();
      plotRef.current = null;
    };
  }, []);

  const lastLoad = useRef(loadCount);
  useEffect(() => {
    plotRef.current?.setPoints(points, filter, lastLoad.current !== loadCount);
    lastLoad.current = loadCount;
  }, [points, filter, loadCount]);
  useEffect(() => {
    // One redraw per animation frame at most, however often the model changes.
    const id = requestAnimationFrame(() => plotRef.current?.setModel(model));
    return () => cancelAnimationFrame(id);
  }, [model]);
  useEffect(() => plotRef.current?.setOverlay(overlay), [overlay, points, filter]);
  useEffect(() => plotRef.current?.setContours(contours), [contours]);
  useEffect(() => plotRef.current?.setThreshold(threshold), [threshold]);
  useEffect(() => {
    const id = requestAnimationFrame(() => plotRef.current?.setPulls(pulls, pullSum));
    return () => cancelAnimationFrame(id);
  }, [pulls, pullSum]);
  useEffect(() => plotRef.current?.setBand(band), [band]);
  useEffect(() => plotRef.current?.setGhost(ghost), [ghost]);
  useEffect(() => plotRef.current?.setMaxMargin(maxMargin), [maxMargin]);
  useEffect(() => plotRef.current?.setLanes(lanes), [lanes]);

  return (
    <div
      className={dropping ? 'plot-host drop-target' : 'plot-host'}
      ref={hostRef}
      onDragOver={(e) => {
        if (!onDropFile || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => {
        setDropping(false);
        const file = e.dataTransfer.files[0];
        if (!onDropFile || !file) return;
        e.preventDefault();
        onDropFile(file);
      }}
      role="application"
      aria-label="Data plot"
      aria-roledescription="scatter plot"
      aria-describedby="data-plot-summary data-plot-keys"
      tabIndex={0}
    >
      {/* The point under the crosshair, read out to a screen reader as the plot shows it. */}
      <p className="visually-hidden" role="status" aria-label="Point readout">
        {overlay.tip?.lines.join('. ') ?? ''}
      </p>
    </div>
  );
}
