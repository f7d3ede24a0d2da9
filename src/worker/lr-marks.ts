import type { LrMark } from './protocol.ts';

/** Rate changes less than this apart (wall time, ms) are one gesture: one mark. */
export const MARK_GESTURE_MS = 600;

/**
 * The loss curve's learning-rate marks not yet posted. A gesture — a drag of the slider, or arrow
 * keys pressed in quick succession — makes one mark, at the epoch where it began, with the rate it
 * has come to: a repeated mark carries the epoch of the one it replaces, and the page replaces a
 * mark at an epoch it already has (so changes while paused, all at one epoch, make one mark too).
 */
export class LrMarks {
  private pending: LrMark[] = [];
  private last: { epoch: number; at: number } | null = null;

  /** The rate became `lr` at `epoch`; `now` is wall time, ms. */
  add(epoch: number, lr: number, now: number): void {
    const last = this.last;
    const at =
      last && (last.epoch === epoch || now - last.at < MARK_GESTURE_MS) ? last.epoch : epoch;
    this.last = { epoch: at, at: now };
    this.pending = this.pending.filter((m) => m.epoch !== at);
    this.pending.push({ epoch: at, lr });
  }

  /** The marks to post now (and forgets them). */
  take(): LrMark[] {
    const marks = this.pending;
    this.pending = [];
    return marks;
  }

  /** A new run: no mark carries over, and no gesture goes on. */
  clear(): void {
    this.pending = [];
    this.last = null;
  }

  /** Back in time to `epoch`: marks after it are gone, and a gesture begun after it ends. */
  rewind(epoch: number): void {
    this.pending = this.pending.filter((m) => m.epoch <= epoch);
    if (this.last && this.last.epoch > epoch) this.last = null;
  }
}
