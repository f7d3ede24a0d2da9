import { useId, useState, type FormEvent } from 'react';
import type { Prediction } from '../core/metrics.ts';
import { fmtNum } from './format.ts';

interface Props {
  probe: { x1: number; x2: number } | null;
  prediction: Prediction | null;
  onClassify: (x1: number, x2: number) => void;
  onClear: () => void;
}

/** Type coordinates to classify, and read the live classification of the marked point. */
export function ClassifyForm({ probe, prediction, onClassify, onClear }: Props) {
  const id = useId();
  const [x1, setX1] = useState('1');
  const [x2, setX2] = useState('1');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = Number(x1);
    const b = Number(x2);
    if (x1.trim() === '' || x2.trim() === '' || !Number.isFinite(a) || !Number.isFinite(b)) {
      setError(`Both coordinates must be finite numbers (got "${x1}", "${x2}").`);
      return;
    }
    setError('');
    onClassify(a, b);
  };
  return (
    <form className="classify" onSubmit={submit} aria-label="Classify a point">
      <div className="field inline">
        <label htmlFor={`${id}-x1`}>Classify x1</label>
        <input
          id={`${id}-x1`}
          inputMode="decimal"
          value={x1}
          onChange={(e) => setX1(e.currentTarget.value)}
          size={6}
        />
      </div>
      <div className="field inline">
        <label htmlFor={`${id}-x2`}>Classify x2</label>
        <input
          id={`${id}-x2`}
          inputMode="decimal"
          value={x2}
          onChange={(e) => setX2(e.currentTarget.value)}
          size={6}
        />
      </div>
      <button type="submit">Classify point</button>
      {probe && (
        <button type="button" onClick={onClear}>
          Clear marker
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="classification" role="status" aria-label="Classification">
        {probe && prediction
          ? `(${fmtNum(probe.x1)}, ${fmtNum(probe.x2)}): p(blue) = ${fmtNum(prediction.p)} → ${prediction.label === 1 ? 'blue' : 'red'} (class ${prediction.label}), logit ${fmtNum(prediction.logit)}`
          : 'No point classified yet.'}
      </p>
    </form>
  );
}
