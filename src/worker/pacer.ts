/**
 * Paces training in wall time (see SPEEDS in core/settings.ts): how many epochs may have run by
 * now, counted from an anchor (the epoch and time when play, a reset or a new pace began). It
 * only ever limits how many epochs the trainer runs per slice — never which, so the numbers are
 * those of Max.
 */
import { SPEEDS, type Speed } from '../core/settings.ts';

export class Pacer {
  private t0 = 0;
  private e0 = 0;

  constructor(private speed: Speed = 'max') {}

  get current(): Speed {
    return this.speed;
  }

  /** A new pace, counted from this epoch and time. */
  set(speed: Speed, now: number, epoch: number): void {
    this.speed = speed;
    this.anchor(now, epoch);
  }

  /** Counts from this epoch and time (play, reset, a jump in the weights). */
  anchor(now: number, epoch: number): void {
    this.t0 = now;
    this.e0 = epoch;
  }

  /** The epoch training may have reached by `now` (ms); Infinity at Max. */
  allowed(now: number): number {
    const spec = SPEEDS[this.speed];
    const seconds = Math.max(0, now - this.t0) / 1000;
    if (spec.secondsPerDecade !== undefined) {
      // (+1e-9: 10 ** 3 may come out as 999.9999999, which must still allow epoch 999.)
      return Math.floor((1 + this.e0) * 10 ** (seconds / spec.secondsPerDecade) - 1 + 1e-9);
    }
    if (spec.epochsPerSecond !== undefined) {
      return this.e0 + Math.floor(seconds * spec.epochsPerSecond);
    }
    return Infinity;
  }

  /** Milliseconds from `now` until epoch `epoch + 1` is allowed (0 if it already is). */
  waitMs(now: number, epoch: number): number {
    const spec = SPEEDS[this.speed];
    const next = epoch + 1;
    let at = this.t0;
    if (spec.secondsPerDecade !== undefined) {
      at += 1000 * spec.secondsPerDecade * Math.log10((1 + next) / (1 + this.e0));
    } else if (spec.epochsPerSecond !== undefined) {
      at += (1000 * (next - this.e0)) / spec.epochsPerSecond;
    } else return 0;
    return Math.max(0, at - now);
  }
}
