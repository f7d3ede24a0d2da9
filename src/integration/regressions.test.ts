/**
 * One test per defect found in the "one truth between page and worker" issue, each driving the
 * real client and worker core the way the page does. Each failed on the code before the fix.
 */
import { describe, expect, it } from 'vitest';
import overlap from '../core/__fixtures__/overlap-mle.json';
import { toColumns } from '../core/dataset.ts';
import { gradientNorm, lossAndGradient, objective } from '../core/maths.ts';
import { replayedSnapshot } from '../ui/use-time-travel.ts';
import { solveReference } from '../core/reference-solver.ts';
import { buildModelDocument } from '../ui/model-document.ts';
import { createTfjsEngine } from '../worker/engines/tfjs.ts';
import { NODE_ENGINES, relabel } from './link.ts';
import { MemoryStorage, PageModel, smallSession } from './page-model.ts';

const trainCols = (p: PageModel) => toColumns(p.session.points.filter((q) => q.split === 'train'));

/** Lets the worker run `n` deliveries in order (training ticks included), then pauses it. */
async function runFor(p: PageModel, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const open = Object.entries(p.link.waiting()).filter(([, k]) => k > 0);
    if (open.length === 0) break;
    await p.link.step(open[0]![0] as 'tasks');
  }
}

describe('results are keyed by the inputs they were computed from', () => {
  it('found by the model test: an optimum solved before the first data arrive is not theirs', async () => {
    const p = new PageModel(smallSession('overlap'));
    // The worker handles its settings and solves before the page's first data reach it.
    await p.link.step('toWorker'); // set-settings
    await p.link.step('tasks'); // the solve, on no data
    await p.link.settle();
    expect(p.view().optimum).toEqual(solveReference(trainCols(p), 0));
  });

  it('an L2 typed and then Reset shows the optimum for that L2, never the previous one', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    const before = p.view().optimum;
    expect(before?.status).toBe('optimum');
    // Type 0.5 (committed on blur), click Reset at once: both reach the worker together.
    p.dispatch({ type: 'hyper', patch: { l2: 0.5 } });
    p.reset();
    expect(p.view().optimum).toBeNull(); // the old answer is never shown for the new L2
    expect(p.view().solving).toBe(true);
    await p.link.settle();
    const want = solveReference(trainCols(p), 0.5);
    expect(want.status).toBe('optimum');
    expect(p.view().optimum).toEqual(want);
    // Export model holds the same answer as the screen.
    const doc = buildModelDocument(p.session, p.view());
    if (want.status !== 'optimum') throw new Error('unreachable');
    expect(doc.exactOptimum).toMatchObject({ w1: want.weights.w1, b: want.weights.b });
  });

  it('new data (seed, import, clear) then Reset shows the new data’s answer or "solving"', async () => {
    const p = new PageModel(smallSession('tutorial'));
    await p.link.settle();
    expect(p.view().optimum?.status).toBe('no-finite-optimum');
    p.dispatch({ type: 'preset', patch: { id: 'overlap', seed: 9 } });
    p.reset();
    expect(p.view().optimum).toBeNull();
    expect(p.view().maxMargin).toBeNull();
    await p.link.settle();
    expect(p.view().optimum).toEqual(solveReference(trainCols(p), 0));
  });

  it('a drag posts many data versions; the worker solves the optimum once, for the last', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    const id = p.session.points.idAt(0);
    for (let k = 1; k <= 30; k++)
      p.dispatch({ type: 'move', id, x1: k / 10, x2: 0, commit: k === 30 });
    const before = p.link.received.length;
    await p.link.settle();
    const states = p.link.received
      .slice(before)
      .flatMap((m) => (m.type === 'state' ? [m.state] : []));
    const solvedFor = new Set(states.flatMap((s) => (s.optimum ? [s.optimum.data] : [])));
    expect([...solvedFor]).toEqual([p.session.dataVersion]);
    expect(states.at(-1)!.applied.data).toBe(p.session.dataVersion);
  });
});

