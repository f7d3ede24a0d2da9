import { useEffect, useId, useMemo, useRef } from 'react';
import {
  averagePrecision,
  confusionAt,
  prCurve,
  rates,
  rocAuc,
  rocCurve,
  type Confusion,
  type Scored,
} from '../core/decisions.ts';
import { CurvePlot, type CurveSet } from '../charts/curve-plot.ts';
import { fmtInt, fmtNum } from './format.ts';
import { Readout } from './readouts.tsx';

interface Props {
  threshold: number;
  onThreshold: (t: number) => void;
  /** p(blue) and labels of the training and the test points under the model shown. */
  train: Scored;
  test: Scored;
}

type Split = 'train' | 'test';

/** Everything the panel shows for one split at threshold t. */
function summarise(s: Scored, t: number) {
  const c = confusionAt(s, t);
  return {
    c,
    r: rates(c),
    fpr: c.fp + c.tn === 0 ? Number.NaN : c.fp / (c.fp + c.tn),
    n: c.tn + c.fp + c.fn + c.tp,
  };
}

/** Curves and areas: they do not depend on the threshold, only on the scores. */
function curves(s: Scored) {
  return { roc: rocCurve(s), pr: prCurve(s), auc: rocAuc(s), ap: averagePrecision(s) };
}

function ConfusionTable({ split, c }: { split: Split; c: Confusion }) {
  const name = `Confusion matrix (${split})`;
  return (
    <table className="confusion" aria-label={name}>
      <caption>{name}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">Predicted red</th>
          <th scope="col">Predicted blue</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Actual red</th>
          <td className="right">{fmtInt(c.tn)}</td>
          <td className="wrong">{fmtInt(c.fp)}</td>
        </tr>
        <tr>
          <th scope="row">Actual blue</th>
          <td className="wrong">{fmtInt(c.fn)}</td>
          <td className="right">{fmtInt(c.tp)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function CurveView({
  kind,
  data,
  onPick,
}: {
  kind: 'ROC curve' | 'Precision–recall curve';
  data: CurveSet;
  onPick: (t: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<CurvePlot | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });
  useEffect(() => {
    const titles =
      kind === 'ROC curve'
        ? { x: 'false-positive rate', y: 'true-positive rate (recall)' }
        : { x: 'recall', y: 'precision' };
    const p = new CurvePlot(host.current!, titles, (t) => pick.current(t));
    plot.current = p;
    return () => p.destroy();
  }, [kind]);
  useEffect(() => plot.current?.set(data), [data]);
  return (
    <figure className="curve-figure">
      <div ref={host} role="img" aria-label={kind} />
      <figcaption>
        {kind}: training solid, test dashed; dots at the threshold.
        {kind === 'ROC curve' ? ' Click or drag along it to set the threshold.' : ''}
      </figcaption>
    </figure>
  );
}

/**
 * "Decisions": the threshold t, and what deciding "blue when p(blue) ≥ t" does on each split —
 * confusion matrices, precision, recall, F1, accuracy — with the ROC and precision–recall curves
 * (the threshold marked) and their areas.
 */
export function DecisionsPanel({ threshold: t, onThreshold, train, test }: Props) {
  const id = useId();
  const all = {
    train: useMemo(() => curves(train), [train]),
    test: useMemo(() => curves(test), [test]),
  };
  const at = { train: summarise(train, t), test: summarise(test, t) };
  const roc: CurveSet = {
    train: all.train.roc,
    test: all.test.roc,
    marks: {
      train: Number.isFinite(at.train.fpr) ? [at.train.fpr, at.train.r.recall] : null,
      test: Number.isFinite(at.test.fpr) ? [at.test.fpr, at.test.r.recall] : null,
    },
  };
  const pr: CurveSet = {
    train: all.train.pr,
    test: all.test.pr,
    marks: {
      train:
        all.train.pr && at.train.c.tp + at.train.c.fp > 0
          ? [at.train.r.recall, at.train.r.precision]
          : null,
      test:
        all.test.pr && at.test.c.tp + at.test.c.fp > 0
          ? [at.test.r.recall, at.test.r.precision]
          : null,
    },
  };
  const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');
  return (
    <section className="decisions" aria-label="Decisions">
      <h2>Decisions at a threshold</h2>
      <div className="field threshold-field">
        <label htmlFor={id}>Threshold</label>
        <input
          id={id}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={t}
          aria-valuetext={`p(blue) ≥ ${fmtNum(t, 3)} is called blue`}
          onChange={(e) => onThreshold(Number(e.currentTarget.value))}
        />
        <output htmlFor={id} className="value" aria-hidden="true">
          {t.toFixed(2)}
        </output>
        <p className="field-hint">
          A point is called blue when p(blue) ≥ {t.toFixed(2)}; the dash-dot line on the plot. The
          solid line stays at p = 0.5.
        </p>
      </div>
      <div className="confusions">
        <ConfusionTable split="train" c={at.train.c} />
        <ConfusionTable split="test" c={at.test.c} />
      </div>
      <table className="rates" aria-label="Rates at the threshold">
        <thead>
          <tr>
            <td />
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {(['train', 'test'] as const).map((s) => (
            <tr key={s}>
              <th scope="row">{s === 'train' ? 'Training' : 'Test'}</th>
              <td>{pct(at[s].n ? at[s].r.precision : Number.NaN)}</td>
              <td>{pct(at[s].n ? at[s].r.recall : Number.NaN)}</td>
              <td>{pct(at[s].n ? at[s].r.f1 : Number.NaN)}</td>
              <td>{pct(at[s].n ? at[s].r.accuracy : Number.NaN)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="readouts">
        <Readout name="ROC AUC (train)" value={fmtNum(all.train.auc, 4)} />
        <Readout name="ROC AUC (test)" value={fmtNum(all.test.auc, 4)} />
        <Readout name="Average precision (train)" value={fmtNum(all.train.ap, 4)} />
        <Readout name="Average precision (test)" value={fmtNum(all.test.ap, 4)} />
      </div>
      <div className="curves">
        <CurveView kind="ROC curve" data={roc} onPick={onThreshold} />
        <CurveView kind="Precision–recall curve" data={pr} onPick={onThreshold} />
      </div>
    </section>
  );
}
