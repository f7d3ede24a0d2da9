/**
 * What the decisions and uncertainty views need, derived on the page from the model shown: the
 * scores p(blue) of the training and the test points, and the standard errors at the exact
 * maximum-likelihood estimate (or why there are none). Computed only while the views are shown.
 */
import { useMemo } from 'react';
import type { Columns, SplitData } from '../core/dataset.ts';
import type { Scored } from '../core/decisions.ts';
import { logit, sigmoid, type Weights } from '../core/maths.ts';
import { standardErrors } from '../core/uncertainty.ts';
import { featureSetOfWeights, isLinear } from '../core/features.ts';
import { gradientPulls } from '../core/pulls.ts';
import type { PullMark } from '../charts/plot-doubt.ts';
import type { OptimumResult } from '../worker/protocol.ts';
import type { Doubt } from './uncertainty-panel.tsx';

/** Above this many points the decision views are recomputed only while training is paused. */
export const LIVE_MAX_POINTS = 50_000;

/** Scores with each point's logit too (for the log-odds view). */
export type ScoredLogits = Scored & { logits: Float64Array };

const EMPTY: ScoredLogits = { scores: [], labels: [], logits: new Float64Array(0) };

function scoredOf(c: Columns, w: Weights): ScoredLogits {
  const logits = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) logits[i] = logit(w, c.x1[i]!, c.x2[i]!);
  return { scores: logits.map(sigmoid), labels: Uint8Array.from(c.y), logits };
}

export function useDecisions(
  on: boolean,
  data: SplitData,
  model: Weights | null,
  optimum: OptimumResult | null,
  solving: boolean,
  l2: number,
  running: boolean,
) {
  // Sorting a million scores every frame would stall the page: large data update when paused.
  const trainCols = data.train;
  const waiting = running && data.train.n + data.test.n > LIVE_MAX_POINTS;
  const scored = useMemo(
    () =>
      on && model && !waiting
        ? { train: scoredOf(data.train, model), test: scoredOf(data.test, model) }
        : { train: EMPTY, test: EMPTY },
    [on, data, model, waiting],
  );
  const doubt = useMemo((): Doubt => {
    if (l2 > 0)
      return {
        kind: 'none',
        why: 'With an L2 penalty the estimate is shrunk toward 0, and the curvature of the likelihood no longer gives its spread: set L2 penalty to 0 for standard errors.',
      };
    if (!optimum)
      return {
        kind: 'none',
        why: solving ? 'Solving for the exact optimum of the points on screen…' : 'No data yet.',
      };
    if (optimum.status !== 'optimum')
      return {
        kind: 'none',
        why: `No finite maximum-likelihood estimate, so no standard errors: ${optimum.message}`,
      };
    if (!isLinear(optimum.weights) || featureSetOfWeights(optimum.weights) !== 'none')
      return {
        kind: 'none',
        why: 'Standard errors and the band of plausible boundaries are computed for the straight-line model (w1, w2, b) only: turn the features off to see them.',
      };
    const u = on ? standardErrors(trainCols, optimum.weights) : null;
    return u
      ? { kind: 'ok', at: optimum.weights, u }
      : { kind: 'none', why: 'The training points lie on one line: the fit is not determined.' };
  }, [on, l2, optimum, solving, trainCols]);
  return { ...scored, doubt, waiting };
}

/** Halos are drawn for at most this many training points (SVG, one circle each). */
export const MAX_PULL_MARKS = 2_000;

/**
 * The gradient pulls of the training points under the model shown, as the plot draws them, and
 * their sum (∇J of the data term). Computed only while the pulls are shown.
 */
export function usePulls(on: boolean, trainCols: Columns, model: Weights | null) {
  return useMemo(() => {
    if (!on || !model || trainCols.n === 0) return null;
    const p = gradientPulls(trainCols, model);
    const n = trainCols.n;
    const strong = new Set(p.strongest);
    const marks: PullMark[] =
      n > MAX_PULL_MARKS
        ? []
        : Array.from({ length: n }, (_, i) => ({
            x1: trainCols.x1[i]!,
            x2: trainCols.x2[i]!,
            label: trainCols.y[i] === 1 ? 1 : 0,
            strength: Math.abs(p.residual[i]!),
            strong: strong.has(i),
          }));
    let largest = 0;
    for (const r of p.residual) largest = Math.max(largest, Math.abs(r));
    return { marks, sum: p.sum, largest, tooMany: n > MAX_PULL_MARKS };
  }, [on, trainCols, model]);
}
