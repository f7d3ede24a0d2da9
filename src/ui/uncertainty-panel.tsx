import type { Uncertainty } from '../core/uncertainty.ts';
import type { Weights } from '../core/maths.ts';
import { fmtNum } from './format.ts';
import { Readout } from './readouts.tsx';

/** Standard errors at the maximum-likelihood estimate, or why there are none. */
export type Doubt = { kind: 'ok'; at: Weights; u: Uncertainty } | { kind: 'none'; why: string };

/**
 * "How sure": the standard errors of w1, w2 and b at the exact maximum-likelihood estimate (as
 * statsmodels' Logit reports them), their z-values and 95 % Wald intervals.
 */
export function UncertaintyPanel({ doubt }: { doubt: Doubt }) {
  if (doubt.kind === 'none')
    return (
      <section className="uncertainty" aria-label="Uncertainty">
        <h2>How sure is the fit?</h2>
        <p>{doubt.why}</p>
      </section>
    );
  const { at, u } = doubt;
  const keys = ['w1', 'w2', 'b'] as const;
  return (
    <section className="uncertainty" aria-label="Uncertainty">
      <h2>How sure is the fit?</h2>
      <p className="hint">
        At the exact maximum-likelihood estimate: standard errors from the curvature of the
        log-likelihood, √diag((AᵀWA)⁻¹), as statsmodels reports them; a classified point shows the
        95 % interval of its p(blue).
      </p>
      <div className="readouts">
        {keys.map((k) => (
          <Readout key={k} name={`SE ${k}`} value={fmtNum(u.se[k], 4)} />
        ))}
      </div>
      <table className="rates" aria-label="Estimates with 95 % intervals">
        <thead>
          <tr>
            <td />
            <th scope="col">Estimate</th>
            <th scope="col">z</th>
            <th scope="col">95 % interval</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{fmtNum(at[k], 5)}</td>
              <td>{fmtNum(u.z[k], 3)}</td>
              <td>
                {fmtNum(u.low[k], 4)} … {fmtNum(u.high[k], 4)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
