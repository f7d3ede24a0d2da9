import { toColumns } from '../core/dataset.ts';
import type { SessionState } from './session.ts';
import type { TrainerView } from './trainer-view.ts';

/**
 * The "Export model" document: w1, w2, b at full precision, the hyper-parameters, epoch, losses,
 * accuracies, the engine, and the exact float64 optimum when one exists (or why there is none) —
 * the worker's answer for the data and L2 on screen, the same one the page shows.
 */
export function buildModelDocument(session: SessionState, view: TrainerView) {
  const train = toColumns(session.points.filter((p) => p.split === 'train'));
  const ref = view.optimum;
  const s = view.snapshot;
  return {
    model:
      'binary logistic regression: p(blue) = sigmoid(w1*x1 + w2*x2 + b); red = class 0, blue = class 1',
    w1: s?.weights.w1 ?? 0,
    w2: s?.weights.w2 ?? 0,
    b: s?.weights.b ?? 0,
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
            w1: ref.weights.w1,
            w2: ref.weights.w2,
            b: ref.weights.b,
            objective: ref.objective,
            solver: 'float64 Newton',
          }
        : { none: ref.message },
  };
}
