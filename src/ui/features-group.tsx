import { FEATURE_INFO, hasFeature, QUAD_FEATURES, withFeature } from '../core/features.ts';
import type { FeatureSet } from '../core/features.ts';

interface Props {
  features: FeatureSet;
  onChange: (features: FeatureSet) => void;
  standardize: boolean;
  onStandardize: (on: boolean) => void;
}

/**
 * The model's features: x1 and x2 always, and the checkboxes x1², x2², x1·x2. A change makes
 * another model, so its run starts afresh.
 */
export function FeaturesGroup({ features, onChange, standardize, onStandardize }: Props) {
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
      <label className="check standardize">
        <input
          type="checkbox"
          checked={standardize}
          aria-describedby="standardize-note"
          onChange={(e) => onStandardize(e.currentTarget.checked)}
        />
        Standardize features
      </label>
      <p id="features-note" className="hint">
        x1 and x2 are always in the model. Each feature adds a weight; the model stays linear in its
        features, so the boundary can curve. Changing them starts a new run.
      </p>
      <p id="standardize-note" className="hint">
        Standardize: descent runs on each feature shifted to mean 0 and scaled to SD 1 over the
        training points, so squares like x1² stop stretching the loss into a long, narrow valley and
        one learning rate suits every weight. The weights shown are converted back to the raw
        features (w_j = w′_j / SD_j, b = b′ − Σ w′_j·mean_j / SD_j): the model, its loss and the
        exact optimum are the same; only the path and the speed of descent change.
      </p>
    </fieldset>
  );
}
