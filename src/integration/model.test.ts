/**
 * The model-based test of the page and the worker together: fast-check fires random sequences of
 * user actions through the real session reducer, TrainerClient and worker core, with message
 * deliveries between page and worker interleaved by fast-check's scheduler, and checks after
 * every action — and more strictly at every quiet point — that every number the page would show
 * describes the inputs on screen. A failure shrinks to a short sequence; each one found is kept
 * as a named case in regressions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toColumns, type Label, type Point } from '../core/dataset.ts';
import { FEATURE_SETS, featureSetOfWeights } from '../core/features.ts';
import { sliceWeights } from '../core/loss-surface.ts';
import { lossAndGradient, objective } from '../core/maths.ts';
import { engineSupports, type EngineChoice } from '../core/settings.ts';
import type { SessionAction } from '../ui/session.ts';
import { replayedSnapshot } from '../ui/use-time-travel.ts';
import { solveOptimum } from '../worker/optimum-service.ts';
import { CHANNELS, type Channel } from './link.ts';
import { MemoryStorage, PageModel, smallSession } from './page-model.ts';

/** What the commands act on: the page, the scheduler that orders deliveries, a storage. */
interface Real {
  page: PageModel;
  s: fc.Scheduler;
  storage: MemoryStorage;
  armed: Set<Channel>;
}
type Model = Record<string, never>;
type Cmd = fc.AsyncCommand<Model, Real>;

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Delivers up to `n` items, the scheduler choosing the channel each time (each stays FIFO). */
async function pump(r: Real, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const waiting = r.page.link.waiting();
    for (const c of CHANNELS) {
      if (waiting[c] === 0 || r.armed.has(c)) continue;
      r.armed.add(c);
      void r.s.schedule(Promise.resolve(c), c).then(async () => {
        r.armed.delete(c);
        await r.page.link.step(c);
      });
    }
    if (r.armed.size === 0) return;
    await r.s.waitOne();
    await flush();
  }
}

/** Delivers everything until no channel holds anything (training runs to its small budget). */
async function quiesce(r: Real): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    const w = r.page.link.waiting();
    if (r.armed.size === 0 && CHANNELS.every((c) => w[c] === 0)) return;
    await pump(r, 1);
  }
  throw new Error('the page and worker did not quiesce');
}

/** The reference answer for the points and L2 on screen (points arrays are never mutated). */
const optimumCache = new WeakMap<object, Map<string, ReturnType<typeof solveOptimum>>>();
function reference(page: PageModel) {
  const { points, hyper, dataVersion } = page.session;
  const byKey = optimumCache.get(points) ?? new Map<string, ReturnType<typeof solveOptimum>>();
  optimumCache.set(points, byKey);
  const key = `${hyper.l2}:${hyper.features}`;
  let o = byKey.get(key);
  if (!o) {
    const cols = toColumns(points.filter((p) => p.split === 'train'));
    o = solveOptimum(dataVersion, cols, hyper.l2, hyper.features);
    byKey.set(key, o);
  }
  return o;
}

/** What must hold at every moment: nothing shown describes other inputs. */
function checkAlways(page: PageModel): void {
  const v = page.view();
  if (v.optimum) expect(v.optimum).toEqual(reference(page).result);
  if (v.maxMargin) expect(v.maxMargin).toEqual(reference(page).maxMargin);
  const epochs = v.history.map((h) => h.epoch);
  epochs.forEach((e, i) => i > 0 && expect(e).toBeGreaterThan(epochs[i - 1]!));
  expect(v.epochsPerSecond).toBeGreaterThanOrEqual(0);
  if (v.diverged) expect(v.running).toBe(false);
  if (v.race) expect(v.race.data).toBe(page.session.dataVersion);
  if (v.surface) expect(v.surface.data).toBe(page.session.dataVersion);
}

