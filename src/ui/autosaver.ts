/**
 * The autosave's timing, outside React: `changed(x)` saves `x` at most every `everyMs` and at
 * the latest `everyMs` after a change; `stop()` cancels a pending save and `start()` re-arms —
 * so a component that is unmounted and mounted again (React's StrictMode does this in
 * development) saves as before, instead of waiting for a timer that was cleared; `flush()` saves
 * a waiting change at once, when the page is hidden or unloaded.
 */
export class Autosaver<T> {
  private latest: T | null = null;
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(
    private readonly save: (value: T) => void,
    private readonly everyMs: number,
    private readonly clock: {
      now: () => number;
      setTimeout: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
      clearTimeout: (t: ReturnType<typeof setTimeout>) => void;
    } = {
      now: () => Date.now(),
      // Wrapped: called as a method of this object, the browser's own would throw "Illegal invocation".
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (t) => clearTimeout(t),
    },
  ) {}

  /** Mounted: changes are saved from now on (a change while stopped is saved now). */
  start(): void {
    this.running = true;
    if (this.latest !== null) this.arm();
  }

  /** Unmounted: a pending save is cancelled (and re-armed by the next start). */
  stop(): void {
    this.running = false;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The value to save changed. */
  changed(value: T): void {
    this.latest = value;
    if (this.running) this.arm();
  }

  /**
   * The page is going away (a reload, a closed tab, a phone switching apps): a change still
   * waiting for its turn is saved now, not lost with the timer.
   */
  flush(): void {
    if (this.timer === null) return;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.last = this.clock.now();
    if (this.latest !== null) this.save(this.latest);
  }

  private arm(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.last + this.everyMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.last = this.clock.now();
      if (this.latest !== null) this.save(this.latest);
    }, wait);
  }
}
