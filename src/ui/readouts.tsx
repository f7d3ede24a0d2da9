import { useId } from 'react';
import {
  FEATURE_INFO,
  featureList,
  featureSetOfWeights,
  isLinear,
  type QuadFeature,
} from '../core/features.ts';
import type { Weights } from '../core/maths.ts';
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
    // With L2 the objective is the loss plus l2/2·‖w‖²: what J* (the exact optimum) measures.
    ...(s && (s.l2 ?? 0) > 0
      ? [['Objective J', fmtNum(s.objective), 'ro-objective'] as [string, string, string]]
      : []),
    ['Train accuracy', fmtPct(s?.trainAccuracy), 'ro-train-acc'],
    ['Test accuracy', fmtPct(s?.testAccuracy), 'ro-test-acc'],
    ['w1', fmtNum(w?.w1, 5), 'ro-w1'],
    ['w2', fmtNum(w?.w2, 5), 'ro-w2'],
    ...featureList(w ? featureSetOfWeights(w) : 'none').map((f): [string, string, string] => {
      const k = FEATURE_INFO[f].weight;
      return [k, fmtNum(w?.[k], 5), `ro-${k}`];
    }),
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

/** The model's terms with their weights: [weight, feature label] for w1·x1, w2·x2, w11·x1², … */
export function modelTerms(w: Weights): [number, string][] {
  const quad = featureList(featureSetOfWeights(w)).map((f: QuadFeature): [number, string] => [
    w[FEATURE_INFO[f].weight] ?? 0,
    FEATURE_INFO[f].label,
  ]);
  return [[w.w1, 'x1'], [w.w2, 'x2'], ...quad];
}

/** p = σ(w1·x1 + w2·x2 [+ w11·x1² + …] + b) with the current numbers. */
export function ModelFormula({ snapshot }: { snapshot: Snapshot | null }) {
  const w = snapshot?.weights ?? { w1: 0, w2: 0, b: 0 };
  const sign = (v: number) => (v < 0 ? '−' : '+');
  const [first, ...rest] = modelTerms(w);
  return (
    <p className="formula" aria-label="Model">
      p(blue) = σ(<span className="num">{fmtNum(first![0])}</span>·{first![1]}
      {rest.map(([v, label]) => (
        <span key={label}>
          {' '}
          {sign(v)} <span className="num">{fmtNum(Math.abs(v))}</span>·{label}
        </span>
      ))}{' '}
      {sign(w.b)} <span className="num">{fmtNum(Math.abs(w.b))}</span>)
    </p>
  );
}

/** What kind of curve w11·x1² + w12·x1·x2 + w22·x2² + … = 0 is, from its discriminant. */
export function conicKind(w: Weights): string {
  const a = w.w11 ?? 0;
  const c = w.w22 ?? 0;
  const d = (w.w12 ?? 0) ** 2 - 4 * a * c;
  const scale = (w.w12 ?? 0) ** 2 + 4 * Math.abs(a * c) || 1;
  if (Math.abs(d) <= 1e-9 * scale) return 'a parabola (or a pair of parallel lines)';
  // Definite: far away the quadratic part wins, with the sign of w11 (and w22).
  if (d < 0) return a < 0 ? 'an ellipse, blue inside it' : 'an ellipse, red inside it';
  return 'a hyperbola (two branches)';
}

/** The same model in words: where it says blue, and how sure it is one unit away. */
export function ModelInWords({ snapshot }: { snapshot: Snapshot | null }) {
  const w = snapshot?.weights;
  if (!w || modelTerms(w).every(([v]) => v === 0)) {
    return (
      <p className="in-words">
        With w = 0 the model says p = {fmtNum(w ? 1 / (1 + Math.exp(-w.b)) : 0.5, 3)} everywhere:
        there is no boundary yet.
      </p>
    );
  }
  if (!isLinear(w)) {
    const terms = modelTerms(w)
      .map(
        ([v, label], i) =>
          `${i === 0 ? fmtNum(v) : `${v < 0 ? '−' : '+'} ${fmtNum(Math.abs(v))}`}·${label}`,
      )
      .join(' ');
    return (
      <p className="in-words">
        The model says blue where {terms} &gt; {fmtNum(-w.b)}, red elsewhere. It is still linear in
        its features, so the loss stays convex, but in the plane the boundary is a curve:{' '}
        {conicKind(w)}.
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
