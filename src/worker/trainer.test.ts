import { describe, expect, it } from 'vitest';
import overlap from '../core/__fixtures__/overlap-mle.json';
import fixture from '../core/__fixtures__/separable-l2.json';
import type { Columns } from '../core/dataset.ts';
import { runGradientDescent } from '../core/gradient-descent.ts';
import type { Weights } from '../core/maths.ts';
import { accuracy } from '../core/metrics.ts';
import type { Engine } from './engines/engine.ts';
import { createJsEngine } from './engines/js-f64.ts';
import { DEFAULT_HYPER } from '../core/settings.ts';
import { sampleEpochs } from './history.ts';
import type { DataArrays, Hyper } from './protocol.ts';
import { Trainer, type TrainerEvent, type TrainerHost } from './trainer.ts';

const arrays = (idx: number[]): DataArrays => ({
  x1: Float64Array.from(idx, (i) => fixture.x[i]![0]!),
  x2: Float64Array.from(idx, (i) => fixture.x[i]![1]!),
  y: Float64Array.from(idx, (i) => fixture.y[i]!),
});
const columns = (d: DataArrays): Columns => ({ n: d.y.length, ...d });
const all = arrays(fixture.x.map((_, i) => i));
const testSplit = arrays([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** A deterministic host: engine calls advance a fake clock by `usPerEpoch` per epoch. */
function harness(opts: { usPerEpoch?: number; engine?: Engine } = {}) {
  const messages: TrainerEvent[] = [];
  let clock = 0;
  const queue: (() => void)[] = [];
  const failures: unknown[] = [];
  const inner = opts.engine ?? createJsEngine();
  const engine: Engine = {
    ...inner,
    id: inner.id,
    precision: inner.precision,
    run(k: number): Weights {
      clock += (k * (opts.usPerEpoch ?? 5)) / 1000;
      return inner.run(k);
    },
  };
  const host: TrainerHost = {
    post: (m) => {
      messages.push(m);
      // The page acknowledges each progress message once it has drawn it.
      if (m.type === 'progress') queue.push(() => trainer.frameAck());
    },
    now: () => clock,
    defer: (fn) => queue.push(fn),
    later: (fn, ms) => queue.push(() => ((clock += ms), fn())),
    engineFailed: (e) => failures.push(e),
  };
  const trainer = new Trainer(engine, host);
  const drain = (maxTasks = 1e6) => {
    for (let i = 0; i < maxTasks && queue.length; i++) queue.shift()!();
  };
  return { trainer, messages, drain, failures, time: () => clock };
}

const start = (t: Trainer, patch: Partial<Hyper> = {}) => {
  t.setParams({ ...DEFAULT_HYPER, ...patch });
  t.loadData(all, testSplit, false);
};
const of = <T extends TrainerEvent['type']>(ms: TrainerEvent[], type: T) =>
  ms.filter((m): m is Extract<TrainerEvent, { type: T }> => m.type === type);

describe('Trainer', () => {
  it('marks a learning-rate change mid-run at the epoch it applies from', () => {
    const h = harness();
    start(h.trainer);
    h.trainer.step(500);
    h.trainer.setParams({ ...DEFAULT_HYPER, lr: 0.5 });
    h.trainer.step(10);
    const marks = of(h.messages, 'progress').flatMap((m) => m.marks);
    expect(marks).toEqual([{ epoch: 500, lr: 0.5 }]);
  });

  it('marks a quick run of rate changes (a drag, arrow keys) once, where it began', () => {
    const h = harness({ usPerEpoch: 1000 }); // 1 ms an epoch
    start(h.trainer);
    h.trainer.step(500);
    for (const lr of [0.02, 0.05, 0.1]) {
      h.trainer.setParams({ ...DEFAULT_HYPER, lr });
      h.trainer.step(100); // 100 ms apart: one gesture
    }
    h.trainer.step(2000); // 2 s later: a new gesture
    h.trainer.setParams({ ...DEFAULT_HYPER, lr: 0.2 });
    const marks = of(h.messages, 'progress').flatMap((m) => m.marks);
    expect(marks.map((m) => m.epoch)).toEqual([500, 500, 500, 2800]);
    expect(marks.at(-2)).toEqual({ epoch: 500, lr: 0.1 });
    expect(marks.at(-1)).toEqual({ epoch: 2800, lr: 0.2 });
  });

  it('paced at Normal, the tutorial run lasts ~10 s of wall time and ends on the same weights', () => {
    const max = harness();
    start(max.trainer);
    max.trainer.play();
    max.drain();
    const paced = harness();
    start(paced.trainer);
    paced.trainer.setSpeed('normal');
    const t0 = paced.time();
    paced.trainer.play();
    // Early epochs are slow: after 2 s of wall time the run is still in its first ~10 epochs.
    const epochAt = (ms: number) => {
      while (paced.time() - t0 < ms) paced.drain(1);
      return paced.trainer.state.epoch;
    };
    expect(epochAt(2_000)).toBeLessThanOrEqual(12);
    expect(epochAt(6_000)).toBeLessThan(2_000);
    paced.drain();
    const seconds = (paced.time() - t0) / 1000;
    expect(seconds).toBeGreaterThan(9);
    expect(seconds).toBeLessThan(11);
    expect(paced.trainer.state.epoch).toBe(200_000);
    expect(paced.trainer.state.weights).toEqual(max.trainer.state.weights);
  });

  it('runs the whole budget and lands exactly on the float64 tutorial checkpoint', () => {
    const h = harness();
    start(h.trainer);
    h.trainer.play();
    h.drain();
    const done = of(h.messages, 'done');
    expect(done).toHaveLength(1);
    expect(done[0]!.epoch).toBe(200_000);
    const last = of(h.messages, 'progress').at(-1)!;
    expect(h.trainer.isRunning).toBe(false);
    const cp = fixture.gradient_descent.checkpoints['200000'];
    expect(last.snapshot.weights.w1).toBeCloseTo(cp.w[0]!, 5);
    expect(last.snapshot.weights.w2).toBeCloseTo(cp.w[1]!, 5);
    expect(last.snapshot.weights.b).toBeCloseTo(cp.b, 5);
  });

  it('sends at most one progress message per 16 ms frame while running', () => {
    const h = harness({ usPerEpoch: 5 });
    start(h.trainer);
    h.messages.length = 0;
    h.trainer.play();
    h.drain();
    const progress = of(h.messages, 'progress');
    const elapsed = h.time();
    // 200,000 epochs × 5 µs = 1 s of fake time → at most ~63 frames (+ forced final messages).
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 16) + 3);
    expect(progress.length).toBeGreaterThan(20);
  });

  it('streams the loss curve once, on the log-spaced grid plus every report epoch, a few hundred points for 200,000 epochs', () => {
    const h = harness();
    start(h.trainer);
    h.trainer.play();
    h.drain();
    const epochs = of(h.messages, 'progress').flatMap((m) => m.history.map((p) => p.epoch));
    const grid = sampleEpochs(200_000, 10_000);
    // The grid, plus the final epoch so that the curve ends where training did.
    expect(epochs).toEqual(grid.at(-1) === 200_000 ? grid : [...grid, 200_000]);
    for (let e = 0; e <= 200_000; e += 10_000) expect(epochs).toContain(e);
    expect(new Set(epochs).size).toBe(epochs.length);
    expect(epochs.length).toBeGreaterThan(200);
    expect(epochs.length).toBeLessThan(600);
  });

  it('reports test accuracy at exactly every 10,000 epochs, as the tutorial does', () => {
    const h = harness();
    start(h.trainer);
    h.trainer.play();
    h.drain();
    const reports = of(h.messages, 'progress').flatMap((m) => m.reports);
    expect(reports.map((r) => r.epoch)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i + 1) * 10_000),
    );
    const epochs = reports.map((r) => r.epoch);
    const ref = runGradientDescent(columns(all), {
      lr: 0.01,
      epochs: 200_000,
      checkpoints: epochs,
    });
    for (const r of reports) {
      expect(r.testAccuracy).toBe(
        accuracy(columns(testSplit), ref.checkpoints.get(r.epoch)!.weights),
      );
    }
  });

  it('applies a new learning rate from the next chunk without resetting the weights', () => {
    const h = harness();
    start(h.trainer, { epochs: 2_000 });
    h.trainer.step(1_000);
    const mid = h.trainer.state.weights;
    h.trainer.setParams({ ...DEFAULT_HYPER, epochs: 2_000, lr: 1 });
    expect(h.trainer.state.weights).toEqual(mid);
    h.trainer.step(1_000);
    const fast = h.trainer.state.weights;

    const slow = harness();
    start(slow.trainer, { epochs: 2_000 });
    slow.trainer.step(2_000);
    // 1,000 epochs at lr 1 move w far further than 1,000 more at lr 0.01 (measured: ~9.5×).
    expect(Math.hypot(fast.w1 - mid.w1, fast.w2 - mid.w2)).toBeGreaterThan(
      5 *
        Math.hypot(slow.trainer.state.weights.w1 - mid.w1, slow.trainer.state.weights.w2 - mid.w2),
    );
  });

  it('keeps the weights when points are added mid-run and continues from them', () => {
    const h = harness();
    start(h.trainer, { epochs: 5_000 });
    h.trainer.step(500);
    const before = h.trainer.state;
    h.trainer.loadData(arrays([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), testSplit, true);
    expect(h.trainer.state.weights).toEqual(before.weights);
    expect(h.trainer.state.epoch).toBe(500);
  });

  it('pauses on a non-finite update and offers the last finite weights', () => {
    let calls = 0;
    const base = createJsEngine();
    const flaky: Engine = {
      ...base,
      id: 'js-f64',
      precision: 'float64',
      run: (k) => (++calls > 3 ? { w1: Number.NaN, w2: 0, b: 0 } : base.run(k)),
    };
    const h = harness({ engine: flaky });
    start(h.trainer, { epochs: 100 });
    h.trainer.play();
    h.drain();
    const d = of(h.messages, 'diverged');
    expect(d).toHaveLength(1);
    expect(Number.isFinite(d[0]!.lastFinite.w1)).toBe(true);
    expect(d[0]!.lastFinite).toEqual(h.trainer.state.weights);
    expect(h.trainer.state.running).toBe(false);
  });

  it('pauses when a too-large learning rate keeps the loss bouncing far above its best', () => {
    const ov = overlap.x.map((_, i) => i);
    const d: DataArrays = {
      x1: Float64Array.from(ov, (i) => overlap.x[i]![0]!),
      x2: Float64Array.from(ov, (i) => overlap.x[i]![1]!),
      y: Float64Array.from(ov, (i) => overlap.y[i]!),
    };
    const h = harness();
    h.trainer.setParams({ ...DEFAULT_HYPER, lr: 10, epochs: 20_000 });
    h.trainer.loadData(d, d, false);
    h.trainer.play();
    h.drain();
    const [d0] = of(h.messages, 'diverged');
    expect(d0?.reason).toBe('rising');
    expect(d0!.recentLoss).toBeGreaterThan(1.3 * d0!.bestLoss);
    expect(h.trainer.state.running).toBe(false);
    expect(h.trainer.state.epoch).toBeLessThan(2_000);
  });

  it('does not cry wolf: the same rate on separable data converges and is not flagged', () => {
    const h = harness();
    start(h.trainer, { lr: 10, epochs: 20_000 });
    h.trainer.play();
    h.drain();
    expect(of(h.messages, 'diverged')).toEqual([]);
    expect(of(h.messages, 'done')).toHaveLength(1);
  });

  it('stops and reports an engine failure (a lost context) without losing the last good weights', () => {
    let calls = 0;
    const base = createJsEngine();
    const lost: Engine = {
      ...base,
      id: 'fused-webgl',
      precision: 'float32',
      run: (k) => {
        if (++calls > 5) throw new Error('WebGL context lost');
        return base.run(k);
      },
    };
    const h = harness({ engine: lost });
    start(h.trainer, { epochs: 1_000 });
    h.trainer.play();
    h.drain();
    expect(h.failures).toHaveLength(1);
    expect(h.trainer.state.running).toBe(false);
    expect(h.trainer.state.epoch).toBeGreaterThan(0);
    expect(Number.isFinite(h.trainer.state.weights.w1)).toBe(true);
  });
});

