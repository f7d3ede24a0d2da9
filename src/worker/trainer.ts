/**
 * The training loop, independent of where it runs: it owns the data, weights, epoch counter and
 * one Engine, runs time-sliced chunks of many epochs, and posts at most one progress message per
 * animation frame. The worker entry wires it to `postMessage`; unit tests drive it directly.
 */
import type { Columns } from '../core/dataset.ts';
import { restrictWeights, weightKeys } from '../core/features.ts';
import {
  gradientNorm,
  lossAndGradient,
  objective,
  weightNormSq,
  type Gradient,
  type LossAndGradient,
  type Weights,
} from '../core/maths.ts';
import { accuracy } from '../core/metrics.ts';
import { makeNormal, makeRng } from '../core/random.ts';
import type { Engine } from './engines/engine.ts';
import { nextSampleEpoch } from './history.ts';
import { LossWatch } from './loss-watch.ts';
import { LrMarks } from './lr-marks.ts';
import { Pacer } from './pacer.ts';
import type { Speed } from '../core/settings.ts';
import type {
  DataArrays,
  Diverged,
  FromWorker,
  HistoryPoint,
  Hyper,
  Report,
  Snapshot,
} from './protocol.ts';
import { DEFAULT_HYPER } from '../core/settings.ts';

/** What the trainer tells its host: progress for the page, and changes of its own state. */
export type TrainerEvent =
  | Extract<FromWorker, { type: 'progress' }>
  | ({ type: 'diverged' } & Diverged)
  | { type: 'done'; epoch: number };

/** What the trainer needs from its surroundings. */
export interface TrainerHost {
  post(msg: TrainerEvent): void;
  now(): number;
  /** Runs `fn` soon, as a new task, so that incoming messages get in between. */
  defer(fn: () => void): void;
  /** Runs `fn` after `ms` (a paced run waiting for its next epoch). */
  later(fn: () => void, ms: number): void;
  /** An engine call threw (e.g. a lost WebGL context). Weights are those of the last good chunk. */
  engineFailed(error: unknown, wasRunning: boolean): void;
}

/** Longest stretch of training before yielding to messages, ms. */
const SLICE_MS = 10;
/** Target duration of one engine call, ms (keeps a GPU draw short). */
const CHUNK_MS = 4;
/** Minimum gap between two progress messages, ms (≈ one frame at 60 Hz). */
const FRAME_MS = 16;
/** Without an acknowledgement, send again after this long anyway (a hidden tab draws nothing). */
const ACK_TIMEOUT_MS = 250;

const toColumns = (d: DataArrays): Columns => ({ n: d.y.length, x1: d.x1, x2: d.x2, y: d.y });
const finite = (w: Weights): boolean => Object.values(w).every(Number.isFinite);

export class Trainer {
  /** The run id the page gave the current run; progress is posted under it. */
  private runId = -1;
  /** The version of the data being trained on (stamped on every loss-curve point). */
  dataVersion = 0;
  private train: Columns = toColumns({
    x1: new Float64Array(0),
    x2: new Float64Array(0),
    y: new Float64Array(0),
  });
  private test: Columns = this.train;
  private weights: Weights = { w1: 0, w2: 0, b: 0 };
  private start: Weights = { w1: 0, w2: 0, b: 0 };
  private epoch = 0;
  private hyper: Hyper = { ...DEFAULT_HYPER };
  private running = false;
  private scheduled = false;
  private lastPost = -Infinity;
  private pending: HistoryPoint[] = [];
  private pendingReports: Report[] = [];
  private readonly marks = new LrMarks();
  /** Recent cost of evaluating the metrics for a progress message, ms. */
  private evalMs = 0;
  /** A progress message is out and the page has not drawn it yet (backpressure). */
  private awaitingAck = false;
  private nextSample = 0;
  /** Estimated cost of one epoch; starts pessimistic so the first chunk is one epoch. */
  private msPerEpoch = CHUNK_MS;
  private rate = { epochs: 0, since: 0, value: 0 };
  private readonly watch = new LossWatch();
  /** Wall-time pace (Max unless the page asks for another). */
  private readonly pacer = new Pacer();

  constructor(
    private engine: Engine,
    private readonly host: TrainerHost,
  ) {}

  /**
   * Starts run `id`: curve points and reports not yet sent belong to the old run and are dropped
   * here, so nothing posted from now on under the new id can carry them.
   */
  beginRun(id: number): void {
    this.runId = id;
    this.pending = [];
    this.pendingReports = [];
    this.marks.clear();
    this.truncateFrom = null;
  }

