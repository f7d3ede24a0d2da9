import { useEffect, useMemo, useRef } from 'react';
import { gridMinimum, type WeightRange } from '../core/loss-surface.ts';
import type { Gradient } from '../core/maths.ts';
import { engineName } from '../core/settings.ts';
import { ParamPlot, type Lane, type W12 } from '../charts/param-plot.ts';
import type { SurfaceResult } from '../worker/protocol.ts';
import { fmtInt, fmtNum } from './format.ts';
import { gridLowestText } from './grid-lowest.ts';

interface Props {
  range: WeightRange;
  surface: SurfaceResult | null;
  /** The weights over training (up to the replayed snapshot when time-travelling). */
  path: readonly W12[];
  current: W12 | null;
  gradient: Gradient | null;
  optimum: W12 | null;
  lanes: readonly Lane[];
  /** The parameters spanning the plane (w1, w2 by default). */
  axes?: readonly [string, string];
  /** The parameters held, with their values, when the plane is a slice; null for (w1, w2) at b. */
  held?: readonly (readonly [string, number])[] | null;
  onSetWeights: (w1: number, w2: number, commit: boolean) => void;
}

/**
 * React host for the D3 parameter-space plot, with its caption: what the contours are, where the
 * grid is lowest, and what computed it. Keyboard: the arrow keys move (w1, w2).
 */
export function ParamSpaceView(p: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<ParamPlot | null>(null);
  const handlerRef = useRef(p.onSetWeights);
  useEffect(() => {
    handlerRef.current = p.onSetWeights;
  });
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const plot = new ParamPlot(host, { onSetWeights: (...a) => handlerRef.current(...a) });
    plotRef.current = plot;
    const observer = new ResizeObserver(() => plot.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, []);
  const { range, surface, path, current, gradient, optimum, lanes } = p;
  const [ax, ay] = p.axes ?? ['w1', 'w2'];
  useEffect(() => plotRef.current?.setAxisNames(ax, ay), [ax, ay]);
  useEffect(() => plotRef.current?.setRange(range), [range]);
  useEffect(() => {
    plotRef.current?.setSurface(surface && surface.values.length ? surface : null);
  }, [surface]);
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      plotRef.current?.setPath(path);
      plotRef.current?.setCurrent(current, gradient);
    });
    return () => cancelAnimationFrame(id);
  }, [path, current, gradient]);
  useEffect(() => plotRef.current?.setOptimum(optimum), [optimum]);
  useEffect(() => plotRef.current?.setLanes(lanes), [lanes]);

  const lowest = useMemo(
    () => (surface?.values.length ? gridMinimum(surface.values, surface.spec) : null),
    [surface],
  );
  const s = surface?.spec;
  return (
    <div className="param-panel">
      <div
        className="param-host"
        ref={hostRef}
        role="application"
        aria-label="Parameter space"
        aria-roledescription="contour plot"
        aria-describedby="param-caption param-keys"
        tabIndex={0}
      />
      <p id="param-caption" className="param-caption">
        {s && lowest ? (
          <>
            {p.held ? (
              <>
                A slice of the loss: contours of J over ({ax}, {ay}) with every other parameter held
                at its shown value ({p.held.map(([k, v]) => `${k} = ${fmtNum(v, 4)}`).join(', ')});
                black line: the path of descent projected onto this plane; arrow: −∇J along {ax} and{' '}
                {ay}.{' '}
              </>
            ) : (
              <>
                Contours of the loss J(w1, w2) at b = {fmtNum(s.b, 4)}; black line: the path of
                descent; arrow: −∇J, steepest descent (the next step, for plain SGD).{' '}
              </>
            )}
            <output aria-label="Lowest loss on the grid" aria-live="off">
              {gridLowestText(lowest, { size: s.size, n: surface!.n, total: surface!.total }, [
                ax,
                ay,
              ])}
            </output>
            . {s.size}×{s.size} grid × {fmtInt(surface!.n)} points by the{' '}
            {engineName(surface!.engine)} in{' '}
            <output aria-label="Grid compute time" aria-live="off">
              {fmtNum(surface!.ms, 2)} ms
            </output>
            {surface!.note ? ` (${surface!.note})` : ''}.
          </>
        ) : (
          'Computing the loss surface…'
        )}
      </p>
      <p id="param-keys" className="hint">
        Drag or click to set {ax} and {ay} (the others stay); arrow keys move them (Shift: further).
        {gradient && Number.isFinite(gradient.g1)
          ? ` ∇J = (${fmtNum(gradient.g1, 3)}, ${fmtNum(gradient.g2, 3)}).`
          : ''}
      </p>
    </div>
  );
}
