import { useId } from 'react';
import { fmtRate } from './format.ts';

/** Slider position is log10 of the rate: 1e-5 … 10. */
export const LR_MIN_LOG = -5;
export const LR_MAX_LOG = 1;
/** Keyboard step in log10 units: 20 steps per decade. */
const STEP = 0.05;

interface Props {
  value: number;
  onChange: (lr: number) => void;
}

/** The "Learning rate" slider: logarithmic, 1e-5 … 10, showing its value; applies live. */
export function LearningRateSlider({ value, onChange }: Props) {
  const id = useId();
  const pos = Math.log10(value);
  return (
    <div className="field lr-field">
      <label htmlFor={id}>Learning rate</label>
      <input
        id={id}
        type="range"
        min={LR_MIN_LOG}
        max={LR_MAX_LOG}
        step={STEP}
        value={Number.isFinite(pos) ? pos : -2}
        aria-valuetext={fmtRate(value)}
        onChange={(e) => {
          const lr = 10 ** Number(e.currentTarget.value);
          if (Number.isFinite(lr)) onChange(Number(lr.toPrecision(3)));
        }}
      />
      <output htmlFor={id} className="value" aria-hidden="true">
        {fmtRate(value)}
      </output>
    </div>
  );
}
