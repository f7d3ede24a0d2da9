import { memo } from 'react';
/** A labelled checkbox that switches a view option on and off. */
export const Toggle = memo(function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(ev) => onChange(ev.currentTarget.checked)}
      />{' '}
      {label}
    </label>
  );
});