describe('the engine the page names is the one training', () => {
  it('after Auto calibrates on the shared GPU engine, training continues from the run’s weights', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    expect(p.view().engine?.engine).toBe('fused-webgl'); // the test GPU wins calibration
    p.client.step(100);
    await p.link.settle();
    const w = p.view().snapshot!.weights;
    // A data change of > 2× size re-calibrates (running epochs on the same GPU instance).
    p.dispatch({ type: 'preset', patch: { n: 200 } });
    await p.link.settle();
    p.client.setWeights(w, 100);
    await p.link.settle();
    p.client.step(1);
    await p.link.settle();
    // One epoch on from w, not from wherever calibration left the engine.
    const cols = trainCols(p);
    const after = p.view().snapshot!;
    expect(after.epoch).toBe(101);
    expect(objective(cols, after.weights, 0)).toBeLessThan(objective(cols, w, 0) + 1e-3);
    expect(Math.abs(after.weights.w1 - w.w1)).toBeLessThan(0.05);
  });

  it('a chosen engine that cannot train these settings is not named as training', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    p.dispatch({ type: 'engine', engine: 'fused-webgl' });
    p.dispatch({ type: 'hyper', patch: { batchSize: 8 } });
    await p.link.settle();
    const e = p.view().engine!;
    expect(e.choice).toBe('fused-webgl'); // the choice stays the user's
    expect(e.engine).toBe('js-f64');
    expect(p.link.core().inspect().engine).toBe('js-f64');
    expect(e.reason).toMatch(/full batches only/);
    p.dispatch({ type: 'hyper', patch: { batchSize: 0 } });
    await p.link.settle();
    expect(p.view().engine!.engine).toBe('fused-webgl');
  });

  it('switching between TF.js engines while training never trains on a disposed one', async () => {
    const engines = {
      ...NODE_ENGINES,
      tfjs: async (id: 'tfjs-webgl' | 'tfjs-wasm' | 'tfjs-cpu') =>
        relabel(await createTfjsEngine('tfjs-cpu'), id),
    };
    const s = smallSession('overlap', 20);
    const p = new PageModel(
      { ...s, engine: 'tfjs-webgl', hyper: { ...s.hyper, epochs: 300 } },
      engines,
    );
    await p.link.settle();
    expect(p.view().engine?.engine).toBe('tfjs-webgl');
    p.client.play();
    await runFor(p, 6);
    p.dispatch({ type: 'engine', engine: 'tfjs-wasm' });
    await p.link.settle();
    expect(p.view().notices).toEqual([]);
    expect(p.view().engine?.engine).toBe('tfjs-wasm');
    expect(p.view().snapshot?.epoch).toBe(300);
  });
});

