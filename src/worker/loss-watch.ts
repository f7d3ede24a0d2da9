/**
 * Watches the sampled train loss for a learning rate that is too large. Logistic regression does
 * not blow up to NaN at a large rate — its gradient is bounded — so the loss instead bounces or
 * climbs. Flags when, at least WATCH_FROM epochs after the best sample, the mean of the last
 * WATCH_N samples stays 30 % (+0.02) above that best. A separable run at a large rate may jump up
 * for a few epochs and then recover; the delay lets it.
 */
import type { Weights } from '../core/maths.ts';

/** Samples averaged. */
const WATCH_N = 8;
/** Epochs since the best sample before a rise counts. */
const WATCH_FROM = 50;

/** What the watch found: the best weights to go back to, and the loss now. */
export interface Rising {
  best: { loss: number; weights: Weights; epoch: number };
  recentLoss: number;
}

export class LossWatch {
  private best = { loss: Infinity, weights: { w1: 0, w2: 0, b: 0 }, epoch: 0 };
  private recent: number[] = [];

  /** Starts a new stretch (new data, parameters or weights). */
  reset(weights: Weights, epoch: number): void {
    this.best = { loss: Infinity, weights: { ...weights }, epoch };
    this.recent = [];
  }

  /** Records one sample; returns what it found when the loss keeps staying far above its best. */
  observe(loss: number, weights: Weights, epoch: number): Rising | null {
    if (loss < this.best.loss) this.best = { loss, weights: { ...weights }, epoch };
    this.recent.push(loss);
    if (this.recent.length > WATCH_N) this.recent.shift();
    if (this.recent.length < WATCH_N || epoch - this.best.epoch < WATCH_FROM) return null;
    const mean = this.recent.reduce((a, b) => a + b, 0) / WATCH_N;
    return mean > 1.3 * this.best.loss + 0.02 ? { best: { ...this.best }, recentLoss: mean } : null;
  }
}
