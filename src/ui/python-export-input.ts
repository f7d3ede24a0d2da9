import type { PythonExportInput } from '../core/python-export.ts';
import { restrictWeights } from '../core/features.ts';
import { TUTORIAL } from '../core/presets.ts';
import type { SessionState } from './session.ts';
import type { TrainerView } from './trainer-view.ts';

/**
 * What "Export as Python" writes, from the session and the trainer: the app's split, its
 * hyper-parameters, the weights the current run started from (its epoch-0 snapshot), where it is
 * now, and the exact optimum when there is one. The classify marker, if set, is the new point;
 * otherwise the tutorial's (1, 1).
 */
export function pythonExportInput(session: SessionState, view: TrainerView): PythonExportInput {
  const pick = (split: 'train' | 'test') =>
    session.points.filter((p) => p.split === split).map(({ x1, x2, label }) => ({ x1, x2, label }));
  const first = view.history[0];
  const s = view.snapshot;
  const precision = view.engine?.precision === 'float32' ? 'float32' : 'float64';
  return {
    train: pick('train'),
    test: pick('test'),
    hyper: session.hyper,
    initial:
      first && first.epoch === 0
        ? first.weights
        : restrictWeights({ w1: 0, w2: 0, b: 0 }, session.hyper.features),
    app:
      s && s.epoch > 0
        ? {
            epoch: s.epoch,
            weights: s.weights,
            engine: view.engine?.engine ?? 'unknown',
            precision,
          }
        : null,
    optimum: view.optimum?.status === 'optimum' ? view.optimum.weights : null,
    newPoint: session.probe ?? TUTORIAL.newPoint,
  };
}
