import { useEffect, useRef, useState } from 'react';
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
  const [readout, setReadout] = useState<string | null>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const plot = new LossPlot(host, setReadout);
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
    <>
      <div
        className="loss-host"
        ref={hostRef}
        role="application"
        aria-roledescription="line chart"
        aria-label="Loss plot"
        aria-describedby="loss-plot-summary loss-plot-keys"
        tabIndex={0}
      >
        <p id="loss-plot-summary" className="visually-hidden">
          {summary}
        </p>
        <p id="loss-plot-keys" className="visually-hidden">
          Left and right arrows read the recorded epochs one by one; Home and End jump to the first
          and the last.
        </p>
        <p className="visually-hidden" role="status" aria-label="Loss readout">
          {readout ?? ''}
        </p>
      </div>
      <LossLegend gap={optimum !== null} marks={marks.length > 0} lanes={lanes.length > 0} />
    </>
  );
}

/** What each line of the loss plot is. */
function LossLegend({ gap, marks, lanes }: { gap: boolean; marks: boolean; lanes: boolean }) {
  const items: [string, string, string][] = [
    ['train', 'train loss', 'none'],
    ['test', 'test loss', '5 3'],
    ...(gap
      ? ([['gap', 'J − J*: gap to the exact optimum', '2 3']] as [string, string, string][])
      : []),
    ...(marks ? ([['lr', 'learning rate changed', '2 3']] as [string, string, string][]) : []),
  ];
  return (
    <ul className="legend loss-legend" aria-label="Loss plot legend">
      {items.map(([key, text, dash]) => (
        <li key={key}>
          <svg width="26" height="14" aria-hidden="true" className={`loss-swatch ${key}`}>
            {key === 'lr' ? (
              <line x1="13" x2="13" y1="1" y2="13" strokeDasharray={dash} />
            ) : (
              <line x1="1" x2="25" y1="7" y2="7" strokeDasharray={dash} />
            )}
          </svg>
          {text}
        </li>
      ))}
      {lanes && <li>coloured: race lanes (see the race table)</li>}
    </ul>
  );
}
