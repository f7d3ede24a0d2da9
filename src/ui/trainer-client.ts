/**
 * The page's side of the conversation with the training worker, as a plain object (no React):
 * it sends the page's versioned inputs, mirrors the worker's small state, appends the streams of
 * the current run and race, and restarts a crashed worker from the last weights it reported.
 * Components subscribe (useSyncExternalStore); tests drive it in Node over a fake transport.
 */
import type { Weights } from '../core/maths.ts';
import type { DataEdit } from '../core/split-edits.ts';
import type { EngineChoice, Hyper, Speed } from '../core/settings.ts';
import type {
  DataArrays,
  FromWorker,
  HistoryPoint,
  LrMark,
  RaceRequest,
  Report,
  Snapshot,
  SurfaceRequest,
  SurfaceResult,
  ToWorker,
  WorkerState,
} from '../worker/protocol.ts';
import { reduceRace, type RaceView } from './race-view.ts';
import { takeSpare } from './split-arrays.ts';
import { fmtCount } from '../core/count.ts';

/**
 * The worker's own copy of data arrays, to transfer: the page keeps its arrays (a restarted
 * worker is sent them again), and postMessage's structured clone of a million points (48 MB)
 * holds the page's main thread ~0.6 s on this machine. The data worker's spare copy when there is
 * one (big data: no copy here at all), else a copy (~80 ms for a million points).
 */
function ownCopy(d: DataArrays): DataArrays {
  return takeSpare(d) ?? { x1: d.x1.slice(), x2: d.x2.slice(), y: d.y.slice() };
}

/** A worker, as the client sees it: post, listen, and end it. */
export interface Transport {
  /** Sends `msg`; the buffers in `transfer` move to the worker (postMessage's transfer list). */
  post(msg: ToWorker, transfer?: ArrayBuffer[]): void;
  onMessage: ((msg: FromWorker) => void) | null;
  /** The worker died (an uncaught error): the client starts a new one. */
  onCrash: ((message: string) => void) | null;
  terminate(): void;
}

/** The data and settings the page shows, with the versions the page gave them. */
export interface Inputs {
  data: number;
  train: DataArrays;
  test: DataArrays;
  settings: number;
  hyper: Hyper;
  engine: EngineChoice;
  /** Wall-time pace (not versioned: no result depends on it). */
  speed: Speed;
}

/** Everything the page shows from the worker. Replaced, never mutated. */
export interface ClientState {
  /** The run the page shows: bumped by Reset, the recipe and data that restart training. */
  run: number;
  worker: WorkerState | null;
  /** The latest numbers of the current run. */
  snapshot: Snapshot | null;
  epochsPerSecond: number;
  /** The current run's loss curve, epochs strictly increasing. */
  history: HistoryPoint[];
  reports: Report[];
  /** Learning-rate changes during the current run, for the loss curve. */
  marks: LrMark[];
  notices: string[];
  surface: SurfaceResult | null;
  race: RaceView | null;
}

/** The report table keeps the latest this many rows (the tutorial prints 20). */
const MAX_REPORTS = 20;
const MAX_NOTICES = 5;

/** Where a restored session (or a restarted worker) goes on from. */
export interface ResumePoint {
  weights: Weights;
  epoch: number;
  running: boolean;
  history?: HistoryPoint[];
  /** The learning-rate marks on that curve. */
  marks?: LrMark[];
}

export class TrainerClient {
  private state: ClientState;
  private readonly listeners = new Set<() => void>();
  private transport: Transport | null = null;
  private inputs: Inputs;
  private nextRace = 0;

  constructor(
    private readonly spawn: () => Transport,
    inputs: Inputs,
    /** Runs `fn` after the page has drawn (requestAnimationFrame): the worker's backpressure. */
    private readonly afterFrame: (fn: () => void) => void,
  ) {
    this.inputs = inputs;
    this.state = {
      run: 1,
      worker: null,
      snapshot: null,
      epochsPerSecond: 0,
      history: [],
      reports: [],
      marks: [],
      notices: [],
      surface: null,
      race: null,
    };
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): ClientState => this.state;

  /** The data version last sent to the worker. */
  get dataVersion(): number {
    return this.inputs.data;
  }

