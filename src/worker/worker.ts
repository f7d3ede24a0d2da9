/**
 * The training worker's entry: wires the Trainer to postMessage, chooses engines (the only place
 * that does), and turns faults into notices instead of dead ends. It starts on the float64 JS
 * engine at once, so a click on Play never waits for a shader compile, then probes WebGL.
 */
import type { Columns } from '../core/dataset.ts';
import { maxMargin } from '../core/max-margin.ts';
import { solveReference } from '../core/reference-solver.ts';
import { EnginePool } from './engine-pool.ts';
import type { Engine, EngineId } from './engines/engine.ts';
import { createJsEngine } from './engines/js-f64.ts';
import { liveTensors, tfBytes } from './engines/tfjs.ts';
import type {
  EngineChoice,
  FromWorker,
  MeasureRequest,
  MeasureResult,
  OptimumResult,
  ToWorker,
} from './protocol.ts';
import { RaceService } from './race-service.ts';
import { SurfaceService } from './surface.ts';
import { Trainer, type TrainerHost } from './trainer.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker): void => scope.postMessage(msg);

// A MessageChannel task runs as soon as the queue is free; setTimeout(0) would be clamped to 4 ms.
const tasks: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => tasks.shift()?.();

const host: TrainerHost = {
  post,
  now: () => performance.now(),
  defer(fn) {
    tasks.push(fn);
    channel.port2.postMessage(0);
  },
  engineFailed(error, wasRunning) {
    void recover(error, wasRunning);
  },
};

const pool = new EnginePool();
const surfaces = new SurfaceService();
const races = new RaceService(host);
const trainer = new Trainer(createJsEngine(), host);
let choice: EngineChoice = 'auto';
let reason = 'Starting on the float64 JavaScript engine while WebGL shaders compile.';
let calibratedN = -1;

function announce(): void {
  const e = trainer.currentEngine;
  post({
    type: 'ready',
    runId: trainer.runId,
    engine: e.id,
    choice,
    precision: e.precision,
    renderer: pool.webgl.renderer,
    hardware: pool.webgl.hardware,
    reason,
    engines: pool.describe(),
  });
}

async function use(id: EngineId, why: string): Promise<void> {
  const engine: Engine = await pool.get(id);
  if (engine !== trainer.currentEngine) trainer.setEngine(engine);
  reason = why;
  announce();
}

/** Re-picks the engine for 'auto' when the data size changed a lot or support changed. */
async function autoSelect(force = false): Promise<void> {
  if (choice !== 'auto') return;
  const n = trainer.n;
  if (n === 0) {
    reason = 'No training data yet: the float64 JavaScript engine waits.';
    return announce();
  }
  if (
    !force &&
    calibratedN > 0 &&
    n <= calibratedN * 2 &&
    n >= calibratedN / 2 &&
    trainer.currentEngine.supports(trainer.params)
  )
    return;
  calibratedN = n;
  const cols = trainer.trainColumns;
  const picked = await pool.pickAuto(cols, trainer.params, trainer.state.weights);
  await use(picked.id, picked.reason);
}

async function recover(error: unknown, wasRunning: boolean): Promise<void> {
  const what = error instanceof Error ? error.message : String(error);
  const lost = trainer.currentEngine.id === 'fused-webgl' || /context/i.test(what);
  if (lost) pool.dropFused();
  const { epoch } = trainer.state;
  await use(
    'js-f64',
    `The ${trainer.currentEngine.id} engine failed (${what}); continuing on float64 JavaScript.`,
  );
  post({
    type: 'notice',
    runId: trainer.runId,
    message: `${lost ? 'The WebGL context was lost' : 'The training engine failed'} at epoch ${epoch.toLocaleString('en-US')} (${what}). Training continues on the float64 JavaScript engine from the last good weights.`,
  });
  if (wasRunning) trainer.play();
}

/** Largest training set the exact solver runs on (Newton is O(n) per step, the hull O(n log n)). */
const OPTIMUM_MAX_N = 300_000;

/** Solves for the exact optimum of the current data and L2 and tells the page. */
function postOptimum(): void {
  const cols = trainer.trainColumns;
  const result: OptimumResult =
    cols.n > OPTIMUM_MAX_N
      ? {
          status: 'skipped',
          message: `The exact solver is not run on more than ${OPTIMUM_MAX_N.toLocaleString('en-US')} training points.`,
        }
      : solveReference(cols, trainer.params.l2);
  const separable = result.status === 'no-finite-optimum' && result.reason === 'separable';
  post({
    type: 'optimum',
    runId: trainer.runId,
    result,
    maxMargin: separable ? maxMargin(cols) : null,
  });
}

