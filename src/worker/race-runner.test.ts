import { describe, expect, it } from 'vitest';
import fixture from '../core/__fixtures__/separable-l2.json';
import type { Columns } from '../core/dataset.ts';
import { gdEpochs } from '../core/gradient-descent.ts';
import type { Weights } from '../core/maths.ts';
import { DEFAULT_PARAMS } from './engines/engine.ts';
import type { FromWorker, RaceLane } from './protocol.ts';
import { createRaceEngine, type RaceEngine } from './race/race-engine.ts';
import { RaceRunner, type RaceJob } from './race-runner.ts';

const train: Columns = {
  n: fixture.y.length,
  x1: Float64Array.from(fixture.x, (p) => p[0]!),
  x2: Float64Array.from(fixture.x, (p) => p[1]!),
  y: Float64Array.from(fixture.y),
};
const ZERO: Weights = { w1: 0, w2: 0, b: 0 };
const LANES: RaceLane[] = [
  { lr: 0.01, optimizer: 'sgd' },
  { lr: 0.1, optimizer: 'sgd' },
];
const job = (patch: Partial<RaceJob> = {}): RaceJob => ({
  data: 3,
  raceId: 7,
  train,
  params: DEFAULT_PARAMS,
  lanes: LANES,
  init: ZERO,
  epochs: 2_000,
  ...patch,
});

/** A deterministic host: every engine call advances a fake clock by 1 µs per lane-epoch. */
function harness() {
  const messages: FromWorker[] = [];
  const failed: RaceEngine[] = [];
  let clock = 0;
  const queue: (() => void)[] = [];
  const runner = new RaceRunner({
    post: (m) => messages.push(m),
    now: () => clock,
    defer: (fn) => queue.push(fn),
    engineFailed: (e) => failed.push(e),
  });
  const timed = (inner: RaceEngine): RaceEngine => ({
    ...inner,
    id: inner.id,
    precision: inner.precision,
    run(k) {
      clock += k / 1000;
      return inner.run(k);
    },
  });
  const drain = () => {
    for (let i = 0; i < 1e6 && queue.length; i++) queue.shift()!();
  };
  const progress = () =>
    messages.filter(
      (m): m is Extract<FromWorker, { type: 'race-progress' }> => m.type === 'race-progress',
    );
  return { runner, messages, failed, drain, progress, timed };
}

describe('RaceRunner', () => {
  it('runs every lane to the end as float64 descent would, streaming log-spaced samples', () => {
    const h = harness();
    h.runner.start(job(), h.timed(createRaceEngine('js-f64')));
    h.drain();
    const msgs = h.progress();
    expect(msgs[0]!.epoch).toBe(0);
    const last = msgs.at(-1)!;
    expect(last).toMatchObject({ data: 3, raceId: 7, status: 'finished', epoch: 2_000 });
    expect(msgs.slice(0, -1).every((m) => m.status === 'running')).toBe(true);
    LANES.forEach((lane, i) => {
      const want = gdEpochs(train, ZERO, lane.lr, 0, 2_000);
      expect(last.lanes[i]!.weights.w1).toBeCloseTo(want.w1, 12);
      expect(last.lanes[i]!.weights.b).toBeCloseTo(want.b, 12);
      expect(last.lanes[i]!.divergedAt).toBeNull();
    });
    const epochs = msgs.flatMap((m) => m.history.map((p) => p.epoch));
    expect(epochs[0]).toBe(0);
    expect(epochs.at(-1)).toBe(2_000);
    expect(epochs.every((e, k) => k === 0 || e > epochs[k - 1]!)).toBe(true);
    // The faster lane is further down at every sample.
    for (const m of msgs)
      for (const p of m.history) expect(p.objectives[1]!).toBeLessThanOrEqual(p.objectives[0]!);
  });

  it('marks a lane that overflows with the epoch it diverged at, and races the others on', () => {
    const h = harness();
    const far: Columns = {
      n: 2,
      x1: Float64Array.of(-1e3, 1e3),
      x2: Float64Array.of(0, 0),
      y: Float64Array.of(0, 1),
    };
    const lanes: RaceLane[] = [
      { lr: 0.01, optimizer: 'sgd' },
      { lr: 1e3, optimizer: 'sgd' },
    ];
    h.runner.start(
      job({ train: far, lanes, params: { ...DEFAULT_PARAMS, l2: 10 }, epochs: 500 }),
      h.timed(createRaceEngine('js-f64')),
    );
    h.drain();
    const last = h.progress().at(-1)!;
    expect(last.lanes[0]!.divergedAt).toBeNull();
    expect(Number.isFinite(last.lanes[0]!.objective)).toBe(true);
    expect(last.lanes[1]!.divergedAt).toBeGreaterThan(0);
    expect(last.lanes[1]!.objective).toBeNaN();
  });

  it('stops on request, and a failing engine ends the race with a notice and is dropped', () => {
    const h = harness();
    h.runner.start(job({ epochs: 1e9 }), h.timed(createRaceEngine('js-f64')));
    h.runner.stop();
    expect(h.runner.running).toBe(false);
    // A stopped race says so: it is not "finished".
    expect(h.progress().at(-1)!.status).toBe('stopped');

    const broken = createRaceEngine('js-f64');
    const failing: RaceEngine = {
      ...broken,
      id: broken.id,
      precision: broken.precision,
      run: () => {
        throw new Error('context lost');
      },
    };
    h.runner.start(job({ raceId: 8 }), failing);
    h.drain();
    expect(
      h.messages.some(
        (m) => m.type === 'notice' && /race stopped at epoch 0.*context lost/.test(m.message),
      ),
    ).toBe(true);
    expect(h.failed).toEqual([failing]);
    expect(h.progress().at(-1)).toMatchObject({ raceId: 8, status: 'stopped' });
  });

  it('refuses bad lanes before touching the race in progress', () => {
    const h = harness();
    h.runner.start(job({ epochs: 1e9 }), h.timed(createRaceEngine('js-f64')));
    const before = h.messages.length;
    expect(() => h.runner.start(job({ raceId: 9, lanes: [] }), createRaceEngine('js-f64'))).toThrow(
      /1 to 8 lanes/,
    );
    expect(h.runner.running).toBe(true);
    expect(h.messages.length).toBe(before);
    h.runner.stop();
  });
});
