/**
 * The worker's inbox: messages are handled one at a time, in order, even when a handler awaits —
 * and a message that a later one in the queue makes pointless is merged into it or dropped. A drag
 * posts new data on every pointer move; only the last of a burst is worth loading (and solving).
 */
import type { ToWorker } from './protocol.ts';

/**
 * Whether `later` makes `earlier` pointless, and if so the message to handle in place of `later`.
 * Loading new data twice: the later wins, restarting if either restarts (and an edit before new
 * data is dropped; a point moved twice, once). Settings are sent
 * whole, so the later set wins. Live loss grids: only the latest request is wanted. Acks: one.
 */
export function supersede(earlier: Item, later: Item): Item | null {
  if (earlier.type === 'load-data' && later.type === 'load-data') {
    return { ...later, run: later.run ?? earlier.run };
  }
  if (earlier.type === 'load-data' && later.type === 'run-recipe') return later;
  // An edit is pointless before new data; two moves of one point: the later's place, from the
  // earlier's base. (An edit is never looked past: what follows it is made of its data.)
  if (earlier.type === 'edit-data' && (later.type === 'load-data' || later.type === 'run-recipe'))
    return later;
  if (earlier.type === 'edit-data' && later.type === 'edit-data') {
    const [a, b] = [earlier.edit, later.edit];
    if (a.op === 'move' && b.op === 'move' && a.test === b.test && a.index === b.index)
      return { ...later, base: earlier.base };
  }
  if (earlier.type === 'set-settings' && later.type === 'set-settings') return later;
  if (earlier.type === 'set-settings' && later.type === 'run-recipe') return later;
  if (earlier.type === 'frame-ack' && later.type === 'frame-ack') return later;
  if (earlier.type === 'set-speed' && later.type === 'set-speed') return later;
  if (
    earlier.type === 'loss-surface' &&
    later.type === 'loss-surface' &&
    !earlier.request.train &&
    !later.request.train
  ) {
    return later;
  }
  return null;
}

/** Messages a merge may look past: none of them reads the data or settings being replaced. */
const PASSABLE = new Set<Item['type']>([
  'frame-ack',
  'loss-surface',
  'load-data',
  'set-settings',
  'set-speed',
  'play',
  'pause',
]);

/** Work queued behind the messages before it (the worker's start-up). */
export interface Task {
  type: 'task';
  run: () => Promise<void>;
}
type Item = ToWorker | Task;

export class Inbox {
  private readonly queue: Item[] = [];
  private busy = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly handle: (msg: ToWorker) => Promise<void> | void,
    private readonly fail: (error: unknown) => void,
  ) {}

  /** Queues a message; handling starts at once if nothing else is being handled. */
  push(msg: Item): void {
    this.queue.push(msg);
    if (!this.busy) void this.drain();
  }

  /** Whether messages wait (work that can wait, such as solving, yields to them). */
  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once the queue is empty and nothing is being handled. */
  idle(): Promise<void> {
    if (!this.busy && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private take(): Item {
    let msg = this.queue.shift()!;
    // Merge `msg` into a later message that supersedes it, looking past only messages whose
    // outcome cannot depend on it (a reset or a step in between would see the older inputs).
    for (let i = 0; i < this.queue.length; i++) {
      const next = this.queue[i]!;
      const merged = supersede(msg, next);
      if (merged !== null) {
        this.queue[i] = merged;
        msg = this.queue.shift()!;
        i = -1;
      } else if (!PASSABLE.has(next.type)) break;
    }
    return msg;
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.queue.length > 0) {
      try {
        const item = this.take();
        await (item.type === 'task' ? item.run() : this.handle(item));
      } catch (e) {
        this.fail(e);
      }
    }
    this.busy = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}
