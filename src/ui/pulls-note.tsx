import type { Gradient } from '../core/maths.ts';
import { fmtInt, fmtNum } from './format.ts';
import { MAX_PULL_MARKS } from './use-decisions.ts';

/**
 * What the gradient-pull halos add up to: Σᵢ (pᵢ − yᵢ)·(x1ᵢ, x2ᵢ, 1)/n = ∇J of the data term — the
 * parameter-space arrow is minus its (w1, w2) part — and the largest single pull.
 */
export function PullsNote({
  sum,
  largest,
  tooMany,
  features = false,
}: {
  sum: Gradient;
  largest: number;
  tooMany: boolean;
  /** The model has quadratic features (the sum shown is its (w1, w2, b) part). */
  features?: boolean;
}) {
  return (
    <p className="pulls-note" aria-label="Gradient pulls">
      Each training point pulls the weights by (p − y)·(x1, x2, 1)/n: the halo grows with |p − y|,
      and the 5 strongest are ringed.{' '}
      {tooMany ? `(Halos are drawn for at most ${fmtInt(MAX_PULL_MARKS)} training points.) ` : ''}
      Their sum is the gradient of the mean loss: ∇J = (
      <output aria-label="Sum of the pulls" aria-live="off">
        {fmtNum(sum.g1)}, {fmtNum(sum.g2)}, {fmtNum(sum.gb)}
      </output>
      )
      {features ? ' — the (w1, w2, b) part; with features each point also pulls their weights' : ''}{' '}
      — the parameter-space arrow points along −(g1, g2) (with L2 &gt; 0 the penalty adds l2·w); the
      largest |p − y| is {fmtNum(largest, 3)}. On separable data it shrinks but never reaches 0, so
      the weights never stop growing.
    </p>
  );
}
