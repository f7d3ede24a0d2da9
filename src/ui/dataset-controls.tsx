import { memo, useId } from 'react';
import { PRESETS, type PresetId, type PresetOptions } from '../core/datasets.ts';
import { RULES } from '../core/settings.ts';
import { NumberField } from './number-field.tsx';

interface Props {
  preset: { id: PresetId | 'custom' } & PresetOptions;
  onPreset: (patch: Partial<{ id: PresetId } & PresetOptions>) => void;
  onClear: () => void;
  /** Undo and redo of data changes (also Ctrl+Z, Ctrl+Shift+Z): a touch screen has no keys. */
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}

/** What the data set on screen is, in a sentence. */
export function presetAbout(id: PresetId | 'custom'): string {
  return id === 'custom' ? 'Your own points: click the plot to place them.' : PRESETS[id].about;
}

/**
 * "Dataset": a preset, its number of points, noise and seed (same seed, same points), Clear, and
 * Undo / Redo.
 */
export const DatasetControls = memo(function DatasetControls(p: Props) {
  const { preset, onPreset, onClear } = p;
  const id = useId();
  return (
    <div className="dataset" role="group" aria-label="Data set">
      <div className="field">
        <label htmlFor={id}>Dataset</label>
        <select
          id={id}
          value={preset.id}
          onChange={(e) => onPreset({ id: e.currentTarget.value as PresetId })}
        >
          {preset.id === 'custom' && <option value="custom">Your own points</option>}
          {(Object.keys(PRESETS) as PresetId[]).map((p) => (
            <option key={p} value={p}>
              {PRESETS[p].name}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        label="Points"
        value={preset.n}
        min={RULES.n.min}
        max={RULES.n.max}
        integer
        onCommit={(n) => onPreset({ n })}
      />
      <NumberField
        label="Noise"
        value={preset.noise}
        min={0.05}
        max={5}
        onCommit={(noise) => onPreset({ noise })}
      />
      <NumberField
        label="Seed"
        value={preset.seed}
        min={RULES.seed.min}
        max={RULES.seed.max}
        integer
        onCommit={(seed) => onPreset({ seed })}
      />
      <button type="button" onClick={onClear}>
        Clear
      </button>
      <span className="undo-redo">
        {(
          [
            ['Undo', '↶', 'Ctrl+Z', p.canUndo, p.onUndo],
            ['Redo', '↷', 'Ctrl+Shift+Z', p.canRedo, p.onRedo],
          ] as const
        ).map(([name, icon, keys, can, act]) => (
          <button
            key={name}
            type="button"
            disabled={!can}
            onClick={act}
            aria-label={name}
            title={`${name} (${keys})`}
          >
            <span aria-hidden="true">{icon}</span>
          </button>
        ))}
      </span>
    </div>
  );
});
