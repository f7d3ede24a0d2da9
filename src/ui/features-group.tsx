import { FEATURE_INFO, hasFeature, QUAD_FEATURES, withFeature } from '../core/features.ts';
import type { FeatureSet } from '../core/features.ts';

interface Props {
  features: FeatureSet;
  onChange: (features: FeatureSet) => void;
}

/**
 * The model's features: x1 and x2 always, and the checkboxes x1², x2², x1·x2. A change makes
 * another model, so its run starts afresh.
 */
export function FeaturesGroup({ features, onChange }: Props) {
  return (
    <fieldset className="features" aria-describedby="features-note">
      <legend>Features</legend>
      <span className="always-on">x1, x2</span>
      {QUAD_FEATURES.map((f) => (
        <label key={f} className="check">
          <input
            type="checkbox"
            checked={hasFeature(features, f)}
            onChange={(e) => onChange(withFeature(features, f, e.currentTarget.checked))}
          />
          {FEATURE_INFO[f].label}
        </label>
      ))}
      <p id="features-note" className="hint">
        x1 and x2 are always in the model. Each feature adds a weight; the model stays linear in its
        features, so the boundary can curve. Changing them starts a new run.
      </p>
    </fieldset>
  );
}
