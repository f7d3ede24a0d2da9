/**
 * Which engine trains: the user's choice when it can train with the current settings, else the
 * fastest that can (Auto's calibration), and always the one the page is told about. Switching
 * holds training, so no epoch runs on an engine that is being replaced or disposed.
 */
import { engineName, engineSupports, type EngineChoice, type EngineId } from '../core/settings.ts';
import type { EnginePool } from './engine-pool.ts';
import { createJsEngine } from './engines/js-f64.ts';
import type { EngineStatus } from './protocol.ts';
import type { Trainer } from './trainer.ts';
import { fmtCount } from '../core/count.ts';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const count = (n: number): string => fmtCount(n);

/** While a run plays, Auto looks this often for a pause in which to time the engines. */
export const CALIBRATE_AFTER_MS = 1_000;

/** How the selector runs Auto's timing later, in the worker's message order. */
export type Later = (task: () => Promise<void>, ms: number) => void;

export class EngineSelector {
  private choice: EngineChoice = 'auto';
  private reason = 'Starting on the float64 JavaScript engine while the engines are probed.';
  /** Training-set size Auto last calibrated on (it re-times when the size changes 2×). */
  private calibratedN = -1;
  /** Why Auto picked the engine it did, at its last calibration. */
  private picked = '';
  /** Auto's timing waits for a moment when it delays no run: the reason's lead-in, or null. */
  private pending: string | null = null;
  private scheduled = false;

  constructor(
    private readonly pool: EnginePool,
    private readonly trainer: Trainer,
    private readonly notice: (message: string) => void,
    /** Runs a task later in the worker's order; `changed` posts the new state. */
    private readonly later: Later = (task) => void task(),
    private readonly changed: () => void = () => {},
  ) {}

  /** The engine that trains now, what was asked for, and why. */
  status(): EngineStatus {
    const e = this.trainer.currentEngine;
    return {
      engine: e.id,
      choice: this.choice,
      precision: e.precision,
      renderer: this.pool.webgl.renderer,
      hardware: this.pool.webgl.hardware,
      reason: this.reason,
      engines: this.pool.describe(),
    };
  }

  /** The settings' engine choice (sent with every settings change). */
  async choose(choice: EngineChoice): Promise<void> {
    const changed = choice !== this.choice;
    this.choice = choice;
    return this.settle(changed);
  }

  /**
   * Makes the engine fit the choice, the settings and the data. `force`: re-time Auto even if
   * the data size is close to the last calibration.
   */
  async settle(force = false): Promise<void> {
    const params = this.trainer.params;
    const current = this.trainer.currentEngine;
    const choice = this.choice;
    if (choice !== 'auto' && engineSupports(choice, params)) {
      if (current.id === choice && !force) return;
      try {
        return await this.use(choice, `Chosen by you: ${engineName(choice)}.`);
      } catch (e) {
        return this.auto(true, `${engineName(choice)} is unavailable here (${message(e)}).`);
      }
    }
    const why =
      choice === 'auto'
        ? ''
        : `${engineName(choice)} trains full batches only, so with mini-batches of ${count(params.batchSize)} Auto picks instead.`;
    return this.auto(force || !engineSupports(current.id, params), why);
  }

  /**
   * Auto's pick: the fastest engine on these data that supports these settings. Timing the
   * engines takes ~0.1–0.2 s, so it never runs before a run's first frames: training starts (or
   * goes on) at once on the engine in use — float64 JavaScript if that one cannot train these
   * settings — and the timing runs next, or when the run pauses or ends.
   */
  private async auto(force: boolean, prefix: string): Promise<void> {
    const n = this.trainer.n;
    const lead = prefix ? `${prefix} ` : '';
    if (n === 0) {
      this.pending = null;
      if (this.trainer.currentEngine.id !== 'js-f64') await this.use('js-f64', '');
      this.reason = `${lead}No training data yet: the float64 JavaScript engine waits.`;
      return;
    }
    const close = this.calibratedN > 0 && n <= this.calibratedN * 2 && n >= this.calibratedN / 2;
    const fits = engineSupports(this.trainer.currentEngine.id, this.trainer.params);
    if (!force && close && fits && this.pending === null) {
      this.reason = `${lead}${this.picked}`;
      return;
    }
    if (!fits) await this.use('js-f64', '');
    const now = engineName(this.trainer.currentEngine.id);
    this.reason = `${lead}Auto: timing the engines on ${count(n)} points; ${now} trains meanwhile.`;
    this.pending = lead;
    this.schedule(0);
  }

