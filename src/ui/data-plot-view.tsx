import { useEffect, useRef } from 'react';
import type { Weights } from '../core/maths.ts';
import { DataPlot, type Overlay, type PlotPoint, type SplitFilter } from '../charts/data-plot.ts';
import { PlotInteraction, type PlotHandlers } from '../charts/plot-interaction.ts';

interface Props {
  contours: boolean;
  /** Changes when new data is loaded: the axes re-fit then, and not while points are edited. */
  loadCount: number;
  points: readonly PlotPoint[];
  filter: SplitFilter;
  model: Weights | null;
  overlay: Overlay;
  summary: string;
  handlers: PlotHandlers;
}

/** React host for the D3 data plot: owns the element and the chart's lifetime, nothing inside. */
export function DataPlotView({
  contours,
  loadCount,
  points,
  filter,
  model,
  overlay,
  summary,
  handlers,
}: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<DataPlot | null>(null);
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

  return (
    <div
      className="plot-host"
      ref={hostRef}
      role="application"
      aria-label="Data plot"
      aria-roledescription="scatter plot"
      aria-describedby="data-plot-summary data-plot-keys"
      tabIndex={0}
    >
      <p id="data-plot-summary" className="visually-hidden">
        {summary}
      </p>
    </div>
  );
}