describe('Reset, divergence and races', () => {
  it('Reset while training starts a clean run: no old reports, no negative rate', async () => {
    const s = smallSession('overlap');
    const p = new PageModel({ ...s, hyper: { ...s.hyper, epochs: 50_000, reportEvery: 100 } });
    await p.link.settle();
    p.client.play();
    await runFor(p, 40);
    p.reset();
    await runFor(p, 40);
    const v = p.view();
    expect(v.epochsPerSecond).toBeGreaterThanOrEqual(0);
    const last = v.snapshot?.epoch ?? 0;
    expect(v.reports.every((r) => r.epoch <= last)).toBe(true);
    expect(v.history[0]?.epoch).toBe(0);
    p.client.pause();
    await p.link.settle();
  });

  it('Play and a new learning rate clear the divergence notice; Restore cannot rewind later', async () => {
    const s = smallSession('overlap');
    const p = new PageModel({ ...s, hyper: { ...s.hyper, lr: 10, epochs: 20_000 } });
    // The scikit-learn fixture's overlapping classes, all training points: lr 10 bounces there.
    const points = overlap.x.map((x, i) => ({
      x1: x[0]!,
      x2: x[1]!,
      label: overlap.y[i] as 0 | 1,
      split: 'train' as const,
    }));
    p.dispatch({ type: 'import', points });
    await p.link.settle();
    p.client.play();
    await p.link.settle();
    expect(p.view().diverged?.reason).toBe('rising');
    expect(p.view().running).toBe(false);
    p.dispatch({ type: 'hyper', patch: { lr: 0.1 } });
    await p.link.settle();
    expect(p.view().diverged).toBeNull();
    // Diverge again, then Play: the notice goes, and with it the Restore of an older stretch.
    p.dispatch({ type: 'hyper', patch: { lr: 10 } });
    p.client.play();
    await p.link.settle();
    expect(p.view().diverged).not.toBeNull();
    p.client.play();
    await runFor(p, 3);
    expect(p.view().diverged).toBeNull();
    p.client.pause();
    await p.link.settle();
  });

  it('a race on old data is not shown over new data, and a stopped race is not "finished"', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    p.client.race({ lanes: [{ lr: 0.1, optimizer: 'sgd' }], epochs: 1e7, engine: 'js-f64' });
    await runFor(p, 10);
    expect(p.view().race?.status).toBe('running');
    p.recipe([{ type: 'preset', patch: { id: 'tutorial', n: 30 } }]);
    await runFor(p, 30);
    expect(p.view().race).toBeNull();
    expect(p.client.getState().race?.status).toBe('stopped');
    p.client.pause();
    await p.link.settle();
  });
});

