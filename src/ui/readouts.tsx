import { useId } from 'react';
import type { Snapshot } from '../core/progress.ts';
import { fmtInt, fmtNum, fmtPct } from './format.ts';

interface Props {
  snapshot: Snapshot | null;
  epochsPerSecond: number;
}

/**
 * One labelled readout; `<output>` is labelable, and aria-live is off so it does not chatter.
 * Without an `id` it makes its own.
 */
export function Readout({ name, value, id }: { name: string; value: string; id?: string }) {
  const own = useId();
  id ??= own;
  return (
    <div className="readout">
      <label htmlFor={id}>{name}</label>
      <output id={id} aria-live="off">
        {value}
      </output>
    </div>
  );
}

/** The numbers of the current model, updated live. */
export function Readouts({ snapshot: s, epochsPerSecond }: Props) {
  const w = s?.weights;
  const items: [string, string, string][] = [
    ['Epoch', fmtInt(s?.epoch), 'ro-epoch'],
    ['Epochs per second', fmtInt(epochsPerSecond), 'ro-eps'],
    ['Train loss', fmtNum(s?.trainLoss), 'ro-train-loss'],
    ['Test loss', fmtNum(s?.testLoss), 'ro-test-loss'],
    ['Train accuracy', fmtPct(s?.trainAccuracy), 'ro-train-acc'],
    ['Test accuracy', fmtPct(s?.testAccuracy), 'ro-test-acc'],
    ['w1', fmtNum(w?.w1, 5), 'ro-w1'],
    ['w2', fmtNum(w?.w2, 5), 'ro-w2'],
    ['b', fmtNum(w?.b, 5), 'ro-b'],
    ['Gradient norm', fmtNum(s?.gradNorm, 3), 'ro-grad'],
  ];
  return (
    <div className="readouts">
      {items.map(([name, value, id]) => (
        <Readout key={id} id={id} name={name} value={value} />
      ))}
    </div>
  );
}

/** p = σ(w1·x1 + w2·x2 + b) with the current numbers. */
export function ModelFormula({ snapshot }: { snapshot: Snapshot | null }) {
  const w = snapshot?.weights ?? { w1: 0, w2: 0, b: 0 };
  const sign = (v: number) => (v < 0 ? '−' : '+');
  return (
    <p className="formula" aria-label="Model">
      p(blue) = σ(<span className="num">{fmtNum(w.w1)}</span>·x1 {sign(w.w2)}{' '}
      <span className="num">{fmtNum(Math.abs(w.w2))}</span>·x2 {sign(w.b)}{' '}
      <span className="num">{fmtNum(Math.abs(w.b))}</span>)
    </p>
  );
}

/** The same model in words: where it says blue, and how sure it is one unit away. */
export function ModelInWords({ snapshot }: { snapshot: Snapshot | null }) {
  const w = snapshot?.weights;
  if (!w || (w.w1 === 0 && w.w2 === 0)) {
    return (
      <p className="in-words">
        With w = 0 the model says p = {fmtNum(w ? 1 / (1 + Math.exp(-w.b)) : 0.5, 3)} everywhere:
        there is no boundary yet.
      </p>
    );
  }
  const norm = Math.hypot(w.w1, w.w2);
  return (
    <p className="in-words">
      The model says blue where {fmtNum(w.w1)}·x1 {w.w2 < 0 ? '−' : '+'} {fmtNum(Math.abs(w.w2))}
      ·x2 &gt; {fmtNum(-w.b)}, red elsewhere. The boundary is a line; one unit across it the odds
      change {fmtNum(Math.exp(norm), 3)}-fold.
    </p>
  );
}