  /** While held, no epoch runs (an engine switch is under way); running stays as it was. */
  private held = false;

  /** Holds training while the engine is being switched (an await may let a tick in). */
  hold(): void {
    this.held = true;
  }

  /** Ends a hold; training goes on if it was running. */
  release(): void {
    this.held = false;
    if (this.running) this.schedule();
  }

  /** Whether training runs (or would, once a hold ends). */
  get isRunning(): boolean {
    return this.running;
  }

  /** When the current run last started playing (the host's clock), for Auto's timing. */
  private playedAt = 0;

  /** Milliseconds since Play, while running; Infinity when not running. */
  get runningForMs(): number {
    return this.running ? this.host.now() - this.playedAt : Infinity;
  }

  /** The engine in use. */
  get currentEngine(): Engine {
    return this.engine;
  }

  /** Current weights and epoch (for hand-over to another engine or a restarted worker). */
  get state(): { weights: Weights; epoch: number; running: boolean } {
    return { weights: { ...this.weights }, epoch: this.epoch, running: this.running };
  }

  /** The weights the current run started from (its epoch-0 weights). */
  get startWeights(): Weights {
    return { ...this.start };
  }

  /** The training data. */
  get trainColumns(): Columns {
    return this.train;
  }

  /** The test data. */
  get testColumns(): Columns {
    return this.test;
  }

  /** Training data size. */
  get n(): number {
    return this.train.n;
  }

  get params(): Hyper {
    return this.hyper;
  }

  /** Swaps the engine, carrying over data, parameters and weights (optimizer state restarts). */
  setEngine(next: Engine): void {
    next.setData(this.train);
    next.setParams(this.hyper);
    next.setWeights(this.weights);
    this.engine = next;
    this.msPerEpoch = CHUNK_MS;
  }

  /** New data; `keepWeights` false starts a new run, `post` false leaves telling the page to the caller. */
  loadData(train: DataArrays, test: DataArrays, keepWeights: boolean, post = true): void {
    this.train = toColumns(train);
    this.test = toColumns(test);
    this.engine.setData(this.train);
    this.msPerEpoch = CHUNK_MS; // a new data size: re-learn the cost from one epoch up
    this.clearWatch();
    if (!keepWeights) this.resetWeights();
    else if (post) this.postProgress(true);
  }

  /**
   * New settings. A new rate mid-run is marked on the loss curve at the epoch it applies from —
   * unless `mark` is false: settings that come with a new run (the recipe), whose epoch is still
   * the old run's until its data reset the weights.
   */
  setParams(next: Hyper, mark = true): void {
    if (mark && next.lr !== this.hyper.lr && this.epoch > 0) {
      this.marks.add(this.epoch, next.lr, this.host.now());
    }
    this.hyper = { ...next };
    this.engine.setParams(this.hyper);
    this.clearWatch();
    if (this.epoch >= this.hyper.epochs) this.running = false;
    this.postProgress(true);
  }

  /** New initial weights (zeros or seeded random), epoch 0, fresh curve. */
  resetWeights(): void {
    // Each reset draws new random weights: the seed advances, so runs stay reproducible.
    this.weights = initialWeights({
      init: this.hyper.init,
      seed: this.hyper.seed + this.resets++,
      features: this.hyper.features,
    });
    this.startRun(this.weights, 0);
    this.record();
    this.postProgress(true);
  }

  /**
   * Goes on from `w` at `epoch` as the current run (a crash restart, a restored session): the
   * loss curve continues from there, with no epoch-0 point in the middle of it.
   */
  resume(w: Weights, epoch: number): void {
    this.startRun(w, epoch);
    this.lastRecorded = epoch;
    this.nextSample = nextSampleEpoch(epoch);
    this.postProgress(true);
  }

  /** Forgets everything of the previous run: its unsent curve points and reports, its rate. */
  private startRun(w: Weights, epoch: number): void {
    this.weights = { ...w };
    this.start = { ...w };
    this.epoch = epoch;
    this.clearWatch();
    this.nextSample = epoch;
    this.lastRecorded = -1;
    this.truncateFrom = null;
    this.pending = [];
    this.pendingReports = [];
    this.marks.clear();
    this.rate = { epochs: epoch, since: this.host.now(), value: 0 };
    this.pacer.anchor(this.host.now(), epoch);
    this.engine.setWeights(this.weights);
  }

