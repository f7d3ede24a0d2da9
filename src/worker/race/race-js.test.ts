import { describe, expect, it } from 'vitest';
import overlap from '../../core/__fixtures__/overlap-mle.json';
import type { Columns, Label } from '../../core/dataset.ts';
import { toColumns } from '../../core/dataset.ts';
import { gdEpochs } from '../../core/gradient-descent.ts';
import type { Weights } from '../../core/maths.ts';
import { DEFAULT_PARAMS, type TrainParams } from '../engines/engine.ts';
import { createJsEngine } from '../engines/js-f64.ts';
import type { RaceLane } from '../protocol.ts';
import { createRaceEngine, MAX_LANES } from './race-engine.ts';
import { createRaceWebGLEngine } from './race-webgl.ts';

const cols: Columns = toColumns(
  overlap.x.map(([x1, x2], i) => ({ x1: x1!, x2: x2!, label: overlap.y[i] as Label })),
);
const params: TrainParams = { ...DEFAULT_PARAMS, l2: 0.01, lr: 123, optimizer: 'adam' };
const init: Weights = { w1: 0.3, w2: -0.2, b: 0.1 };
const LANES: RaceLane[] = [
  { lr: 0.01, optimizer: 'sgd' },
  { lr: 0.5, optimizer: 'sgd' },
  { lr: 0.05, optimizer: 'momentum' },
  { lr: 0.01, optimizer: 'adam' },
  { lr: 0.2, optimizer: 'adam' },
];

/** A lone single-model float64 run with the lane's lr and optimizer. */
function single(data: Columns, lane: RaceLane, p: TrainParams, epochs: number): Weights {
  const e = createJsEngine();
  e.setData(data);
  e.setParams({ ...p, lr: lane.lr, optimizer: lane.optimizer });
  e.setWeights(init);
  return e.run(epochs);
}

function expectClose(got: Weights, want: Weights, tol: number, label: string): void {
  for (const k of ['w1', 'w2', 'b'] as const) {
    expect(Math.abs(got[k] - want[k]), `${label} ${k}`).toBeLessThanOrEqual(
      tol * (1 + Math.abs(want[k])),
    );
  }
}

const finite = (w: Weights) => [w.w1, w.w2, w.b].every(Number.isFinite);

describe('the float64 race engine', () => {
  it('trains every lane exactly as an independent float64 run with its lr and optimizer', () => {
    const race = createRaceEngine('js-f64');
    race.start(cols, params, LANES, init);
    race.run(700);
    const out = race.run(1_300);
    expect(out).toHaveLength(LANES.length);
    LANES.forEach((lane, i) => {
      expectClose(out[i]!, single(cols, lane, params, 2_000), 1e-12, `lane ${i}`);
    });
  });

  it('matches the tutorial loop of gradient-descent.ts on its SGD lanes', () => {
    const race = createRaceEngine('js-f64');
    race.start(cols, params, LANES, init);
    const out = race.run(2_000);
    expectClose(out[0]!, gdEpochs(cols, init, 0.01, 0.01, 2_000), 1e-12, 'lr 0.01');
    expectClose(out[1]!, gdEpochs(cols, init, 0.5, 0.01, 2_000), 1e-12, 'lr 0.5');
  });

  it('starts again from the initial weights with cleared moments when start is called again', () => {
    const race = createRaceEngine('js-f64');
    race.start(cols, params, LANES, init);
    race.run(500);
    race.start(cols, params, LANES.slice(2, 4), init);
    const out = race.run(300);
    expect(out).toHaveLength(2);
    expectClose(out[0]!, single(cols, LANES[2]!, params, 300), 1e-12, 'momentum');
    expectClose(out[1]!, single(cols, LANES[3]!, params, 300), 1e-12, 'adam');
  });

  it('lets a diverging lane go non-finite without affecting the other lanes', () => {
    // Points at ±1000: with lr·l2 = 10 the weight decay multiplies w by −9 each epoch.
    const far = toColumns(
      [-1000, -999, 999, 1000].map((x, i) => ({ x1: x, x2: -x, label: (i > 1 ? 1 : 0) as Label })),
    );
    const lanes: RaceLane[] = [
      { lr: 0.01, optimizer: 'sgd' },
      { lr: 1e3, optimizer: 'sgd' },
      { lr: 0.001, optimizer: 'momentum' },
      { lr: 0.01, optimizer: 'adam' },
    ];
    const race = createRaceEngine('js-f64');
    race.start(far, params, lanes, init);
    const out = race.run(1_000);
    expect(finite(out[1]!)).toBe(false);
    expect(finite(race.run(10)[1]!)).toBe(false);
    for (const i of [0, 2, 3]) {
      expect(finite(out[i]!)).toBe(true);
      expectClose(out[i]!, single(far, lanes[i]!, params, 1_000), 1e-12, `lane ${i}`);
    }
  });

  it('returns the initial weights when there are no points or no epochs', () => {
    const race = createRaceEngine('js-f64');
    const none: Columns = {
      n: 0,
      x1: new Float64Array(),
      x2: new Float64Array(),
      y: new Float64Array(),
    };
    race.start(none, params, LANES, init);
    expect(race.run(100)).toEqual(LANES.map(() => init));
    race.start(cols, params, LANES, init);
    expect(race.run(0)).toEqual(LANES.map(() => init));
  });

  it('says float64', () => {
    const race = createRaceEngine('js-f64');
    expect([race.id, race.precision]).toEqual(['js-f64', 'float64']);
  });
});