describe('time travel, crashes and reloads keep one history', () => {
  it('found by the model test: the recipe while training starts its curve at epoch 0', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    p.client.play();
    await runFor(p, 8); // run 1 has curve points not yet sent
    p.recipe([
      { type: 'hyper', patch: { epochs: 400 } },
      { type: 'preset', patch: { id: 'tutorial', n: 30 } },
    ]);
    await p.link.settle();
    const h = p.view().history;
    expect(h[0]!.epoch).toBe(0);
    expect(h.at(-1)!.epoch).toBe(400);
    expect(h.every((q) => q.data === p.session.dataVersion)).toBe(true);
  });

  it('found by a try-out: the recipe after a learning-rate change carries no mark of the old run', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    p.client.step(100);
    await p.link.settle();
    p.dispatch({ type: 'hyper', patch: { lr: 0.5 } }); // marked at epoch 100 of run 1
    await p.link.settle();
    expect(p.view().marks).toEqual([{ epoch: 100, lr: 0.5 }]);
    // The recipe sets lr back to 0.01 at epoch 100 — of the old run: no mark of the new one.
    p.recipe([
      { type: 'hyper', patch: { lr: 0.01, epochs: 400 } },
      { type: 'preset', patch: { id: 'tutorial', n: 30 } },
    ]);
    await p.link.settle();
    expect(p.view().history.at(-1)!.epoch).toBe(400);
    expect(p.view().marks).toEqual([]);
  });

  it('a crash restart continues the curve without an epoch-0 point in the middle', async () => {
    const s = smallSession('overlap');
    const p = new PageModel({ ...s, hyper: { ...s.hyper, epochs: 3_000 } });
    await p.link.settle();
    p.client.step(500);
    await p.link.settle();
    p.client.simulateFault('crash');
    await p.link.settle();
    p.client.step(500);
    await p.link.settle();
    const epochs = p.view().history.map((h) => h.epoch);
    expect(epochs.every((e, i) => i === 0 || e > epochs[i - 1]!)).toBe(true);
    expect(p.view().snapshot?.epoch).toBe(1_000);
    expect(p.view().notices.some((n) => /crashed/.test(n))).toBe(true);
  });

  it('curve points of earlier data or L2 carry their basis, so J − J* and gradients skip them', async () => {
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    p.client.step(200);
    await p.link.settle();
    p.dispatch({ type: 'hyper', patch: { l2: 0.3 } });
    p.client.step(200);
    await p.link.settle();
    const h = p.view().history;
    expect(h.some((q) => q.l2 === 0)).toBe(true);
    expect(h.at(-1)!.l2).toBe(0.3);
    for (const q of h.filter((q) => q.l2 === 0.3 && q.data === p.session.dataVersion))
      expect(q.objective).toBeCloseTo(objective(trainCols(p), q.weights, 0.3), 12);
  });

  it('a reload keeps the loss curve; a link is read once, so the autosave wins afterwards', async () => {
    const storage = new MemoryStorage();
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    p.client.step(1_000);
    await p.link.settle();
    const curve = p.view().history.map((h) => h.epoch);
    const q = p.reload(storage);
    await q.link.settle();
    expect(q.view().history.map((h) => h.epoch)).toEqual(curve);
    expect(q.view().snapshot?.epoch).toBe(1_000);
    q.client.step(100);
    await q.link.settle();
    expect(q.view().history.at(-1)!.epoch).toBeGreaterThan(1_000);
  });

  it('found by a try-out: a reload keeps the learning-rate marks that explain the curve’s bends', async () => {
    const storage = new MemoryStorage();
    const p = new PageModel(smallSession('overlap'));
    await p.link.settle();
    p.client.step(300);
    await p.link.settle();
    p.dispatch({ type: 'hyper', patch: { lr: 0.5 } });
    p.client.step(300);
    await p.link.settle();
    p.link.wait(1000); // two changes, not one gesture (see LrMarks)
    p.dispatch({ type: 'hyper', patch: { lr: 0.05 } });
    await p.link.settle();
    const marks = [
      { epoch: 300, lr: 0.5 },
      { epoch: 600, lr: 0.05 },
    ];
    expect(p.view().marks).toEqual(marks);
    const q = p.reload(storage);
    await q.link.settle();
    expect(q.view().marks).toEqual(marks);
    // Training on keeps them, a later change adds to them, and Reset (a new run) clears them.
    q.client.step(100);
    q.link.wait(1000);
    q.dispatch({ type: 'hyper', patch: { lr: 0.2 } });
    await q.link.settle();
    expect(q.view().marks).toEqual([...marks, { epoch: 700, lr: 0.2 }]);
    q.reset();
    await q.link.settle();
    expect(q.view().marks).toEqual([]);
  });

  it('found by the model test: time travel with features keeps every weight’s gradient', async () => {
    const p = new PageModel(smallSession('xor'));
    p.dispatch({ type: 'hyper', patch: { features: 'x1x2' } });
    await p.link.settle();
    p.client.step(100);
    await p.link.settle();
    const h = p.view().history.at(-1)!;
    const basis = { data: p.session.dataVersion, l2: p.session.hyper.l2, features: 'x1x2' };
    const shown = replayedSnapshot(h, trainCols(p), basis);
    const { loss: _loss, ...g } = lossAndGradient(trainCols(p), h.weights, 0);
    expect(shown.gradient.g12).toBe(g.g12);
    expect(shown.gradNorm).toBe(gradientNorm(g));
  });

  it('a change of features is a new run of the new model, with the optimum of that model', async () => {
    const p = new PageModel(smallSession('xor'));
    await p.link.settle();
    p.client.step(500);
    await p.link.settle();
    p.dispatch({ type: 'hyper', patch: { features: 'x1x2', l2: 0.01 } });
    expect(p.view().optimum).toBeNull(); // the straight line's answer is not this model's
    await p.link.settle();
    expect(p.view().snapshot?.epoch).toBe(0);
    expect(p.view().snapshot?.weights).toEqual({ w1: 0, w2: 0, w12: 0, b: 0 });
    const want = solveReference(trainCols(p), 0.01, { features: 'x1x2' });
    expect(p.view().optimum).toEqual(want);
  });
});