  /** Sets the weights (restore, jump to optimum, a hand-over) and optionally the epoch. */
  setWeights(w: Weights, epoch = this.epoch): void {
    if (epoch < this.epoch) {
      // Back in time (restoring the last good weights): the curve after `epoch` is rewritten.
      this.truncateFrom = epoch + 1;
      this.pending = this.pending.filter((h) => h.epoch <= epoch);
      this.pendingReports = this.pendingReports.filter((r) => r.epoch <= epoch);
      this.marks.rewind(epoch);
      this.lastRecorded = Math.min(this.lastRecorded, epoch);
      this.nextSample = nextSampleEpoch(epoch);
    }
    this.weights = { ...w };
    this.epoch = epoch;
    this.rate = { epochs: epoch, since: this.host.now(), value: this.rate.value };
    this.pacer.anchor(this.host.now(), epoch);
    this.engine.setWeights(this.weights);
    this.clearWatch();
    this.postProgress(true);
  }

  /** A new pace (Speed); the numbers stay those of Max, only the wall time changes. */
  setSpeed(speed: Speed): void {
    this.pacer.set(speed, this.host.now(), this.epoch);
    if (this.running) this.schedule();
  }

  play(): void {
    if (this.epoch >= this.hyper.epochs) return this.postDone();
    this.pacer.anchor(this.host.now(), this.epoch);
    if (!this.running) this.playedAt = this.host.now();
    this.running = true;
    this.rate = { epochs: this.epoch, since: this.host.now(), value: this.rate.value };
    this.schedule();
  }

  pause(): void {
    this.running = false;
    this.postProgress(true);
  }

  /** Runs `epochs` more epochs (capped by the budget) as one update, then posts. */
  step(epochs: number): void {
    const target = Math.min(this.hyper.epochs, this.epoch + Math.max(1, Math.floor(epochs)));
    while (this.epoch < target && this.advance(target - this.epoch)) {
      /* advance until the target or a divergence */
    }
    this.postProgress(true);
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
    if (!this.running || this.held) return;
    const end = this.host.now() + SLICE_MS;
    while (this.running && this.host.now() < end) {
      const room = this.pacer.allowed(this.host.now()) - this.epoch;
      if (room < 1) break; // paced: the next epoch is not due yet
      const want = Math.max(1, Math.round(CHUNK_MS / this.msPerEpoch));
      if (!this.advance(Math.min(want, room))) break;
      if (this.epoch >= this.hyper.epochs) {
        this.running = false;
        if (this.lastRecorded !== this.epoch) this.record(); // the curve ends where training did
        this.postProgress(true);
        this.postDone();
        return;
      }
    }
    this.postProgress(!this.running);
    if (!this.running) return;
    const wait = this.pacer.waitMs(this.host.now(), this.epoch);
    if (wait <= 0) return this.schedule();
    this.scheduled = true;
    this.host.later(() => {
      this.scheduled = false;
      this.tick();
    }, wait);
  }

  /** Runs up to `want` epochs in one engine call, stopping at sample/report/budget epochs. */
  private advance(want: number): boolean {
    const { epochs: budget, reportEvery } = this.hyper;
    let k = Math.min(want, budget - this.epoch, this.nextSample - this.epoch);
    if (reportEvery > 0) k = Math.min(k, reportEvery - (this.epoch % reportEvery));
    k = Math.max(1, k);
    const t0 = this.host.now();
    let w: Weights;
    try {
      w = this.engine.run(k);
    } catch (error) {
      const wasRunning = this.running;
      this.running = false;
      this.host.engineFailed(error, wasRunning);
      return false;
    }
    const dt = this.host.now() - t0;
    this.msPerEpoch = 0.7 * this.msPerEpoch + 0.3 * Math.max(1e-5, dt / k);
    if (!finite(w)) return this.diverge(k);
    this.weights = w;
    this.epoch += k;
    const reportEpoch = reportEvery > 0 && this.epoch % reportEvery === 0;
    // Report epochs are sampled too, so time travel can land exactly on the tutorial's printouts.
    if (this.epoch >= this.nextSample || reportEpoch) this.record();
    if (reportEpoch) {
      const s = this.snapshot();
      this.pendingReports.push({
        epoch: this.epoch,
        testAccuracy: s.testAccuracy,
        trainLoss: s.trainLoss,
      });
    }
    return true;
  }

  private diverge(k: number): false {
    const lastFinite = { ...this.weights };
    this.running = false;
    this.engine.setWeights(lastFinite);
    const loss = this.snapshot().trainLoss;
    this.host.post({
      type: 'diverged',
      reason: 'non-finite',
      epoch: this.epoch + k,
      lr: this.hyper.lr,
      lastFinite,
      lastFiniteEpoch: this.epoch,
      bestLoss: loss,
      recentLoss: Number.NaN,
    });
    this.postProgress(true);
    return false;
  }

