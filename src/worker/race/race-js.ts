/**
 * The float64 race engine: one optimizer state per lane, updated by the same rules as the
 * single-model float64 engine (optimizer-state.ts), so that each lane follows, bit for bit, the
 * trajectory a lone js-f64 run with that lane's lr and optimizer would.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import type { TrainParams } from '../engines/engine.ts';
import { applyUpdate, newOptState, type OptState } from '../engines/optimizer-state.ts';
import type { RaceLane } from '../protocol.ts';
import type { RaceEngine } from './race-engine.ts';

const EMPTY: Columns = {
  n: 0,
  x1: new Float64Array(0),
  x2: new Float64Array(0),
  y: new Float64Array(0),
};

/** One lane: its own copy of the shared parameters (with its lr and optimizer) and its state. */
interface Lane {
  params: TrainParams;
  state: OptState;
}

/**
 * Sums (p − y)·(x1, x2, 1) over every point at θ into `out`, exactly as the js-f64 engine does
 * (same sigmoid, same order of additions), so that the results are bit-identical.
 */
function residualSums(d: Columns, th: Float64Array, out: Float64Array): void {
  const { n, x1, x2, y } = d;
  const w1 = th[0]!;
  const w2 = th[1]!;
  const b = th[2]!;
  let s1 = 0;
  let s2 = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    const a = x1[i]!;
    const c = x2[i]!;
    const z = w1 * a + w2 * c + b;
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : 1 - 1 / (1 + Math.exp(z));
    const r = p - y[i]!;
    s1 += r * a;
    s2 += r * c;
    sb += r;
  }
  out[0] = s1;
  out[1] = s2;
  out[2] = sb;
}

/** Whether all of θ is finite; a lane that is not stays frozen (non-finite) from then on. */
function finite(th: Float64Array): boolean {
  return Number.isFinite(th[0]!) && Number.isFinite(th[1]!) && Number.isFinite(th[2]!);
}

/** Runs `epochs` full-batch epochs of one lane. */
function runLane(d: Columns, lane: Lane, epochs: number, sums: Float64Array): void {
  const { params: p, state } = lane;
  const th = state.theta;
  const n = d.n;
  for (let e = 0; e < epochs && finite(th); e++) {
    residualSums(d, th, sums);
    const g1 = sums[0]! / n + p.l2 * th[0]!;
    const g2 = sums[1]! / n + p.l2 * th[1]!;
    applyUpdate(state, p, g1, g2, sums[2]! / n);
  }
}

class RaceJs implements RaceEngine {
  readonly id = 'js-f64';
  readonly precision = 'float64';
  private data: Columns = EMPTY;
  private lanes: Lane[] = [];
  private readonly sums = new Float64Array(3);

  start(train: Columns, params: TrainParams, lanes: readonly RaceLane[], init: Weights): void {
    this.data = train;
    this.lanes = lanes.map((l) => ({
      params: { ...params, lr: l.lr, optimizer: l.optimizer, batchSize: 0 },
      state: newOptState(init.w1, init.w2, init.b),
    }));
  }

  run(epochs: number): Weights[] {
    // Like the single-model engine: no data, no update (the mean gradient is undefined).
    if (this.data.n > 0) {
      // Lane after lane, each for every epoch: the lanes are independent, and one lane's θ stays
      // in registers for the whole pass over the (small, cache-resident) data.
      for (const lane of this.lanes) runLane(this.data, lane, epochs, this.sums);
    }
    return this.lanes.map(({ state: { theta: th } }) => ({ w1: th[0]!, w2: th[1]!, b: th[2]! }));
  }

  dispose(): void {
    this.data = EMPTY;
    this.lanes = [];
  }
}

/** Creates the float64 race engine; use it through `createRaceEngine`, which checks inputs. */
export function createRaceJsEngine(): RaceEngine {
  return new RaceJs();
}
