/**
 * The training worker's entry: binds the worker core to this worker's message port. Everything
 * else — engines, training, optimum, grids, races — lives in worker-core.ts and is tested in Node.
 */
import type { ToWorker } from './protocol.ts';
import { createWorkerCore } from './worker-core.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel task runs as soon as the queue is free; setTimeout(0) would be clamped to 4 ms.
const tasks: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => tasks.shift()?.();

const core = createWorkerCore({
  post: (msg) => scope.postMessage(msg),
  now: () => performance.now(),
  defer(fn) {
    tasks.push(fn);
    channel.port2.postMessage(0);
  },
  later: (fn, ms) => void setTimeout(fn, ms),
  crash() {
    setTimeout(() => {
      throw new Error('simulated worker crash');
    });
  },
});

scope.onmessage = (event: MessageEvent<ToWorker>) => core.receive(event.data);
void core.start();
