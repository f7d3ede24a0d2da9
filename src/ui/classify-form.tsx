import { useId, useState, type FormEvent } from 'react';
import type { Prediction } from '../core/metrics.ts';
import { parseNumberInput } from '../core/number-input.ts';
import { classificationText } from './point-readout.ts';
import { fmtNum } from './format.ts';

interface Props {
  probe: { x1: number; x2: number } | null;
  prediction: Prediction | null;
  /** The 95 % interval of p(blue) at the point (at the exact MLE), when known. */
  interval?: { low: number; high: number } | null;
  onClassify: (x1: number, x2: number) => void;
  onClear: () => void;
}

/** Coordinates far beyond any plot are still classified; only non-numbers are refused. */
const COORDINATE = { min: -1e12, max: 1e12 };

/** Type coordinates to classify, and read the live classification of the marked point. */
export function ClassifyForm({ probe, prediction, interval, onClassify, onClear }: Props) {
  const id = useId();
  const [x1, setX1] = useState('1');
  const [x2, setX2] = useState('1');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = parseNumberInput(x1, COORDINATE);
    const b = parseNumberInput(x2, COORDINATE);
    if (!a.ok) return setError(`Classify x1: ${a.why}`);
    if (!b.ok) return setError(`Classify x2: ${b.why}`);
    setError('');
    onClassify(a.value, b.value);
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
          ? classificationText(probe.x1, probe.x2, prediction) +
            (interval
              ? `; 95 % interval of p(blue) at the exact fit: ${fmtNum(interval.low, 3)} … ${fmtNum(interval.high, 3)}`
              : '')
          : 'No point classified yet.'}
      </p>
    </form>
  );
}
