/**
 * The training worker's logic, free of `self`: the message loop is injected, so the worker entry
 * wires it to postMessage and the tests run it in Node beside the page's client over a fake
 * transport. It applies the page's versioned inputs, keeps the small state the page mirrors (the
 * engine that trains and why, running, diverged, the exact optimum for the applied data and L2)
 * and posts it whole whenever it changes.
 */
import { editSides } from '../core/split-edits.ts';
import { EnginePool, type EngineFactories } from './engine-pool.ts';
import { createJsEngine } from './engines/js-f64.ts';
import { Inbox } from './inbox.ts';
import { measure } from './measure.ts';
import { OptimumService } from './optimum-service.ts';
import type { FromWorker, ToWorker, WorkerState } from './protocol.ts';
import { RaceService } from './race-service.ts';
import { SurfaceService } from './surface.ts';
import { Trainer, type TrainerEvent, type TrainerHost } from './trainer.ts';
import { EngineSelector } from './engine-selector.ts';

/** What the core needs from where it runs. */
export interface CoreEnv {
  post(msg: FromWorker): void;
  now(): number;
  /** Runs `fn` soon, as a new task, so that incoming messages get in between. */
  defer(fn: () => void): void;
  /** Runs `fn` after `ms` (setTimeout: a paced run waiting for its next epoch). */
  later(fn: () => void, ms: number): void;
  /** Crashes the worker for real (fault injection): an uncaught error outside the message loop. */
  crash(): void;
  /** Engine factories (tests in Node bring their own GPU engine). */
  engines?: Partial<EngineFactories>;
}

export interface WorkerCore {
  /** Hands the core a message from the page. */
  receive(msg: ToWorker): void;
  /** Probes WebGL, warms the grid kernel, and picks the first engine. */
  start(): Promise<void>;
  /** Resolves when every message so far is handled and nothing waits (tests). */
  idle(): Promise<void>;
  /** What actually trains, for tests to compare with what the page shows. */
  inspect(): { engine: string; epoch: number; data: number; running: boolean };
}