/** What must hold once every message is delivered. */
function checkQuiet(page: PageModel): void {
  checkAlways(page);
  const v = page.view();
  const s = page.session;
  const w = page.client.getState().worker!;
  const core = page.link.core().inspect();
  const cols = toColumns(s.points.filter((p) => p.split === 'train'));
  expect(w.applied).toEqual({
    data: s.dataVersion,
    settings: s.settingsVersion,
    run: page.client.getState().run,
  });
  expect(v.solving).toBe(false);
  expect(v.optimum).toEqual(reference(page).result);
  // The engine named is the one training, and it can train these settings.
  expect(v.engine!.engine).toBe(core.engine);
  expect(engineSupports(v.engine!.engine, s.hyper)).toBe(true);
  if (s.engine !== 'auto' && engineSupports(s.engine, s.hyper) && v.engine!.engine !== s.engine)
    expect(v.engine!.reason).toMatch(/failed|unavailable/);
  expect(v.running).toBe(false);
  if (v.snapshot) {
    expect(v.snapshot.epoch).toBe(core.epoch);
    expect(v.snapshot.data).toBe(s.dataVersion);
    // The model shown is the model of the features on screen, and so is every curve point.
    expect(featureSetOfWeights(v.snapshot.weights)).toBe(s.hyper.features);
  }
  for (const h of v.history) expect(featureSetOfWeights(h.weights)).toBe(s.hyper.features);
  const last = v.history.at(-1);
  if (last && v.snapshot) expect(last.epoch).toBeLessThanOrEqual(v.snapshot.epoch);
  // Every curve point that claims the data and L2 on screen was computed on them.
  for (const h of v.history.filter((q) => q.data === s.dataVersion && q.l2 === s.hyper.l2)) {
    const j = objective(cols, h.weights, s.hyper.l2);
    // NaN without training points; +Infinity once ‖w‖² overflows (a diverging rate).
    if (!Number.isFinite(j)) expect(h.objective).toBe(j);
    else expect(Math.abs(h.objective - j)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(j)));
  }
  if (v.surface) {
    const { spec, values } = v.surface;
    const at = spec.slice
      ? sliceWeights(spec.slice, spec.w1[0], spec.w2[0])
      : { w1: spec.w1[0], w2: spec.w2[0], b: spec.b };
    const j = objective(cols, at, spec.l2);
    if (Number.isNaN(j))
      expect(values[0]).toBeNaN(); // no training points: J is undefined
    else expect(Math.abs(values[0]! - j)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(j)));
  }
  const race = page.client.getState().race;
  if (race?.status === 'running') expect(race.data).toBe(s.dataVersion);
}

/** A command from a description, a user action and how many deliveries follow it. */
const command = (
  name: string,
  act: (r: Real) => void | PageModel | Promise<void | PageModel>,
  deliveries = 0,
): Cmd => ({
  check: () => true,
  async run(_m, r) {
    const next = await act(r);
    if (next instanceof PageModel) r.page = next;
    checkAlways(r.page);
    await pump(r, deliveries);
    checkAlways(r.page);
  },
  toString: () => `${name}${deliveries ? ` +${deliveries}` : ''}`,
});

const dispatch = (name: string, a: SessionAction, n: number) =>
  command(name, (r) => r.page.dispatch(a), n);

const coord = fc.double({ min: -4, max: 4, noNaN: true });
const label = fc.constantFrom<Label>(0, 1);
const n = fc.nat(12);
const pointIndex = fc.nat(200);
const importPoints = fc
  .array(fc.record({ x1: coord, x2: coord, label, split: fc.constantFrom('train', 'test') }), {
    minLength: 4,
    maxLength: 30,
  })
  .map((ps) => [
    ...ps,
    { x1: 5, x2: 5, label: 1 as const, split: 'train' as const },
    { x1: -5, x2: -5, label: 0 as const, split: 'train' as const },
  ]) as fc.Arbitrary<Point[]>;
const pointId = (r: Real, i: number) => {
  const pts = r.page.session.points;
  return pts.length === 0 ? -1 : pts.idAt(i % pts.length);
};