describe('Trainer on large data', () => {
  it('spaces progress messages so evaluating the metrics takes at most ~20 % of the time', () => {
    // Evaluation is O(n): with a clock that charges 10 ms per snapshot, messages must come
    // ≥ 4 × 10 ms apart, however fast the engine is.
    const postedAt: number[] = [];
    let clock = 0;
    const queue: (() => void)[] = [];
    const base = createJsEngine();
    const engine: Engine = {
      ...base,
      id: 'js-f64',
      precision: 'float64',
      run: (k) => ((clock += k * 0.01), base.run(k)),
    };
    const trainer: Trainer = new Trainer(engine, {
      post: (m) => {
        if (m.type !== 'progress' || !trainer.isRunning) return;
        postedAt.push(clock);
        queue.push(() => trainer.frameAck());
      },
      now: () => clock,
      defer: (fn) => queue.push(fn),
      later: (fn) => queue.push(fn),
      engineFailed: () => {},
    });
    const snap = trainer.snapshot.bind(trainer);
    trainer.snapshot = () => ((clock += 10), snap());
    trainer.setParams({ ...DEFAULT_HYPER, epochs: 20_000 });
    trainer.loadData(all, testSplit, false);
    trainer.play();
    for (let i = 0; i < 1e6 && queue.length; i++) queue.shift()!();
    expect(postedAt.length).toBeGreaterThan(5);
    const gaps = postedAt.slice(1).map((t, i) => t - postedAt[i]!);
    // Posting at 16 ms frames would spend 10 of every 16 ms evaluating.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(38);
  });
});
