import { useEffect, useRef } from 'react';
import type { HistoryPoint } from '../core/progress.ts';
import { LossPlot, type LossLane } from '../charts/loss-plot.ts';

/** React host for the D3 loss plot. */
export function LossPlotView({
  optimum,
  history,
  marker,
  marks,
  lanes,
  logEpochs,
  summary,
}: {
  /** J* and the data version and L2 it is for (the gap J − J* is drawn on those points only). */
  optimum: { objective: number; data: number; l2: number } | null;
  history: readonly HistoryPoint[];
  /** Time travel: the replayed epoch, marked by a vertical line; null when live. */
  marker: number | null;
  /** Learning-rate changes: epoch and new rate. */
  marks: readonly { epoch: number; lr: number }[];
  /** Learning-rate race curves. */
  lanes: readonly LossLane[];
  logEpochs: boolean;
  summary: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<LossPlot | null>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const plot = new LossPlot(host);
    plotRef.current = plot;
    const observer = new ResizeObserver(() => plot.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, []);
  useEffect(() => {
    const id = requestAnimationFrame(() => plotRef.current?.setHistory(history));
    return () => cancelAnimationFrame(id);
  }, [history]);
  useEffect(() => plotRef.current?.setLogEpochs(logEpochs), [logEpochs]);
  useEffect(() => plotRef.current?.setOptimum(optimum), [optimum]);
  useEffect(() => plotRef.current?.setMarker(marker), [marker]);
  useEffect(() => plotRef.current?.setMarks(marks), [marks]);
  useEffect(() => plotRef.current?.setLanes(lanes), [lanes]);
  return (
    <div
      className="loss-host"
      ref={hostRef}
      role="img"
      aria-label="Loss plot"
      aria-describedby="loss-plot-summary"
    >
      <p id="loss-plot-summary" className="visually-hidden">
        {summary}
      </p>
    </div>
  );
}