const commands: fc.Arbitrary<Cmd>[] = [
  fc
    .tuple(coord, coord, label, n)
    .map(([x1, x2, l, k]) =>
      dispatch(`add(${x1},${x2},${l})`, { type: 'add', x1, x2, label: l }, k),
    ),
  fc
    .tuple(pointIndex, coord, coord, fc.integer({ min: 1, max: 6 }), n)
    .map(([i, x1, x2, moves, k]) =>
      command(
        `drag(${i} → ${x1},${x2} in ${moves})`,
        (r) => {
          const id = pointId(r, i);
          for (let m = 1; m <= moves; m++) {
            const f = m / moves;
            r.page.dispatch({ type: 'move', id, x1: x1 * f, x2: x2 * f, commit: m === moves });
          }
        },
        k,
      ),
    ),
  fc
    .tuple(pointIndex, n)
    .map(([i, k]) =>
      command(`delete(${i})`, (r) => r.page.dispatch({ type: 'delete', id: pointId(r, i) }), k),
    ),
  n.map((k) => dispatch('undo', { type: 'undo' }, k)),
  n.map((k) => dispatch('redo', { type: 'redo' }, k)),
  fc
    .tuple(
      fc.constantFrom('tutorial', 'overlap', 'imbalanced', 'outlier', 'xor', 'circle' as const),
      fc.integer({ min: 8, max: 60 }),
      fc.nat(20),
      n,
    )
    .map(([id, size, seed, k]) =>
      dispatch(
        `preset(${id}, n ${size}, seed ${seed})`,
        { type: 'preset', patch: { id, n: size, seed } },
        k,
      ),
    ),
  n.map((k) => dispatch('clear', { type: 'clear' }, k)),
  fc
    .tuple(importPoints, n)
    .map(([points, k]) => dispatch(`import(${points.length})`, { type: 'import', points }, k)),
  fc
    .tuple(fc.constantFrom(1e-3, 0.01, 0.1, 1, 10), n)
    .map(([lr, k]) => dispatch(`lr ${lr}`, { type: 'hyper', patch: { lr } }, k)),
  fc
    .tuple(fc.constantFrom(0, 0.01, 0.5, 0), n)
    .map(([l2, k]) => dispatch(`L2 ${l2}`, { type: 'hyper', patch: { l2 } }, k)),
  fc
    .tuple(fc.constantFrom(0, 8), n)
    .map(([batchSize, k]) =>
      dispatch(`batch ${batchSize}`, { type: 'hyper', patch: { batchSize } }, k),
    ),
  fc
    .tuple(fc.constantFrom('sgd', 'momentum', 'adam' as const), n)
    .map(([optimizer, k]) =>
      dispatch(`optimizer ${optimizer}`, { type: 'hyper', patch: { optimizer } }, k),
    ),
  fc
    .tuple(fc.constantFrom(50, 400, 1_500), n)
    .map(([epochs, k]) => dispatch(`epochs ${epochs}`, { type: 'hyper', patch: { epochs } }, k)),
  fc
    .tuple(fc.constantFrom(...FEATURE_SETS), n)
    .map(([features, k]) =>
      dispatch(`features ${features}`, { type: 'hyper', patch: { features } }, k),
    ),
  fc
    .tuple(fc.constantFrom('on', 'off' as const), n)
    .map(([standardize, k]) =>
      dispatch(`standardize ${standardize}`, { type: 'hyper', patch: { standardize } }, k),
    ),
  fc
    .tuple(fc.constantFrom<EngineChoice>('auto', 'js-f64', 'fused-webgl', 'wasm-f64'), n)
    .map(([engine, k]) => dispatch(`engine ${engine}`, { type: 'engine', engine }, k)),
  fc
    .tuple(fc.constantFrom('max', 'fast' as const), n)
    .map(([speed, k]) => dispatch(`speed ${speed}`, { type: 'speed', speed }, k)),
  n.map((k) => command('play', (r) => r.page.client.play(), k)),
  n.map((k) => command('pause', (r) => r.page.client.pause(), k)),
  fc
    .tuple(fc.constantFrom(1, 10, 100), n)
    .map(([e, k]) => command(`step ${e}`, (r) => r.page.client.step(e), k)),
  n.map((k) => command('reset', (r) => r.page.reset(), k)),
  n.map((k) =>
    command(
      'recipe',
      (r) =>
        r.page.recipe([
          {
            type: 'hyper',
            patch: { lr: 0.01, l2: 0, batchSize: 0, optimizer: 'sgd', epochs: 400 },
          },
          { type: 'preset', patch: { id: 'tutorial', n: 30, seed: 42 } },
        ]),
      k,
    ),
  ),
  n.map((k) => command('crash', (r) => r.page.client.simulateFault('crash'), k)),
  n.map((k) =>
    command('lose WebGL context', (r) => r.page.client.simulateFault('lose-webgl-context'), k),
  ),
  fc.tuple(fc.constantFrom(100, 1_000), n).map(([epochs, k]) =>
    command(
      `race ${epochs}`,
      (r) =>
        r.page.client.race({
          lanes: [
            { lr: 0.1, optimizer: 'sgd' },
            { lr: 1, optimizer: 'adam' },
          ],
          epochs,
          engine: 'auto',
        }),
      k,
    ),
  ),
  n.map((k) => command('race stop', (r) => r.page.client.raceStop(), k)),
  n.map((k) =>
    command(
      'loss grid',
      (r) =>
        r.page.client.surface({ id: 1, w1: [-3, 3], w2: [-3, 3], b: 0, size: 8, engine: 'auto' }),
      k,
    ),
  ),
  n.map((k) =>
    command(
      'loss slice (w1, b)',
      (r) => {
        const at = r.page.view().snapshot?.weights;
        if (!at || !Object.values(at).every(Number.isFinite)) return;
        const slice = { axes: ['w1', 'b'] as const, at };
        r.page.client.surface({
          id: 2,
          w1: [-3, 3],
          w2: [-3, 3],
          b: 0,
          size: 8,
          engine: 'auto',
          slice,
        });
      },
      k,
    ),
  ),
  fc.tuple(fc.nat(500), n).map(([i, k]) =>
    command(
      `time travel to ${i}`,
      (r) => {
        // The replayed snapshot recomputes ∇J — only on the data and L2 the point was computed on.
        const { session } = r.page;
        const history = r.page.view().history;
        const h = history[i % Math.max(1, history.length)];
        if (!h) return;
        const cols = toColumns(session.points.filter((p) => p.split === 'train'));
        const basis = {
          data: session.dataVersion,
          l2: session.hyper.l2,
          features: session.hyper.features,
        };
        const shown = replayedSnapshot(h, cols, basis);
        if (h.data === basis.data && h.l2 === basis.l2 && cols.n > 0) {
          const { loss: _loss, ...g } = lossAndGradient(cols, h.weights, basis.l2);
          expect(shown.gradient).toEqual(g);
        } else expect(shown.gradNorm).toBeNaN();
      },
      k,
    ),
  ),
  n.map((k) =>
    command(
      'jump to optimum',
      (r) => {
        const o = r.page.view().optimum;
        if (o?.status === 'optimum') r.page.client.setWeights(o.weights);
      },
      k,
    ),
  ),
  fc.constant(
    command('quiet', async (r) => {
      await quiesce(r);
      checkQuiet(r.page);
    }),
  ),
  fc.constant(
    command('reload', async (r) => {
      await quiesce(r);
      const before = r.page.client.getState();
      const points = r.page.session.points.map(({ x1, x2, label: l, split }) => ({
        x1,
        x2,
        label: l,
        split,
      }));
      const next = r.page.reload(r.storage);
      await quiesce({ ...r, page: next });
      const after = next.client.getState();
      expect(
        next.session.points.map(({ x1, x2, label: l, split }) => ({ x1, x2, label: l, split })),
      ).toEqual(points);
      const finite = before.snapshot && Number.isFinite(before.snapshot.weights.w1);
      if (finite) {
        expect(after.snapshot?.epoch).toBe(before.snapshot!.epoch);
        expect(after.snapshot?.weights).toEqual(before.snapshot!.weights);
        expect(after.history.map((h) => h.epoch)).toEqual(before.history.map((h) => h.epoch));
      }
      return next;
    }),
  ),
  fc.constant(
    command('share link → open', async (r) => {
      const pts = r.page.session.points.toArray();
      const next = r.page.shareAndOpen();
      await quiesce({ ...r, page: next });
      // The link rounds coordinates to 6 significant digits.
      const got = next.session.points.toArray();
      expect(got.length).toBe(pts.length);
      got.forEach((p, i) => {
        expect(p.label).toBe(pts[i]!.label);
        expect(p.split).toBe(pts[i]!.split);
        expect(Math.abs(p.x1 - pts[i]!.x1)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(pts[i]!.x1)));
      });
      return next;
    }),
  ),
];

describe('the page and the worker, under random sequences of user actions', () => {
  it('every number shown describes the data and settings on screen', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.commands(commands, {
          maxCommands: 25,
          ...(process.env.MODEL_REPLAY ? { replayPath: process.env.MODEL_REPLAY } : {}),
        }),
        async (s, cmds) => {
          const real: Real = {
            page: new PageModel(smallSession('overlap', 30)),
            s,
            storage: new MemoryStorage(),
            armed: new Set(),
          };
          await fc.asyncModelRun(() => ({ model: {}, real }), cmds);
          await quiesce(real);
          checkQuiet(real.page);
          real.page.client.stop();
        },
      ),
      {
        numRuns: Number(process.env.MODEL_RUNS ?? 2_000),
        ...(process.env.MODEL_SEED ? { seed: Number(process.env.MODEL_SEED) } : {}),
        ...(process.env.MODEL_PATH ? { path: process.env.MODEL_PATH, endOnFailure: true } : {}),
      },
    );
  }, 600_000);
});
