/**
 * What the decisions and uncertainty views need, derived on the page from the model shown: the
 * scores p(blue) of the training and the test points, and the standard errors at the exact
 * maximum-likelihood estimate (or why there are none). Computed only while the views are shown.
 */
import { useMemo } from 'react';
import type { Columns, Point } from '../core/dataset.ts';
import type { Scored } from '../core/decisions.ts';
import { sigmoid, type Weights } from '../core/maths.ts';
import { standardErrors } from '../core/uncertainty.ts';
import type { OptimumResult } from '../worker/protocol.ts';
import type { Doubt } from './uncertainty-panel.tsx';

const EMPTY: Scored = { scores: [], labels: [] };

function scoredOf(points: readonly Point[], split: 'train' | 'test', w: Weights): Scored {
  const own = points.filter((p) => p.split === split);
  return {
    scores: Float64Array.from(own, (p) => sigmoid(w.w1 * p.x1 + w.w2 * p.x2 + w.b)),
    labels: Uint8Array.from(own, (p) => p.label),
  };
}

export function useDecisions(
  on: boolean,
  points: readonly Point[],
  model: Weights | null,
  trainCols: Columns,
  optimum: OptimumResult | null,
  solving: boolean,
  l2: number,
) {
  const scored = useMemo(
    () =>
      on && model
        ? { train: scoredOf(points, 'train', model), test: scoredOf(points, 'test', model) }
        : { train: EMPTY, test: EMPTY },
    [on, points, model],
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
    const u = on ? standardErrors(trainCols, optimum.weights) : null;
    return u
      ? { kind: 'ok', at: optimum.weights, u }
      : { kind: 'none', why: 'The training points lie on one line: the fit is not determined.' };
  }, [on, l2, optimum, solving, trainCols]);
  return { ...scored, doubt };
}
