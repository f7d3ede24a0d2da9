/**
 * What the page shows of the worker, derived from the client's state and the inputs on screen:
 * a result computed for other data, another L2 or other features — the optimum, the max-margin line, a loss grid,
 * race lanes, a divergence of an earlier run — is left out, and `solving` says an answer is due.
 */
import { featureSetOfWeights, NO_FEATURES, type FeatureSet } from '../core/features.ts';
import type { MaxMargin } from '../core/max-margin.ts';
import type {
  Diverged,
  EngineStatus,
  HistoryPoint,
  LrMark,
  OptimumResult,
  Report,
  Snapshot,
  SurfaceResult,
} from '../worker/protocol.ts';
import type { RaceView } from './race-view.ts';
import type { ClientState } from './trainer-client.ts';

export interface TrainerView {
  engine: EngineStatus | null;
  snapshot: Snapshot | null;
  epochsPerSecond: number;
  running: boolean;
  /** The loss curve of the current run, oldest first. */
  history: HistoryPoint[];
  reports: Report[];
  /** Learning-rate changes during the current run. */
  marks: LrMark[];
  notices: string[];
  /** The current run paused itself (too large a learning rate). */
  diverged: Diverged | null;
  done: boolean;
  /** The exact optimum for the data and L2 on screen, or why there is none; null while solving. */
  optimum: OptimumResult | null;
  /** The optimum for the inputs on screen is still being solved. */
  solving: boolean;
  /** The maximum-margin line, when the data on screen are separable and L2 = 0. */
  maxMargin: MaxMargin | null;
  /** The latest loss surface over (w1, w2) for the data and L2 on screen. */
  surface: SurfaceResult | null;
  /** The learning-rate race on the data on screen, once one was started. */
  race: RaceView | null;
  /** The last race ran on other data (it stopped when the data changed): it is not shown. */
  raceEnded: boolean;
}

/** The inputs on screen: the data version and L2 a result must have been computed for. */
export interface Basis {
  data: number;
  l2: number;
  /** The model's features on screen (absent: the straight-line model). */
  features?: FeatureSet;
}

/** Whether a loss-curve point was computed on the inputs on screen. */
export const onBasis = (h: Pick<HistoryPoint, 'data' | 'l2'>, b: Basis): boolean =>
  h.data === b.data && h.l2 === b.l2;

export function viewOf(s: ClientState, basis: Basis): TrainerView {
  const w = s.worker;
  const opt = w?.optimum;
  const optimum =
    opt &&
    opt.data === basis.data &&
    opt.l2 === basis.l2 &&
    opt.features === (basis.features ?? NO_FEATURES)
      ? opt
      : null;
  const sameRun = w !== null && w.applied.run === s.run;
  const slice = s.surface?.spec.slice;
  const surface =
    s.surface &&
    s.surface.data === basis.data &&
    s.surface.spec.l2 === basis.l2 &&
    (slice ? featureSetOfWeights(slice.at) : NO_FEATURES) === (basis.features ?? NO_FEATURES)
      ? s.surface
      : null;
  return {
    engine: w?.engine ?? null,
    snapshot: s.snapshot,
    epochsPerSecond: s.epochsPerSecond,
    running: w?.running ?? false,
    history: s.history,
    reports: s.reports,
    marks: s.marks,
    notices: s.notices,
    diverged: sameRun ? w.diverged : null,
    done: sameRun ? w.done : false,
    optimum: optimum?.result ?? null,
    solving: optimum === null,
    maxMargin: optimum?.maxMargin ?? null,
    surface,
    race: s.race && s.race.data === basis.data ? s.race : null,
    raceEnded: s.race !== null && s.race.data !== basis.data,
  };
}
