/**
 * The float64 race engine: one optimizer state per lane, updated by the same rules as the
 * single-model float64 engine (optimizer-state.ts), so that each lane follows, bit for bit, the
 * trajectory a lone js-f64 run with that lane's lr and optimizer would.
 */
import { EMPTY_COLUMNS, type Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import type { TrainParams } from '../engines/engine.ts';
import { featureList } from '../../core/features.ts';
import { batchGradient, quadOf } from '../engines/js-f64.ts';
import {
  applyUpdate,
  newOptState,
  scalingFor,
  weightsOf,
  type OptState,
} from '../engines/optimizer-state.ts';
import type { RaceLane } from '../protocol.ts';
import type { RaceEngine } from './race-engine.ts';

/** One lane: its own copy of the shared parameters (with its lr and optimizer) and its state. */
interface Lane {
  params: TrainParams;
  state: OptState;
}

/** Whether all of θ is finite; a lane that is not stays frozen (non-finite) from then on. */
function finite(th: Float64Array): boolean {
  return th.every(Number.isFinite);
}

/** Runs `epochs` full-batch epochs of one lane. */
function runLane(d: Columns, lane: Lane, epochs: number): void {
  const { params: p, state } = lane;
  const th = state.theta;
  const quad = quadOf(featureList(p.features));
  const grad = new Float64Array(th.length);
  for (let e = 0; e < epochs && finite(th); e++) {
    // The single-model engine's own gradient: each lane is bit for bit a lone js-f64 run.
    batchGradient(d, th, quad, p.l2, grad, null, 0, d.n);
    applyUpdate(state, p, grad);
  }
}

class RaceJs implements RaceEngine {
  readonly id = 'js-f64';
  readonly precision = 'float64';
  private data: Columns = EMPTY_COLUMNS;
  private lanes: Lane[] = [];

  start(train: Columns, params: TrainParams, lanes: readonly RaceLane[], init: Weights): void {
    this.data = train;
    this.lanes = lanes.map((l) => ({
      params: { ...params, lr: l.lr, optimizer: l.optimizer, batchSize: 0 },
      state: newOptState(init, params.features, scalingFor(train, params)),
    }));
  }

  run(epochs: number): Weights[] {
    // Like the single-model engine: no data, no update (the mean gradient is undefined).
    if (this.data.n > 0) {
      // Lane after lane, each for every epoch: the lanes are independent, and one lane's θ stays
      // in registers for the whole pass over the (small, cache-resident) data.
      for (const lane of this.lanes) runLane(this.data, lane, epochs);
    }
    return this.lanes.map(({ params, state }) => weightsOf(state, params.features));
  }

  dispose(): void {
    this.data = EMPTY_COLUMNS;
    this.lanes = [];
  }
}

/** Creates the float64 race engine; use it through `createRaceEngine`, which checks inputs. */
export function createRaceJsEngine(): RaceEngine {
  return new RaceJs();
}
