import { useId, useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number | 'any';
  integer?: boolean;
  hint?: string;
  onCommit: (v: number) => void;
}

/**
 * A labelled number input that applies only valid values and says, in words, what is wrong with
 * an invalid one (with the bad value), keeping the last valid value in force meanwhile.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step = 'any',
  integer,
  hint,
  onCommit,
}: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState('');
  // When the value changes from outside (a preset, the recipe), show it: React's documented
  // "adjust state while rendering" pattern, not an effect.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
    setError('');
  }

  const commit = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v))
      return setError(`${label}: "${raw}" is not a number.`);
    if (v < min || v > max) return setError(`${label}: ${raw} is outside ${min} … ${max}.`);
    if (integer && !Number.isInteger(v)) return setError(`${label}: ${raw} is not a whole number.`);
    setError('');
    if (v !== value) onCommit(v);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
      {(error || hint) && (
        <span
          id={`${id}-msg`}
          className={error ? 'field-error' : 'field-hint'}
          role={error ? 'alert' : undefined}
        >
          {error || hint}
        </span>
      )}
    </div>
  );
}