  private clearWatch(): void {
    this.watch.reset(this.weights, this.epoch);
  }

  /** A too-large learning rate: pause and offer the best weights of this stretch. */
  private watchLoss(loss: number): void {
    const found = this.watch.observe(loss, this.weights, this.epoch);
    if (!found || !this.running) return;
    this.running = false;
    this.host.post({
      type: 'diverged',
      reason: 'rising',
      epoch: this.epoch,
      lr: this.hyper.lr,
      lastFinite: found.best.weights,
      lastFiniteEpoch: found.best.epoch,
      bestLoss: found.best.loss,
      recentLoss: found.recentLoss,
    });
  }

  private lastRecorded = -1;
  private resets = 0;
  /** Curve points from this epoch on were rewritten (a restore): the page drops its copies. */
  private truncateFrom: number | null = null;

  private record(): void {
    this.lastRecorded = this.epoch;
    const { gradNorm: _n, gradient: _g, ...point } = this.snapshot();
    this.pending.push(point);
    this.watchLoss(point.trainLoss);
    this.nextSample = nextSampleEpoch(this.epoch);
  }

  /** Metrics of the current weights, in float64 on the exact data. */
  snapshot(): Snapshot {
    const w = this.weights;
    const lg = lossAndGradient(this.train, w, this.hyper.l2);
    return {
      epoch: this.epoch,
      data: this.dataVersion,
      l2: this.hyper.l2,
      weights: { ...w },
      trainLoss: lg.loss - 0.5 * this.hyper.l2 * weightNormSq(w),
      objective: lg.loss,
      testLoss: this.test.n > 0 ? objective(this.test, w, 0) : Number.NaN,
      trainAccuracy: this.train.n > 0 ? accuracy(this.train, w) : Number.NaN,
      testAccuracy: this.test.n > 0 ? accuracy(this.test, w) : Number.NaN,
      gradNorm: gradientNorm(lg),
      gradient: gradientOf(lg),
    };
  }

  /** The page drew the last progress message. */
  frameAck(): void {
    this.awaitingAck = false;
  }

  private postProgress(force: boolean): void {
    const now = this.host.now();
    // Metrics cost O(n) (tens of ms at 1,000,000 points): space messages so they take ≤ ~20 %.
    if (!force && now - this.lastPost < Math.max(FRAME_MS, 4 * this.evalMs)) return;
    // Never more than one message per frame the page actually drew (or one per ACK_TIMEOUT_MS).
    if (!force && this.awaitingAck && now - this.lastPost < ACK_TIMEOUT_MS) return;
    this.awaitingAck = true;
    if (now - this.rate.since >= 250) {
      this.rate = {
        epochs: this.epoch,
        since: now,
        value: ((this.epoch - this.rate.epochs) * 1000) / (now - this.rate.since),
      };
    }
    this.lastPost = now;
    const history = this.pending;
    const reports = this.pendingReports;
    const marks = this.marks.take();
    this.pending = [];
    this.pendingReports = [];
    const t0 = this.host.now();
    const snapshot = this.snapshot();
    this.evalMs = 0.5 * this.evalMs + 0.5 * (this.host.now() - t0);
    const from = this.truncateFrom;
    this.truncateFrom = null;
    this.host.post({
      type: 'progress',
      run: this.runId,
      ...(from === null ? {} : { from }),
      snapshot,
      epochsPerSecond: this.running ? Math.max(0, this.rate.value) : 0,
      history,
      reports,
      marks,
    });
  }

  private postDone(): void {
    this.host.post({ type: 'done', epoch: this.epoch });
  }
}

/**
 * Initial weights for a reset: zeros (the tutorial) or small seeded normal values, one per
 * parameter of the model of `features` (w1, w2 and b are drawn first, as before features).
 */
export function initialWeights(
  h: Pick<Hyper, 'init' | 'seed'> & Partial<Pick<Hyper, 'features'>>,
): Weights {
  const set = h.features ?? 'none';
  const zeros = restrictWeights({ w1: 0, w2: 0, b: 0 }, set);
  if (h.init === 'zeros') return zeros;
  const normal = makeNormal(makeRng(h.seed), 0, 0.5);
  const w: Weights = { ...zeros, w1: normal(), w2: normal(), b: normal() };
  for (const k of weightKeys(set).slice(2)) w[k] = normal();
  return w;
}

/** The gradient fields of a loss-and-gradient (its quadratic ones only where present). */
function gradientOf(lg: LossAndGradient): Gradient {
  const { loss: _loss, ...g } = lg;
  return g;
}