describe('race engine input checks', () => {
  const started = () => createRaceEngine('js-f64');
  const lane = (lr: number): RaceLane => ({ lr, optimizer: 'sgd' });

  it('rejects a race with no lanes or more than eight, naming the count', () => {
    expect(MAX_LANES).toBe(8);
    expect(() => started().start(cols, params, [], init)).toThrow(/1 to 8 lanes, not 0/);
    const nine = Array.from({ length: 9 }, () => lane(0.1));
    expect(() => started().start(cols, params, nine, init)).toThrow(/1 to 8 lanes, not 9/);
  });

  it('rejects a learning rate that is not a finite number above zero, naming it', () => {
    for (const lr of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => started().start(cols, params, [lane(0.1), lane(lr)], init)).toThrow(
        new RegExp(`lr of lane 2; not a finite number > 0: ${String(lr)}`),
      );
    }
  });

  it('rejects an unknown optimizer, a bad l2 and non-finite initial weights', () => {
    const bogus = { lr: 0.1, optimizer: 'rmsprop' } as unknown as RaceLane;
    expect(() => started().start(cols, params, [bogus], init)).toThrow(/optimizer.*rmsprop/);
    const badL2 = { ...params, l2: -1 };
    expect(() => started().start(cols, badL2, [lane(0.1)], init)).toThrow(/l2.*-1/);
    const badInit = { ...init, b: Number.NaN };
    expect(() => started().start(cols, params, [lane(0.1)], badInit)).toThrow(/weight b.*NaN/);
  });

  it('rejects fractional or negative epochs, running before start, and running after dispose', () => {
    const race = started();
    expect(() => race.run(10)).toThrow(/before start/);
    race.start(cols, params, [lane(0.1)], init);
    expect(() => race.run(1.5)).toThrow(/epochs.*1\.5/);
    expect(() => race.run(-1)).toThrow(/epochs.*-1/);
    race.dispose();
    expect(() => race.run(1)).toThrow(/disposed/);
  });

  it('says WebGL2 is unavailable where there is no WebGL2', () => {
    const canvas = { getContext: () => null, addEventListener: () => {} };
    expect(() =>
      createRaceWebGLEngine(8, { canvas: canvas as unknown as OffscreenCanvas }),
    ).toThrow(/WebGL2 is unavailable/);
    expect(() => createRaceEngine('fused-webgl')).toThrow(/WebGL2|OffscreenCanvas/);
  });
});
