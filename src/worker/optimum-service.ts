/**
 * The exact optimum of the training objective, solved in the worker for the applied data and L2,
 * cached per (data version, L2, features) — undoing an L2 change shows the answer at once — and solved only
 * once no message waits: a drag's stream of new data is solved once, for where it stopped.
 */
import type { Columns } from '../core/dataset.ts';
import { NO_FEATURES, type FeatureSet } from '../core/features.ts';
import { maxMargin } from '../core/max-margin.ts';
import { solveReference } from '../core/reference-solver.ts';
import type { OptimumResult, OptimumState } from './protocol.ts';
import { fmtCount } from '../core/count.ts';

/** Largest training set the exact solver runs on (Newton is O(n) per step, the hull O(n log n)). */
export const OPTIMUM_MAX_N = 300_000;
/** Answers kept (each is a few numbers; the max-margin line holds two points). */
const CACHE_SIZE = 16;

/**
 * The optimum of `cols` with this L2 and these features, or why there is none, and the max-margin
 * line if the straight-line model's data are separable (with features there is no such line).
 */
export function solveOptimum(
  data: number,
  cols: Columns,
  l2: number,
  features: FeatureSet = NO_FEATURES,
): OptimumState {
  const result: OptimumResult =
    cols.n > OPTIMUM_MAX_N
      ? {
          status: 'skipped',
          message: `The exact solver is not run on more than ${fmtCount(OPTIMUM_MAX_N)} training points.`,
        }
      : solveReference(cols, l2, { features });
  const separable =
    result.status === 'no-finite-optimum' &&
    result.reason === 'separable' &&
    features === NO_FEATURES;
  return { data, l2, features, result, maxMargin: separable ? maxMargin(cols) : null };
}

export interface OptimumHost {
  defer(fn: () => void): void;
  /** Whether messages wait: solving then waits for them (they may change the data again). */
  busy(): boolean;
  /** What to solve now: the applied data version, its training columns, and L2. */
  want(): { data: number; cols: Columns; l2: number; features: FeatureSet };
  /** A new answer is in the cache. */
  solved(): void;
}

export class OptimumService {
  private readonly cache = new Map<string, OptimumState>();
  private scheduled = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly host: OptimumHost) {}

  /** The answer for this data version, L2 and features, or null while it is being solved. */
  current(data: number, l2: number, features: FeatureSet = NO_FEATURES): OptimumState | null {
    return this.cache.get(`${data}:${l2}:${features}`) ?? null;
  }

  /** Solves for the current inputs soon, unless the answer is known or messages wait. */
  schedule(): void {
    const { data, l2, features } = this.host.want();
    if (this.current(data, l2, features) || this.scheduled) return this.settled();
    this.scheduled = true;
    this.host.defer(() => {
      this.scheduled = false;
      if (this.host.busy()) return this.settled(); // the inbox schedules again when it is done
      const want = this.host.want();
      const key = `${want.data}:${want.l2}:${want.features}`;
      if (!this.cache.has(key)) {
        this.cache.set(key, solveOptimum(want.data, want.cols, want.l2, want.features));
        if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      }
      this.host.solved();
      this.settled();
    });
  }

  /** Resolves once no solve is scheduled (tests). */
  idle(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private settled(): void {
    if (this.scheduled) return;
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }
}