export function createWorkerCore(env: CoreEnv): WorkerCore {
  const pool = new EnginePool(env.engines);
  const surfaces = new SurfaceService();
  // -1: nothing applied yet (the page's versions start at 0; an answer for "no data" must never
  // pass for an answer for its first data).
  const applied = { data: -1, settings: -1, run: -1 };
  let diverged: WorkerState['diverged'] = null;
  let done = false;
  let last = '';

  /** Posts the state if it differs from the last one posted. */
  const sync = (): void => {
    const state: WorkerState = {
      applied: { ...applied },
      engine: selector.status(),
      running: trainer.isRunning,
      done,
      diverged,
      optimum: optimum.current(applied.data, trainer.params.l2, trainer.params.features),
    };
    const text = JSON.stringify(state);
    if (text === last) return;
    last = text;
    env.post({ type: 'state', state });
  };

  const host: TrainerHost = {
    post(event: TrainerEvent) {
      if (event.type === 'diverged') {
        const { type: _t, ...d } = event;
        diverged = d;
      } else if (event.type === 'done') {
        done = true;
      } else {
        sync(); // running may have changed: the state goes first, then the numbers
        env.post(event);
      }
      sync();
    },
    now: env.now,
    defer: env.defer,
    later: env.later,
    engineFailed(error, wasRunning) {
      // In the inbox's order: a message handled meanwhile (a recipe, a switch) must not run
      // beside the hand-over.
      inbox.push({ type: 'task', run: () => selector.recover(error, wasRunning).then(sync) });
    },
  };
  const trainer = new Trainer(createJsEngine(), host);
  const selector = new EngineSelector(
    pool,
    trainer,
    (message) => env.post({ type: 'notice', message }),
    // Auto's timing runs as a task in the inbox's order, never inside a message's handling.
    (task, ms) => env.later(() => inbox.push({ type: 'task', run: task }), ms),
    () => sync(),
  );
  const races = new RaceService({ post: env.post, now: env.now, defer: env.defer });
  const inbox = new Inbox(
    async (msg) => {
      await handle(msg);
      sync();
      optimum.schedule();
    },
    (e: unknown) => {
      env.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      sync();
    },
  );
  const optimum = new OptimumService({
    defer: env.defer,
    busy: () => inbox.pending > 0,
    want: () => ({
      data: applied.data,
      cols: trainer.trainColumns,
      l2: trainer.params.l2,
      features: trainer.params.features,
    }),
    solved: sync,
  });

  /** A new run: fresh weights (or none given), no divergence, not done. */
  const clearRun = (): void => {
    diverged = null;
    done = false;
  };

  async function handle(msg: ToWorker): Promise<void> {
    switch (msg.type) {
      case 'load-data':
        races.stop();
        applied.data = msg.data;
        trainer.dataVersion = msg.data;
        if (msg.run !== undefined) {
          applied.run = msg.run;
          trainer.beginRun(msg.run);
          clearRun();
        }
        if (msg.resume) {
          trainer.loadData(msg.train, msg.test, true, false);
          trainer.resume(msg.resume.weights, msg.resume.epoch);
          if (msg.resume.running) trainer.play();
        } else trainer.loadData(msg.train, msg.test, msg.run === undefined);
        return selector.settle();
      case 'edit-data': {
        // Made of the data this worker has: anything else is a page's mistake, and the worker's
        // restart (sent the whole data) is the way back.
        if (msg.base !== applied.data)
          throw new Error(`an edit of data ${msg.base} reached data ${applied.data}`);
        const { train, test } = editSides(
          { train: trainer.trainColumns, test: trainer.testColumns },
          msg.edit,
        );
        races.stop();
        applied.data = msg.data;
        trainer.dataVersion = msg.data;
        trainer.loadData(train, test, true);
        return selector.settle();
      }
      case 'set-settings': {
        const before = trainer.params;
        applied.settings = msg.settings;
        trainer.setParams(msg.params);
        if (msg.params.lr !== before.lr || msg.params.optimizer !== before.optimizer) {
          diverged = null;
        }
        if (msg.params.epochs > trainer.state.epoch) done = false;
        return selector.choose(msg.engine);
      }
      case 'set-speed':
        return trainer.setSpeed(msg.speed);
      case 'play':
        diverged = null;
        return trainer.play();
      case 'pause':
        return trainer.pause();
      case 'frame-ack':
        return trainer.frameAck();
      case 'step':
        diverged = null;
        return trainer.step(msg.epochs);
      case 'reset':
        applied.run = msg.run;
        trainer.beginRun(msg.run);
        clearRun();
        return trainer.resetWeights();
      case 'run-recipe':
        races.stop();
        Object.assign(applied, { data: msg.data, settings: msg.settings, run: msg.run });
        trainer.beginRun(msg.run);
        trainer.dataVersion = msg.data;
        clearRun();
        trainer.setParams(msg.params, false); // a new run: no mark at the old run's epoch
        trainer.loadData(msg.train, msg.test, false);
        await selector.choose(msg.engine);
        return trainer.play();
      case 'set-weights':
        diverged = null;
        return trainer.setWeights(msg.weights, msg.epoch);
      case 'measure':
        env.post({ type: 'measured', result: await measure(msg.request, pool, trainer) });
        return;
      case 'loss-surface': {
        const live = { cols: trainer.trainColumns, l2: trainer.params.l2, data: applied.data };
        const result = await surfaces.compute(msg.request, live, pool.webgl);
        env.post({ type: 'loss-surface', result });
        return;
      }
      case 'race':
        return races.start(msg.request, {
          data: msg.request.train ? -1 : applied.data,
          train: trainer.trainColumns,
          params: trainer.params,
          start: trainer.startWeights,
          gpu: pool.webgl,
        });
      case 'race-stop':
        return races.stop();
      case 'simulate-fault':
        if (msg.fault === 'crash') return env.crash();
        // Every WebGL context this worker holds: training, the loss grid, the race.
        pool.fusedEngine?.loseContextForTest();
        await surfaces.loseContextForTest();
        races.loseContextForTest();
        return;
    }
  }

  /** Probes WebGL, compiles the grid kernel and picks the first engine, in the message order. */
  async function warmUp(): Promise<void> {
    pool.probeWebGL();
    if (!pool.webgl.available) {
      env.post({
        type: 'notice',
        message: `WebGL is unavailable here (${pool.webgl.error}); training runs on the CPU engines instead.`,
      });
    }
    // Compile the loss-grid kernel now, while the page starts: a first grid that compiles it
    // would otherwise hold up the first click on Play by its compile time.
    if (pool.webgl.available) await surfaces.warmUp('fused-webgl');
    await selector.settle(true);
    sync();
  }

  return {
    receive: (msg) => inbox.push(msg),
    inspect: () => ({
      engine: trainer.currentEngine.id,
      epoch: trainer.state.epoch,
      data: applied.data,
      running: trainer.isRunning,
    }),
    idle: async () => {
      await inbox.idle();
      await optimum.idle();
      await inbox.idle();
    },
    start() {
      sync();
      return new Promise<void>((resolve) =>
        inbox.push({ type: 'task', run: () => warmUp().then(resolve) }),
      );
    },
  };
}
