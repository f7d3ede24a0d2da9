/**
 * The page's TrainerClient and the worker core, joined in Node by a fake transport. Three FIFO
 * channels — page → worker, worker → page, and the worker's deferred tasks — plus the page's
 * animation frames; `step` delivers the head of one channel, chosen by the caller (a seeded choice
 * or fast-check's scheduler), so tests explore interleavings while each channel keeps its order,
 * as postMessage does. Time is a fake clock that moves on as it is read.
 */
import type { Engine } from '../worker/engines/engine.ts';
import { createJsEngine } from '../worker/engines/js-f64.ts';
import type { EngineFactories, GpuEngine } from '../worker/engine-pool.ts';
import type { FromWorker, ToWorker } from '../worker/protocol.ts';
import { createWorkerCore, type WorkerCore } from '../worker/worker-core.ts';
import { TrainerClient, type Inputs, type Transport } from '../ui/trainer-client.ts';

export type Channel = 'toWorker' | 'toPage' | 'tasks' | 'frames';
export const CHANNELS: readonly Channel[] = ['toWorker', 'toPage', 'tasks', 'frames'];

/** A stand-in GPU engine: float64 JS arithmetic behind the GPU engine's interface, losable. */
export function fakeGpuEngine(): GpuEngine {
  const inner = createJsEngine();
  let lost = false;
  const check = () => {
    if (lost) throw new Error('WebGL context lost (test)');
  };
  return {
    id: 'fused-webgl',
    precision: 'float32',
    renderer: 'Test GPU',
    hardware: true,
    supports: (p) => p.batchSize <= 0,
    setData: (d) => inner.setData(d),
    setParams: (p) => inner.setParams(p),
    setWeights: (w) => inner.setWeights(w),
    run: (k) => (check(), inner.run(k)),
    dispose: () => inner.dispose(),
    isContextLost: () => lost,
    loseContextForTest: () => {
      lost = true;
    },
  };
}

/** Relabels an engine (a TF.js engine created for another backend id, in Node). */
export function relabel(engine: Engine, id: Engine['id']): Engine {
  return {
    id,
    precision: engine.precision,
    supports: (p) => engine.supports(p),
    setData: (d) => engine.setData(d),
    setParams: (p) => engine.setParams(p),
    setWeights: (w) => engine.setWeights(w),
    run: (k) => engine.run(k),
    dispose: () => engine.dispose(),
  };
}

/**
 * Engines for Node: the fake GPU, and Auto's calibration made deterministic — it still runs
 * epochs on the shared engine instances (as the real one does), then reports fixed rates in which
 * the GPU wins, as on a hardware GPU.
 */
export const NODE_ENGINES: Partial<EngineFactories> = {
  webgl: () => ({ renderer: 'Test GPU', hardware: true, build: fakeGpuEngine }),
  time(engine, train, params, start) {
    engine.setData(train);
    engine.setParams(params);
    engine.setWeights(start);
    engine.run(25);
    return engine.id === 'fused-webgl' ? 2e6 : 1e6;
  },
  tfjs: (id) => Promise.reject(new Error(`${id} is not available in Node`)),
};

export interface Link {
  client: TrainerClient;
  /** The worker core now serving the client (a new one after a crash). */
  core(): WorkerCore;
  /** Items waiting on each channel. */
  waiting(): Record<Channel, number>;
  /** Delivers the head of `channel`, then lets promises settle. */
  step(channel: Channel): Promise<void>;
  /** Delivers everything, in a seeded random interleaving, until all channels are empty. */
  settle(choose?: (open: Channel[]) => Channel, limit?: number): Promise<void>;
  /** Every message the page received, in order. */
  received: FromWorker[];
  /** Lets `ms` of the worker's wall time pass (a person's pause between two actions). */
  wait(ms: number): void;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export function link(inputs: Inputs, engines: Partial<EngineFactories> = NODE_ENGINES): Link {
  const queues: Record<Channel, (() => void)[]> = {
    toWorker: [],
    toPage: [],
    tasks: [],
    frames: [],
  };
  let clock = 0;
  const now = () => (clock += 0.05);
  let current: WorkerCore | null = null;
  const received: FromWorker[] = [];

  const spawn = (): Transport => {
    let alive = true;
    const t: Transport = {
      post: (msg: ToWorker) => queues.toWorker.push(() => alive && core.receive(msg)),
      onMessage: null,
      onCrash: null,
      terminate: () => {
        alive = false;
      },
    };
    const core = createWorkerCore({
      post: (msg) =>
        queues.toPage.push(() => {
          if (!alive) return;
          received.push(msg);
          t.onMessage?.(msg);
        }),
      now,
      defer: (fn) => queues.tasks.push(() => alive && fn()),
      // Time passes while a paced run waits: the fake clock jumps to when the timer would fire.
      later: (fn, ms) =>
        queues.tasks.push(() => {
          clock += ms;
          if (alive) fn();
        }),
      crash: () => queues.toPage.push(() => alive && t.onCrash?.('simulated worker crash')),
      engines,
    });
    current = core;
    void core.start();
    return t;
  };
  const client = new TrainerClient(spawn, inputs, (fn) => queues.frames.push(fn));

  const step = async (channel: Channel) => {
    queues[channel].shift()?.();
    await flush();
  };
  const open = () => CHANNELS.filter((c) => queues[c].length > 0);
  return {
    client,
    core: () => current!,
    waiting: () =>
      Object.fromEntries(CHANNELS.map((c) => [c, queues[c].length])) as Record<Channel, number>,
    step,
    received,
    wait: (ms) => {
      clock += ms;
    },
    async settle(choose = (o) => o[0]!, limit = 200_000) {
      await flush();
      for (let i = 0; i < limit; i++) {
        const o = open();
        if (o.length === 0) return;
        await step(choose(o));
      }
      throw new Error(`the link did not settle in ${limit} deliveries`);
    },
  };
}
