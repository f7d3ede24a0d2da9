import { featureLabels, restrictWeights, toTheta, type FeatureSet } from '../core/features.ts';
import type { Weights } from '../core/maths.ts';
import type { SessionState } from './session.ts';
import type { TrainerView } from './trainer-view.ts';

/** The model's formula as text, every active feature named. */
function formula(features: FeatureSet): string {
  const terms = featureLabels(features).map((f, i) => `w[${i}]*(${f})`);
  return `binary logistic regression: p(blue) = sigmoid(${terms.join(' + ')} + b), w = weights, aligned with features; red = class 0, blue = class 1`;
}

/** Weights as the document writes them: `weights` aligned with `features`, `b`, and w1, w2. */
function weightFields(w: Weights, features: FeatureSet) {
  const theta = toTheta(restrictWeights(w, features), features);
  return { weights: theta.slice(0, -1), b: w.b, w1: w.w1, w2: w.w2 };
}

/**
 * The "Export model" document: the features, their weights (`weights`, aligned with `features`;
 * and w1, w2 for the linear terms) and b at full precision, the hyper-parameters, epoch, losses,
 * accuracies, the engine, and the exact float64 optimum when one exists (or why there is none) —
 * the worker's answer for the data and L2 on screen, the same one the page shows.
 */
export function buildModelDocument(session: SessionState, view: TrainerView) {
  const train = session.points.split.train;
  const ref = view.optimum;
  const s = view.snapshot;
  const features = session.hyper.features;
  return {
    model: formula(features),
    features: featureLabels(features),
    ...weightFields(s?.weights ?? { w1: 0, w2: 0, b: 0 }, features),
    epoch: s?.epoch ?? 0,
    trainLoss: s?.trainLoss ?? null,
    testLoss: s?.testLoss ?? null,
    trainAccuracy: s?.trainAccuracy ?? null,
    testAccuracy: s?.testAccuracy ?? null,
    hyperParameters: session.hyper,
    engine: view.engine
      ? {
          id: view.engine.engine,
          precision: view.engine.precision,
          renderer: view.engine.renderer,
        }
      : null,
    points: { train: train.n, test: session.points.length - train.n },
    exactOptimum: !ref
      ? { none: 'The exact optimum for these points and L2 penalty is still being solved.' }
      : ref.status === 'optimum'
        ? {
            ...weightFields(ref.weights, features),
            objective: ref.objective,
            solver: 'float64 Newton',
          }
        : { none: ref.message },
  };
}
