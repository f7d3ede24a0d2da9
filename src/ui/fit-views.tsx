/**
 * Two more ways to read the fitted model: its log-odds (every point at its own logit on the
 * logistic curve, and the weights as odds ratios) and its calibration (a reliability diagram and
 * the Brier score, for the training and the test points).
 */
import { isLinear } from '../core/features.ts';
import { useEffect, useId, useMemo, useRef } from 'react';
import { brierScore, calibration, type Curve, type Scored } from '../core/decisions.ts';
import type { Weights } from '../core/maths.ts';
import { CurvePlot } from '../charts/curve-plot.ts';
import { LogitPlot } from '../charts/logit-plot.ts';
import { fmtNum } from './format.ts';
import { Readout } from './readouts.tsx';

/** A reliability diagram's bins as a curve (mean predicted p → observed share of blue). */
function reliability(s: Scored): Curve | null {
  const bins = calibration(s);
  if (bins.length === 0) return null;
  return {
    x: bins.map((b) => b.meanPredicted),
    y: bins.map((b) => b.fractionBlue),
    thresholds: bins.map(() => Number.NaN),
  };
}

/** The bins in words, for a screen reader. */
function binsInWords(name: string, s: Scored): string {
  const bins = calibration(s);
  if (bins.length === 0) return `${name}: no points.`;
  return `${name}: ${bins
    .map(
      (b) =>
        `p ${b.low.toFixed(1)} to ${b.high.toFixed(1)}: ${b.count} points, mean p ${fmtNum(b.meanPredicted, 2)}, ${(b.fractionBlue * 100).toFixed(0)} % blue`,
    )
    .join('; ')}.`;
}

export function CalibrationView({ train, test }: { train: Scored; test: Scored }) {
  const binsId = useId();
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<CurvePlot | null>(null);
  useEffect(() => {
    const p = new CurvePlot(
      host.current!,
      { x: 'mean predicted p(blue)', y: 'share that is blue' },
      null,
      { diagonal: true },
    );
    plot.current = p;
    return () => p.destroy();
  }, []);
  const curves = useMemo(
    () => ({
      train: reliability(train),
      test: reliability(test),
      marks: { train: null, test: null },
    }),
    [train, test],
  );
  useEffect(() => plot.current?.set(curves), [curves]);
  return (
    <section className="calibration" aria-label="Calibration">
      <h2>Calibration: does p mean what it says?</h2>
      <div className="curves">
        <figure className="curve-figure">
          <div ref={host} role="img" aria-label="Reliability diagram" aria-describedby={binsId} />
          <figcaption>
            Reliability diagram, 10 bins of p: training solid, test dashed. On the dotted diagonal,
            of the points given p = 0.7 about 70 % are blue.
          </figcaption>
          <p id={binsId} className="visually-hidden">
            {binsInWords('Training', train)} {binsInWords('Test', test)}
          </p>
        </figure>
        <div className="readouts">
          <Readout name="Brier score (train)" value={fmtNum(brierScore(train), 4)} />
          <Readout name="Brier score (test)" value={fmtNum(brierScore(test), 4)} />
        </div>
      </div>
    </section>
  );
}

/** "one unit more x1 multiplies the odds of blue by e^w1 = 3.03" (or divides them). */
export function oddsInWords(w: Weights): string[] {
  if (!isLinear(w)) {
    // The change of the log-odds for one unit more x1: w1 (+ w11·(2·x1 + 1)) (+ w12·x2).
    const terms = (own: string, sq: 'w11' | 'w22', cross: string) =>
      [
        own,
        w[sq] !== undefined ? `${sq}·(2·${own === 'w1' ? 'x1' : 'x2'} + 1)` : '',
        w.w12 !== undefined ? `w12·${cross}` : '',
      ]
        .filter(Boolean)
        .join(' + ');
    return [
      `With features on, one unit more x1 changes the log-odds by ${terms('w1', 'w11', 'x2')}, and one unit more x2 by ${terms('w2', 'w22', 'x1')}: it depends on where you are, so there is no single odds ratio per unit of x1 or x2.`,
    ];
  }
  return (['w1', 'w2'] as const).map((k) => {
    const name = k === 'w1' ? 'x1' : 'x2';
    const ratio = Math.exp(w[k]);
    return `One unit more ${name} multiplies the odds of blue, p/(1 − p), by e^${k} = ${fmtNum(ratio, 4)}${ratio < 1 ? ` (divides them by ${fmtNum(1 / ratio, 4)})` : ''}.`;
  });
}

export function LogOddsView({
  train,
  logits,
  model,
  threshold,
}: {
  train: Scored;
  /** Each training point's logit z = w·x + b, in the order of `train`. */
  logits: ArrayLike<number>;
  model: Weights;
  threshold: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<LogitPlot | null>(null);
  useEffect(() => {
    const el = host.current!;
    const p = new LogitPlot(el, Math.max(260, Math.min(460, el.clientWidth || 460)));
    plot.current = p;
    return () => p.destroy();
  }, []);
  useEffect(() => {
    const id = requestAnimationFrame(() => plot.current?.set(logits, train.labels, threshold));
    return () => cancelAnimationFrame(id);
  }, [logits, train, threshold]);
  return (
    <section className="log-odds" aria-label="Log-odds">
      <h2>Log-odds and odds</h2>
      <figure className="logit-figure">
        <div ref={host} role="img" aria-label="Log-odds plot" />
        <figcaption>
          Every training point at its log-odds z = w·φ(x) + b (φ: the features) on the curve p =
          σ(z): blue points along the top, red along the bottom; the vertical line is the threshold.
          Blue points far right and red points far left are explained with confidence; the ones
          across the line are the errors.
        </figcaption>
      </figure>
      <p aria-label="Odds ratios">
        {oddsInWords(model).join(' ')} The odds at x = 0 are e^b = {fmtNum(Math.exp(model.b), 4)}.
      </p>
    </section>
  );
}