  /** Starts the worker on the inputs, optionally going on from saved weights and curve. */
  start(from: ResumePoint | null = null): void {
    this.connect(from);
  }

  /** Ends the worker (the page unmounts). */
  stop(): void {
    this.transport?.terminate();
    this.transport = null;
  }

  /**
   * New settings (hyper-parameters and engine choice), if their version is new. Other features
   * make another model, and standardizing another descent: the run starts afresh (a new run, new
   * initial weights, a new curve).
   */
  setSettings(settings: number, hyper: Hyper, engine: EngineChoice): void {
    if (settings === this.inputs.settings) return;
    const before = this.inputs.hyper;
    const newModel = hyper.features !== before.features || hyper.standardize !== before.standardize;
    this.inputs = { ...this.inputs, settings, hyper, engine };
    this.send({ type: 'set-settings', settings, params: hyper, engine });
    if (newModel) {
      // A race of the other model ends and leaves the screen; its late progress is not shown.
      if (this.state.race) {
        this.nextRace++;
        this.update({ race: null });
        this.send({ type: 'race-stop' });
      }
      this.reset();
    }
  }

  /** A new pace for training (Speed). */
  setSpeed(speed: Speed): void {
    if (speed === this.inputs.speed) return;
    this.inputs = { ...this.inputs, speed };
    this.send({ type: 'set-speed', speed });
  }

  /** New data, if its version is new; `restart`: a new run from new initial weights. */
  setData(data: number, train: DataArrays, test: DataArrays, restart: boolean): void {
    if (data === this.inputs.data) return;
    this.inputs = { ...this.inputs, data, train, test };
    const run = restart ? this.newRun() : undefined;
    this.send({ type: 'load-data', data, train, test, ...(run ? { run } : {}) });
  }

  /**
   * New data made of the data last sent by one edit: the worker is sent the edit, not the
   * columns (else, made of other data, the columns).
   */
  editData(data: number, base: number, edit: DataEdit, train: DataArrays, test: DataArrays): void {
    if (data === this.inputs.data) return;
    if (base !== this.inputs.data) return this.setData(data, train, test, false);
    this.inputs = { ...this.inputs, data, train, test };
    this.send({ type: 'edit-data', data, base, edit });
  }

  reset(): void {
    this.send({ type: 'reset', run: this.newRun() });
  }

  /** The tutorial recipe: these inputs, a new run, and play — one message. */
  runRecipe(inputs: Inputs): void {
    this.setSpeed(inputs.speed);
    this.inputs = inputs;
    const { data, settings, train, test, hyper, engine } = inputs;
    const run = this.newRun();
    this.send({ type: 'run-recipe', data, settings, run, params: hyper, engine, train, test });
  }

  play = (): void => this.send({ type: 'play' });
  pause = (): void => this.send({ type: 'pause' });
  step = (epochs: number): void => this.send({ type: 'step', epochs });
  setWeights = (weights: Weights, epoch?: number): void =>
    this.send({ type: 'set-weights', weights, ...(epoch === undefined ? {} : { epoch }) });
  surface = (request: SurfaceRequest): void => this.send({ type: 'loss-surface', request });
  simulateFault = (fault: 'lose-webgl-context' | 'crash'): void =>
    this.send({ type: 'simulate-fault', fault });

  /** Starts a race (replacing the last one, whose lanes disappear at once). */
  race(request: Omit<RaceRequest, 'id'>): void {
    const id = ++this.nextRace;
    this.update({ race: null });
    this.send({ type: 'race', request: { ...request, id } });
  }

  raceStop = (): void => this.send({ type: 'race-stop' });

  dismissNotice(i: number): void {
    this.update({ notices: this.state.notices.filter((_, k) => k !== i) });
  }

  private newRun(): number {
    const run = this.state.run + 1;
    this.update({ run, snapshot: null, history: [], reports: [], marks: [], epochsPerSecond: 0 });
    return run;
  }

