import { memo } from 'react';
import type { SplitFilter } from '../charts/data-plot.ts';
import type { ClickMode } from './session.ts';

interface Props {
  mode: ClickMode;
  show: SplitFilter;
  newSplit: 'train' | 'test';
  onMode: (m: ClickMode) => void;
  onShow: (s: SplitFilter) => void;
  onNewSplit: (s: 'train' | 'test') => void;
}

function Radios<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: [T, string][];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="radios">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v}>
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** What a click on the plot does, which split is shown, and where new points go. */
export const PlotToolbar = memo(function PlotToolbar(p: Props) {
  return (
    <div className="plot-toolbar">
      <Radios
        legend="Click adds"
        name="click-mode"
        value={p.mode}
        onChange={p.onMode}
        options={[
          ['red', 'Red point'],
          ['blue', 'Blue point'],
          ['classify', 'Classify'],
        ]}
      />
      <Radios
        legend="Show"
        name="show-split"
        value={p.show}
        onChange={p.onShow}
        options={[
          ['both', 'Train and test'],
          ['train', 'Train'],
          ['test', 'Test'],
        ]}
      />
      <Radios
        legend="New points join"
        name="new-split"
        value={p.newSplit}
        onChange={p.onNewSplit}
        options={[
          ['train', 'Training set'],
          ['test', 'Test set'],
        ]}
      />
    </div>
  );
});
