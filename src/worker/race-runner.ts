/**
 * Runs a learning-rate race in the worker: K lanes trained at once on one race engine, in short
 * time slices (so training messages still get through), with each lane's objective sampled at
 * the same log-spaced epochs as the main loss curve and sent at most ~30 times a second.
 */
import type { Columns } from '../core/dataset.ts';
import { objective, type Weights } from '../core/maths.ts';
import { accuracy } from '../core/metrics.ts';
import { nextSampleEpoch } from './history.ts';
import type { TrainParams } from './engines/engine.ts';
import type {
  FromWorker,
  RaceEngineId,
  RaceLane,
  RaceLaneState,
  RacePoint,
  RaceStatus,
} from './protocol.ts';
import type { RaceEngine } from './race/race-engine.ts';
import { fmtCount } from '../core/count.ts';

/** What the runner needs from the worker. */
export interface RaceHost {
  post(msg: FromWorker): void;
  now(): number;
  defer(fn: () => void): void;
  /** The race engine threw (e.g. a lost WebGL context): it must not be reused. */
  engineFailed(engine: RaceEngine): void;
}

/** A race to run: data, shared parameters, lanes, the common start and the epoch budget. */
export interface RaceJob {
  /** The data version the lanes train on (the page hides lanes of other data). */
  data: number;
  raceId: number;
  train: Columns;
  params: TrainParams;
  lanes: readonly RaceLane[];
  init: Weights;
  epochs: number;
}

const SLICE_MS = 8;
const CHUNK_MS = 4;
const POST_MS = 33;

const finite = (w: Weights) => Object.values(w).every(Number.isFinite);

export class RaceRunner {
  private job: RaceJob | null = null;
  private engine: RaceEngine | null = null;
  private weights: Weights[] = [];
  private divergedAt: (number | null)[] = [];
  private epoch = 0;
  private nextSample = 0;
  private pending: RacePoint[] = [];
  private lastPost = -Infinity;
  private msPerEpoch = CHUNK_MS;
  private started = 0;
  private scheduled = false;
  /** Cost of the last message's lane metrics, ms. */
  private evalMs = 0;

  constructor(private readonly host: RaceHost) {}

  /** Whether a race is running. */
  get running(): boolean {
    return this.job !== null;
  }

  /** Starts `job` on `engine`, replacing any race in progress. */
  start(job: RaceJob, engine: RaceEngine): void {
    // First the engine, which may throw (bad lanes, a lost context): the runner is then untouched.
    // It checks before it changes anything, so a race in progress on the same engine goes on.
    engine.start(job.train, job.params, job.lanes, job.init);
    if (this.job) this.finish('stopped'); // the race it replaces ends visibly
    this.job = job;
    this.engine = engine;
    this.weights = job.lanes.map(() => ({ ...job.init }));
    this.divergedAt = job.lanes.map(() => null);
    this.epoch = 0;
    this.nextSample = 0;
    this.pending = [];
    this.msPerEpoch = CHUNK_MS;
    this.started = this.host.now();
    this.sample();
    this.post(true);
    this.schedule();
  }

  /** Stops the race (the last state is posted with status 'stopped'). */
  stop(): void {
    if (!this.job) return;
    this.finish('stopped');
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.defer(() => {
      this.scheduled = false;
      this.tick();
    });
  }

  private tick(): void {
    const job = this.job;
    const engine = this.engine;
    if (!job || !engine) return;
    const end = this.host.now() + SLICE_MS;
    while (this.epoch < job.epochs && this.host.now() < end) {
      const want = Math.max(1, Math.round(CHUNK_MS / this.msPerEpoch));
      const k = Math.max(1, Math.min(want, job.epochs - this.epoch, this.nextSample - this.epoch));
      const t0 = this.host.now();
      let next: Weights[];
      try {
        next = engine.run(k);
      } catch (error) {
        const what = error instanceof Error ? error.message : String(error);
        this.host.post({
          type: 'notice',
          message: `The race stopped at epoch ${fmtCount(this.epoch)}: its ${engine.id} engine failed (${what}). Start it again: a new engine is made.`,
        });
        this.host.engineFailed(engine);
        return this.finish('stopped');
      }
      this.msPerEpoch = 0.7 * this.msPerEpoch + 0.3 * Math.max(1e-5, (this.host.now() - t0) / k);
      this.epoch += k;
      next.forEach((w, i) => {
        if (!finite(w) && this.divergedAt[i] === null) this.divergedAt[i] = this.epoch;
      });
      this.weights = next;
      if (this.epoch >= this.nextSample) this.sample();
    }
    if (this.epoch >= job.epochs) return this.finish('finished');
    this.post(false);
    this.schedule();
  }

  private finish(status: RaceStatus): void {
    if (this.job && this.pending.at(-1)?.epoch !== this.epoch) this.sample();
    this.post(true, status);
    this.job = null;
  }

  private sample(): void {
    const job = this.job!;
    this.pending.push({
      epoch: this.epoch,
      objectives: this.weights.map((w) =>
        finite(w) ? objective(job.train, w, job.params.l2) : Number.NaN,
      ),
      weights: this.weights.map((w) => ({ ...w })),
    });
    this.nextSample = nextSampleEpoch(this.epoch);
  }

  private post(force: boolean, status: RaceStatus = 'running'): void {
    const job = this.job!;
    const now = this.host.now();
    // Lane metrics cost O(n · lanes): at a million points, space messages so they stay ≤ ~20 %.
    if (!force && now - this.lastPost < Math.max(POST_MS, 4 * this.evalMs)) return;
    this.lastPost = now;
    const lanes: RaceLaneState[] = job.lanes.map((lane, i) => {
      const w = this.weights[i]!;
      const ok = finite(w);
      return {
        ...lane,
        weights: { ...w },
        objective: ok ? objective(job.train, w, job.params.l2) : Number.NaN,
        trainAccuracy: ok && job.train.n > 0 ? accuracy(job.train, w) : Number.NaN,
        divergedAt: this.divergedAt[i] ?? null,
      };
    });
    this.evalMs = this.host.now() - now;
    const seconds = (now - this.started) / 1000;
    this.host.post({
      type: 'race-progress',
      raceId: job.raceId,
      data: job.data,
      engine: this.engine!.id as RaceEngineId,
      epoch: this.epoch,
      epochs: job.epochs,
      status,
      epochsPerSecond: seconds > 0 ? this.epoch / seconds : 0,
      lanes,
      history: this.pending,
    });
    this.pending = [];
  }
}
