import { useId } from 'react';
import { fmtRate } from './format.ts';

/** Slider position is log10 of the rate: 1e-5 … 10. */
export const LR_MIN_LOG = -5;
export const LR_MAX_LOG = 1;
/** Keyboard step in log10 units: 20 steps per decade. */
const STEP = 0.05;

interface Props {
  value: number;
  /** The stable full-batch limit 2/L for the current data, or NaN when unknown. */
  maxStableLr: number;
  /** Whether the limit applies (full-batch plain SGD); otherwise it is only a guide. */
  fullBatch: boolean;
  onChange: (lr: number) => void;
}

/** The "Learning rate" slider: logarithmic, 1e-5 … 10, showing its value; applies live. */
export function LearningRateSlider({ value, maxStableLr, fullBatch, onChange }: Props) {
  const id = useId();
  const pos = Math.log10(value);
  const limitPos = Math.log10(maxStableLr);
  const safePct = Number.isFinite(limitPos)
    ? Math.min(100, Math.max(0, ((limitPos - LR_MIN_LOG) / (LR_MAX_LOG - LR_MIN_LOG)) * 100))
    : 100;
  const unsafe = Number.isFinite(maxStableLr) && value > maxStableLr;
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
        aria-valuetext={`${fmtRate(value)}${unsafe ? ', above the stable limit' : ''}`}
        aria-describedby={`${id}-gauge`}
        style={{ ['--safe' as string]: `${safePct}%` }}
        onChange={(e) => {
          const lr = 10 ** Number(e.currentTarget.value);
          if (Number.isFinite(lr)) onChange(Number(lr.toPrecision(3)));
        }}
      />
      <output htmlFor={id} className="value" aria-hidden="true">
        {fmtRate(value)}
      </output>
      <p id={`${id}-gauge`} className={unsafe ? 'gauge unsafe' : 'gauge'}>
        {Number.isFinite(maxStableLr)
          ? unsafe
            ? `Above the stable limit 2/L ≈ ${fmtRate(maxStableLr)} for full-batch descent on this data: the loss may bounce or climb${fullBatch ? '' : ' (a guide only for mini-batches, momentum and Adam)'}.`
            : `Stable for full-batch descent below 2/L ≈ ${fmtRate(maxStableLr)} (shaded beyond).`
          : 'Add points to see the stable range.'}
      </p>
    </div>
  );
}
