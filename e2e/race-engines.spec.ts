/**
 * Learning-rate race engines, in real Chromium, through the production worker: every lane of a
 * race on the WebGL2 lanes kernel and on float64 JavaScript must follow a float64 reference
 * computed here in Node, and both must be fast enough to race thousands of epochs per second.
 */
import { gdEpochs } from '../src/core/gradient-descent.ts';
import type { Columns } from '../src/core/dataset.ts';
import type { Weights } from '../src/core/maths.ts';
import { DEFAULT_PARAMS, type TrainParams } from '../src/worker/engines/engine.ts';
import type { RaceEngineId, RaceLane } from '../src/worker/protocol.ts';
import { createRaceEngine } from '../src/worker/race/race-engine.ts';
import { expect, test } from './fixtures.ts';
import { blobs, raceInWorker, type RaceAnswer } from './worker-client.ts';

const LANES: RaceLane[] = [
  { lr: 0.01, optimizer: 'sgd' },
  { lr: 0.1, optimizer: 'sgd' },
  { lr: 0.05, optimizer: 'momentum' },
  { lr: 0.01, optimizer: 'adam' },
];
const ENGINES: RaceEngineId[] = ['fused-webgl', 'js-f64'];
const ZERO: Weights = { w1: 0, w2: 0, b: 0 };

const toColumns = (d: { x1: number[]; x2: number[]; y: number[] }): Columns => ({
  n: d.y.length,
  x1: Float64Array.from(d.x1),
  x2: Float64Array.from(d.x2),
  y: Float64Array.from(d.y),
});

/** The float64 reference: the race engine's float64 lanes, run here in Node. */
function reference(cols: Columns, params: TrainParams, epochs: number): Weights[] {
  const race = createRaceEngine('js-f64');
  race.start(cols, params, LANES, ZERO);
  return race.run(epochs);
}

/** Largest |got − want| / (1 + |want|) over w1, w2 and b. */
function err(got: Weights, want: Weights): number {
  return Math.max(
    ...(['w1', 'w2', 'b'] as const).map(
      (k) => Math.abs(got[k] - want[k]) / (1 + Math.abs(want[k])),
    ),
  );
}

const race = (
  page: Parameters<typeof raceInWorker>[0],
  engine: RaceEngineId,
  data: { x1: number[]; x2: number[]; y: number[] },
  params: TrainParams,
  epochs: number,
): Promise<RaceAnswer> => raceInWorker(page, { engine, lanes: LANES, epochs, params, ...data });

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  // raceInWorker starts its own copy of the worker script that the page loaded.
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Engine in use' })).not.toHaveText('starting…');
});

test('every lane of a race follows the float64 reference within 1e-3 on both race engines', async ({
  page,
}) => {
  const data = blobs(300);
  const params: TrainParams = { ...DEFAULT_PARAMS, l2: 0.01 };
  const want = reference(toColumns(data), params, 5_000);
  // The reference's SGD lanes are the tutorial loop of src/core, exactly.
  expect(err(want[0]!, gdEpochs(toColumns(data), ZERO, 0.01, 0.01, 5_000))).toBeLessThan(1e-12);
  expect(err(want[1]!, gdEpochs(toColumns(data), ZERO, 0.1, 0.01, 5_000))).toBeLessThan(1e-12);
  for (const engine of ENGINES) {
    const got = await race(page, engine, data, params, 5_000);
    expect(got.engine).toBe(engine);
    expect(got.epoch).toBe(5_000);
    // Streamed: the first message is the start, the last the end, epochs only ever grow.
    expect(got.epochsSeen[0], 'first progress message').toBe(0);
    expect(got.epochsSeen.at(-1), 'last progress message').toBe(5_000);
    expect(got.epochsSeen.every((e, k) => k === 0 || e > got.epochsSeen[k - 1]!)).toBe(true);
    LANES.forEach((lane, i) => {
      const w = got.lanes[i]!.weights;
      const label = `${engine} ${lane.optimizer} ${lane.lr}: ${JSON.stringify(w)}`;
      expect.soft(err(w, want[i]!), label).toBeLessThan(1e-3);
      expect.soft(got.lanes[i]!.divergedAt, label).toBeNull();
    });
  }
});

test('on the WebGL kernel an odd number of lanes works and a diverging lane leaves the others alone', async ({
  page,
}) => {
  const data = blobs(300);
  // lr·l2 = 10: the weight decay alone multiplies w by −9 per epoch.
  const params: TrainParams = { ...DEFAULT_PARAMS, l2: 0.01 };
  const lanes: RaceLane[] = [LANES[0]!, { lr: 1e3, optimizer: 'sgd' }, LANES[3]!];
  const ref = createRaceEngine('js-f64');
  ref.start(toColumns(data), params, lanes, ZERO);
  const want = ref.run(2_000);
  const got = await raceInWorker(page, {
    engine: 'fused-webgl',
    lanes,
    epochs: 2_000,
    params,
    ...data,
  });
  expect(got.lanes).toHaveLength(3);
  expect(got.lanes[1]!.divergedAt).not.toBeNull();
  for (const i of [0, 2]) {
    const w = got.lanes[i]!.weights;
    expect.soft(err(w, want[i]!), `lane ${i}: ${JSON.stringify(w)}`).toBeLessThan(1e-3);
    expect.soft(got.lanes[i]!.divergedAt).toBeNull();
  }
});

test('the race kernel agrees with float64 on 20,000 points (its parallel-reduction path)', async ({
  page,
}) => {
  const data = blobs(20_000);
  const params: TrainParams = { ...DEFAULT_PARAMS, l2: 0.001 };
  const want = reference(toColumns(data), params, 300);
  const got = await race(page, 'fused-webgl', data, params, 300);
  expect(got.epoch).toBe(300);
  LANES.forEach((lane, i) => {
    const w = got.lanes[i]!.weights;
    const label = `${lane.optimizer} ${lane.lr}: ${JSON.stringify(w)} vs ${JSON.stringify(want[i])}`;
    expect.soft(err(w, want[i]!), label).toBeLessThan(1e-3);
  });
});