async function measure(req: MeasureRequest): Promise<MeasureResult> {
  const train: Columns = { n: req.train.y.length, ...req.train };
  const tensorsBefore = liveTensors();
  const t0 = performance.now();
  const engine = req.engine === 'js-f64' ? createJsEngine() : await pool.get(req.engine);
  engine.setData(train);
  engine.setParams(req.params);
  engine.setWeights({ w1: 0, w2: 0, b: 0 });
  const setupMs = performance.now() - t0;
  let done = 0;
  let weights = { w1: 0, w2: 0, b: 0 };
  let k = 1;
  const start = performance.now();
  while (done < req.epochs && performance.now() - start < req.maxMs) {
    const want = Math.min(k, req.epochs - done);
    weights = engine.run(want);
    done += want;
    k = Math.min(k * 2, 1 << 20);
  }
  const ms = performance.now() - start;
  if (engine === trainer.currentEngine) trainer.setEngine(engine); // restore its state
  return {
    engine: req.engine,
    n: train.n,
    epochs: done,
    ms,
    epochsPerSecond: (done * 1000) / ms,
    weights,
    precision: engine.precision,
    setupMs,
    tensorsBefore,
    tensorsAfter: liveTensors(),
    trainingBytes: 3 * 8 * train.n + tfBytes() + (engine.id === 'fused-webgl' ? 16 * train.n : 0),
  };
}

async function handle(msg: ToWorker): Promise<void> {
  if (msg.runId < trainer.runId) return; // stale
  trainer.runId = msg.runId;
  switch (msg.type) {
    case 'load-data':
      races.stop();
      trainer.loadData(msg.train, msg.test, msg.keepWeights);
      postOptimum();
      return autoSelect();
    case 'set-params': {
      const supportedBefore = trainer.currentEngine.supports(trainer.params);
      const l2Changed = msg.params.l2 !== trainer.params.l2;
      trainer.setParams(msg.params);
      if (l2Changed) postOptimum();
      if (
        supportedBefore !== trainer.currentEngine.supports(msg.params) ||
        !trainer.currentEngine.supports(msg.params)
      ) {
        if (choice !== 'auto' && !trainer.currentEngine.supports(msg.params)) {
          choice = 'auto';
          post({
            type: 'notice',
            runId: msg.runId,
            message: `${trainer.currentEngine.id} cannot train with these settings (mini-batches); switched to Auto.`,
          });
        }
        return autoSelect(true);
      }
      return;
    }
    case 'choose-engine':
      choice = msg.engine;
      if (msg.engine === 'auto') return autoSelect(true);
      return use(msg.engine, `Chosen by you: ${msg.engine}.`);
    case 'play':
      return trainer.play();
    case 'pause':
      return trainer.pause();
    case 'frame-ack':
      return trainer.frameAck();
    case 'step':
      return trainer.step(msg.epochs);
    case 'reset':
      return trainer.resetWeights();
    case 'run-recipe':
      trainer.setParams(msg.params);
      trainer.loadData(msg.train, msg.test, false);
      postOptimum();
      await autoSelect();
      return trainer.play();
    case 'set-weights':
      return trainer.setWeights(msg.weights, msg.epoch);
    case 'measure':
      post({ type: 'measured', runId: msg.runId, result: await measure(msg.request) });
      return;
    case 'loss-surface': {
      const live = { cols: trainer.trainColumns, l2: trainer.params.l2 };
      const result = await surfaces.compute(msg.request, live, pool.webgl);
      post({ type: 'loss-surface', runId: msg.runId, result });
      return;
    }
    case 'race':
      return races.start(msg.runId, msg.request, {
        train: trainer.trainColumns,
        params: trainer.params,
        start: trainer.startWeights,
        gpu: pool.webgl,
      });
    case 'race-stop':
      return races.stop();
    case 'simulate-fault':
      if (msg.fault === 'crash') {
        setTimeout(() => {
          throw new Error('simulated worker crash');
        });
      } else {
        // Every WebGL context this worker holds: training, the loss grid, the race.
        pool.fusedEngine?.loseContextForTest();
        await surfaces.loseContextForTest();
        races.loseContextForTest();
      }
      return;
  }
}

// Messages are handled one at a time, in order, even when a handler awaits.
let queue = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue
    .then(() => handle(event.data))
    .catch((e: unknown) =>
      post({
        type: 'error',
        runId: trainer.runId,
        message: e instanceof Error ? e.message : String(e),
      }),
    );
};

announce();
queue = queue.then(async () => {
  pool.probeWebGL();
  if (!pool.webgl.available) {
    post({
      type: 'notice',
      runId: trainer.runId,
      message: `WebGL is unavailable here (${pool.webgl.error}); training runs on the CPU engines instead.`,
    });
  }
  // Compile the loss-grid kernel now, while the page starts: a first grid that compiles it
  // would otherwise hold up the first click on Play by its compile time.
  if (pool.webgl.available) await surfaces.warmUp('fused-webgl');
  await autoSelect(true);
});