  private send(msg: ToWorker): void {
    if (!this.transport) return;
    if (msg.type !== 'load-data' && msg.type !== 'run-recipe') return this.transport.post(msg);
    const [train, test] = [ownCopy(msg.train), ownCopy(msg.test)];
    const buffers = [train, test].flatMap((d) => [d.x1.buffer, d.x2.buffer, d.y.buffer]);
    this.transport.post({ ...msg, train, test }, buffers as ArrayBuffer[]);
  }

  private update(patch: Partial<ClientState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((fn) => fn());
  }

  private connect(from: ResumePoint | null): void {
    const t = this.spawn();
    this.transport = t;
    t.onMessage = (msg) => {
      if (this.transport === t) this.receive(msg);
    };
    t.onCrash = (message) => {
      if (this.transport === t) this.crashed(message);
    };
    const { data, train, test, settings, hyper, engine, speed } = this.inputs;
    this.send({ type: 'set-settings', settings, params: hyper, engine });
    this.send({ type: 'set-speed', speed });
    const resume = from && { weights: from.weights, epoch: from.epoch, running: from.running };
    this.send({
      type: 'load-data',
      data,
      run: this.state.run,
      train,
      test,
      ...(resume ? { resume } : {}),
    });
    if (from?.history) {
      const l2 = hyper.l2;
      this.update({ history: from.history.map((h) => ({ data, l2, ...h })) });
    }
    if (from?.marks?.length) this.update({ marks: from.marks });
  }

  /** The worker died: a new one goes on from the last numbers this run received. */
  private crashed(message: string): void {
    this.transport?.terminate();
    const s = this.state.snapshot;
    const running = this.state.worker?.running ?? false;
    const at = s ? ` from epoch ${fmtCount(s.epoch)}` : '';
    this.update({
      worker: null,
      race: this.state.race && { ...this.state.race, status: 'stopped' },
      notices: [
        ...this.state.notices.slice(1 - MAX_NOTICES),
        `The training worker crashed (${message || 'unknown error'}); it was restarted${at} with the same data and weights.`,
      ],
    });
    this.connect(s ? { weights: s.weights, epoch: s.epoch, running } : null);
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'state':
        return this.update({ worker: msg.state });
      case 'progress':
        if (msg.run !== this.state.run) return; // an older run's numbers
        this.update(appendProgress(this.state, msg));
        this.afterFrame(() => this.send({ type: 'frame-ack' }));
        return;
      case 'notice':
      case 'error':
        return this.update({
          notices: [...this.state.notices.slice(1 - MAX_NOTICES), msg.message],
        });
      case 'loss-surface':
        if (!msg.result.error) this.update({ surface: msg.result });
        return;
      case 'race-progress':
        if (msg.raceId === this.nextRace) this.update({ race: reduceRace(this.state.race, msg) });
        return;
      case 'measured':
        return;
    }
  }
}

/** The state after a progress message of the current run: curve and reports appended in order. */
export function appendProgress(
  s: ClientState,
  msg: Extract<FromWorker, { type: 'progress' }>,
): Partial<ClientState> {
  const from = msg.from ?? Infinity;
  const kept = msg.from === undefined ? s.history : s.history.filter((h) => h.epoch < from);
  const lastEpoch = kept.at(-1)?.epoch ?? -1;
  const fresh = msg.history.filter((h) => h.epoch > lastEpoch);
  const reports = msg.from === undefined ? s.reports : s.reports.filter((r) => r.epoch < from);
  const marks = msg.from === undefined ? s.marks : s.marks.filter((m) => m.epoch < from);
  return {
    snapshot: msg.snapshot,
    epochsPerSecond: msg.epochsPerSecond,
    history: fresh.length || kept !== s.history ? [...kept, ...fresh] : s.history,
    reports:
      msg.reports.length || reports !== s.reports
        ? [...reports, ...msg.reports].slice(-MAX_REPORTS)
        : s.reports,
    marks: msg.marks.length || marks !== s.marks ? withMarks(marks, msg.marks) : s.marks,
  };
}

/** Marks appended in order; one at an epoch already marked replaces it (see LrMarks). */
function withMarks(marks: readonly LrMark[], more: readonly LrMark[]): LrMark[] {
  const out = [...marks];
  for (const m of more) {
    if (out.at(-1)?.epoch === m.epoch) out[out.length - 1] = m;
    else out.push(m);
  }
  return out;
}
