/**
 * Auto's timing never delays a run's first frames (issue #14): new data with Play right after
 * start training at once on the engine in use; the engines are timed when nothing waits on it.
 */
import { describe, expect, it } from 'vitest';
import type { Columns } from '../core/dataset.ts';
import { makePreset } from '../core/datasets.ts';
import { toColumns } from '../core/dataset.ts';
import { DEFAULT_HYPER } from '../core/settings.ts';
import { EnginePool } from './engine-pool.ts';
import { CALIBRATE_AFTER_MS, EngineSelector } from './engine-selector.ts';
import { createJsEngine } from './engines/js-f64.ts';
import { Trainer, type TrainerEvent } from './trainer.ts';

const cols: Columns = toColumns(makePreset('overlap', { n: 200, noise: 1, seed: 3 }));
const none: Columns = {
  n: 0,
  x1: new Float64Array(0),
  x2: new Float64Array(0),
  y: new Float64Array(0),
};

function harness() {
  let clock = 0;
  const queue: (() => void | Promise<void>)[] = [];
  const events: { at: number; what: string }[] = [];
  const trainer: Trainer = new Trainer(createJsEngine(), {
    post: (m: TrainerEvent) => {
      if (m.type === 'progress') {
        events.push({ at: clock, what: `progress ${m.snapshot.epoch}` });
        queue.push(() => trainer.frameAck());
      }
    },
    now: () => (clock += 0.05), // time passes as the trainer looks at it (as in src/integration)
    defer: (fn) => queue.push(() => ((clock += 1), fn())), // a slice of training: 1 ms
    later: (fn, ms) => queue.push(() => ((clock += ms), fn())),
    engineFailed: () => {},
  });
  const pool = new EnginePool({
    webgl: () => {
      throw new Error('no WebGL here');
    },
    time: (engine) => {
      events.push({ at: clock, what: `timed ${engine.id}` });
      return engine.id === 'wasm-f64' ? 2 : 1;
    },
  });
  const selector = new EngineSelector(
    pool,
    trainer,
    () => {},
    (task, ms) => queue.push(() => ((clock += ms), task())),
  );
  const drain = async (until: () => boolean) => {
    for (let i = 0; i < 100_000 && queue.length && !until(); i++) await queue.shift()!();
  };
  return { trainer, selector, events, drain, time: () => clock };
}

describe('Auto and a run that starts at once', () => {
  it('plays first; times the engines only once the run pauses, never mid-run', async () => {
    const h = harness();
    h.trainer.setParams({ ...DEFAULT_HYPER, epochs: 1e9, optimizer: 'adam' });
    h.trainer.loadData(cols, none, false);
    await h.selector.settle(true);
    h.trainer.play(); // Play queued right behind the new data
    expect(h.selector.status().reason).toMatch(/timing the engines on 200 points/);
    const engine = h.trainer.currentEngine;
    await h.drain(() => h.time() > 5 * CALIBRATE_AFTER_MS);
    // A switch mid-run would restart Adam's moments: the run keeps its engine and state.
    expect(h.events.some((e) => e.what.startsWith('timed'))).toBe(false);
    expect(h.events.some((e) => e.what.startsWith('progress'))).toBe(true);
    expect(h.trainer.currentEngine).toBe(engine);
    h.trainer.pause();
    await h.drain(() => h.selector.status().reason.startsWith('Auto: fastest'));
    const firstTiming = h.events.find((e) => e.what.startsWith('timed'))!;
    expect(firstTiming.at).toBeGreaterThan(5 * CALIBRATE_AFTER_MS);
    expect(h.selector.status()).toMatchObject({ engine: 'wasm-f64' });
  });

  it('times the engines at once when no run waits', async () => {
    const h = harness();
    h.trainer.setParams({ ...DEFAULT_HYPER });
    h.trainer.loadData(cols, none, false);
    await h.selector.settle(true);
    await h.drain(() => h.selector.status().reason.startsWith('Auto: fastest'));
    expect(h.time()).toBeLessThan(10);
    expect(h.selector.status().reason).toContain('Auto: fastest for 200 points');
  });

  it('drops the timing when the person picks an engine meanwhile', async () => {
    const h = harness();
    h.trainer.setParams({ ...DEFAULT_HYPER });
    h.trainer.loadData(cols, none, false);
    await h.selector.settle(true);
    await h.selector.choose('js-f64');
    await h.drain(() => false);
    expect(h.events.filter((e) => e.what.startsWith('timed'))).toEqual([]);
    expect(h.selector.status()).toMatchObject({
      engine: 'js-f64',
      reason: 'Chosen by you: JavaScript float64.',
    });
  });
});

describe('Auto timing the engine that trains', () => {
  it('re-seeds the fused kernel after timing it (its one instance ran the timing epochs)', async () => {
    // A stand-in "GPU" engine: float64 JS under the fused kernel's id, one shared instance.
    const gpu = Object.assign(createJsEngine(), {
      id: 'fused-webgl' as const,
      renderer: 'test GPU',
      hardware: true,
      isContextLost: () => false,
      loseContextForTest: () => {},
    });
    const trainer = new Trainer(createJsEngine(), {
      post: () => {},
      now: () => 0,
      defer: () => {},
      later: () => {},
      engineFailed: () => {},
    });
    const pool = new EnginePool({
      webgl: () => ({ renderer: gpu.renderer, hardware: true, build: () => gpu }),
      // The timing runs epochs on the instance it is given, as the real one does.
      time: (engine, train, params, start) => {
        engine.setData(train);
        engine.setParams(params);
        engine.setWeights(start);
        engine.run(500);
        return engine.id === 'fused-webgl' ? 10 : 1;
      },
    });
    pool.probeWebGL();
    const tasks: (() => void | Promise<void>)[] = [];
    const selector = new EngineSelector(
      pool,
      trainer,
      () => {},
      (t) => tasks.push(t),
    );
    trainer.setParams({ ...DEFAULT_HYPER, lr: 0.1 });
    trainer.loadData(cols, none, false);
    await selector.settle(true);
    while (tasks.length) await tasks.shift()!();
    expect(trainer.currentEngine.id).toBe('fused-webgl');
    trainer.step(50);
    const before = trainer.state.weights;
    // Three times the points: Auto times again (paused), and picks the same shared instance.
    const big = toColumns(makePreset('overlap', { n: 600, noise: 1, seed: 3 }));
    trainer.loadData(big, none, true);
    await selector.settle(true);
    while (tasks.length) await tasks.shift()!();
    expect(trainer.currentEngine.id).toBe('fused-webgl');
    expect(trainer.state.weights).toEqual(before);
    // The next epoch starts from the run's weights, not from where the timing left the instance.
    const reference = createJsEngine();
    reference.setData(big);
    reference.setParams({ ...DEFAULT_HYPER, lr: 0.1 });
    reference.setWeights(before);
    expect(trainer.currentEngine.run(1)).toEqual(reference.run(1));
  });
});