  /** Queues Auto's timing after `ms` (once). */
  private schedule(ms: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.later(async () => {
      this.scheduled = false;
      await this.calibrate();
    }, ms);
  }

  /**
   * Times the engines, but only while no run plays: a switch mid-run would restart the optimizer's
   * state (momentum, Adam's moments and step count, the mini-batch shuffle), and the run would no
   * longer be one uninterrupted descent. While a run plays it looks again every CALIBRATE_AFTER_MS.
   */
  private async calibrate(): Promise<void> {
    const lead = this.pending;
    if (lead === null) return;
    const choice = this.choice;
    if (choice !== 'auto' && engineSupports(choice, this.trainer.params)) {
      this.pending = null; // the person has chosen an engine meanwhile
      return;
    }
    if (this.trainer.isRunning) return this.schedule(CALIBRATE_AFTER_MS);
    this.pending = null;
    if (this.trainer.n === 0) return; // the data went meanwhile: nothing to time
    const { trainColumns, params, state } = this.trainer;
    try {
      const picked = await this.pool.pickAuto(trainColumns, params, state.weights);
      this.calibratedN = trainColumns.n;
      this.picked = picked.reason;
      // The same engine again: keep it as it is (its optimizer state too) — unless the timing ran
      // on that very instance (the fused kernel has one context), which moved its weights on:
      // then it is re-seeded with the run's weights.
      const shared = picked.id === 'fused-webgl';
      if (picked.id === this.trainer.currentEngine.id && !shared) {
        this.pool.releaseTimed();
        this.reason = `${lead}${picked.reason}`;
      } else await this.use(picked.id, `${lead}${picked.reason}`);
    } catch (e) {
      this.reason = `${lead}Auto could not time the engines (${message(e)}); ${engineName(this.trainer.currentEngine.id)} trains.`;
    }
    this.changed();
  }

  /**
   * Trains on `id` from now on. The engine is always re-seeded with the trainer's data, settings
   * and weights — Auto's calibration ran epochs on the shared instance, so its weights are not
   * the run's any more.
   */
  private async use(id: EngineId, why: string): Promise<void> {
    this.trainer.hold();
    try {
      const engine = await this.pool.get(id);
      this.trainer.setEngine(engine);
      this.reason = why;
    } catch (e) {
      // The old engine may be gone (a TF.js engine is disposed before its successor is made):
      // never let an epoch run on it — float64 JavaScript is always there.
      this.trainer.setEngine(createJsEngine());
      throw e;
    } finally {
      this.trainer.release();
    }
  }

  /** An engine call threw: go on in float64 JavaScript from the last good weights, and say so. */
  async recover(error: unknown, wasRunning: boolean): Promise<void> {
    const what = message(error);
    const failed = this.trainer.currentEngine.id;
    const lost = failed === 'fused-webgl' || /context/i.test(what);
    if (lost) this.pool.dropFused();
    const { epoch } = this.trainer.state;
    await this.use(
      'js-f64',
      `The ${engineName(failed)} engine failed (${what}); training goes on in float64 JavaScript.`,
    );
    this.notice(
      `${lost ? 'The WebGL context was lost' : 'The training engine failed'} at epoch ${count(epoch)} (${what}). Training continues on the float64 JavaScript engine from the last good weights.`,
    );
    if (wasRunning) this.trainer.play();
  }
}
