import { useId, useState } from 'react';
import { parseNumberInput } from '../core/number-input.ts';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  hint?: string;
  onCommit: (v: number) => void;
}

/**
 * A labelled number input that applies only valid values and says, in words, what is wrong with
 * an invalid one — echoing exactly what was typed (a text input: a browser's number input would
 * hand over "" for "abc") — keeping the last valid value in force meanwhile.
 */
export function NumberField({ label, value, min, max, integer, hint, onCommit }: Props) {
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
    const r = parseNumberInput(raw, { min, max, integer });
    if (!r.ok) return setError(`${label}: ${r.why}`);
    setError('');
    if (r.value !== value) onCommit(r.value);
    else setText(String(value)); // "0.010" for 0.01: applied, so shown as the value it is
  };
  // Typed but not applied (no Enter, no blur yet): marked, and Ctrl+Z undoes the typing. Applied,
  // Ctrl+Z is the app's undo of the change it made (use-shortcuts.ts reads data-applied).
  const applied = text === String(value) && !error;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        className={applied ? undefined : 'draft'}
        title={applied || error ? undefined : 'Not applied yet: Enter applies it'}
        data-applied={applied || undefined}
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
