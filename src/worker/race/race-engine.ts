/**
 * The learning-rate race: K models trained at once on the same data from the same initial
 * weights, each lane with its own learning rate and optimizer; every other hyper-parameter
 * (l2, μ, β1, β2, ε) is shared. Full-batch gradient descent only. This module holds the contract,
 * the input checks, and the factory; the engines live in race-js.ts and race-webgl.ts.
 */
import type { Columns } from '../../core/dataset.ts';
import type { Weights } from '../../core/maths.ts';
import { OPTIMIZERS, isOneOf } from '../../core/settings.ts';
import type { Precision, TrainParams } from '../engines/engine.ts';
import type { RaceEngineId, RaceLane } from '../protocol.ts';
import { createRaceJsEngine } from './race-js.ts';
import { createRaceWebGLEngine } from './race-webgl.ts';

/** Most lanes one race can have (the WebGL kernel's uniform arrays have this many slots). */
export const MAX_LANES = 8;

/** An engine that trains every lane of a race together. All methods are synchronous. */
export interface RaceEngine {
  readonly id: RaceEngineId;
  readonly precision: Precision;
  /**
   * Data, shared params, lanes and the common initial weights; clears all optimizer state.
   * `params.lr` and `params.optimizer` are ignored (each lane has its own); so is
   * `params.batchSize` (a race is always full batch).
   *
   * @throws RangeError for 0 or more than {@link MAX_LANES} lanes, a lane lr that is not a finite
   *   number > 0, an unknown optimizer, a negative or non-finite l2, or non-finite weights.
   */
  start(train: Columns, params: TrainParams, lanes: readonly RaceLane[], init: Weights): void;
  /**
   * Runs `epochs` more epochs of every lane; returns each lane's weights afterwards (a lane whose
   * weights became non-finite keeps returning non-finite values). Reads back once per call.
   *
   * @throws RangeError for a negative or fractional `epochs`; Error before `start`, after
   *   `dispose`, or (WebGL) once the context is lost.
   */
  run(epochs: number): Weights[];
  /** Frees the engine's memory and, for WebGL, its context. The engine is unusable afterwards. */
  dispose(): void;
  /** WebGL only: loses the context on purpose (WEBGL_lose_context), to test recovery. */
  loseContextForTest?(): void;
}

/**
 * Checks a race's lanes.
 *
 * @throws RangeError naming the bad value.
 */
export function checkLanes(lanes: readonly RaceLane[]): void {
  if (lanes.length < 1 || lanes.length > MAX_LANES) {
    throw new RangeError(`a race needs 1 to ${MAX_LANES} lanes, not ${lanes.length}`);
  }
  lanes.forEach((lane, i) => {
    if (!(Number.isFinite(lane.lr) && lane.lr > 0)) {
      throw new RangeError(`invalid lr of lane ${i + 1}; not a finite number > 0: ${lane.lr}`);
    }
    if (!isOneOf(lane.optimizer, OPTIMIZERS)) {
      throw new RangeError(`unknown optimizer of lane ${i + 1}: ${String(lane.optimizer)}`);
    }
  });
}

/** Checks everything `start` receives besides the lanes. */
function checkStart(train: Columns, params: TrainParams, init: Weights): void {
  const { n, x1, x2, y } = train;
  if (!(Number.isInteger(n) && n >= 0 && x1.length >= n && x2.length >= n && y.length >= n)) {
    throw new RangeError(`invalid race data: n = ${n} with columns of ${x1.length} points`);
  }
  if (!(Number.isFinite(params.l2) && params.l2 >= 0)) {
    throw new RangeError(`invalid l2; not a finite number ≥ 0: ${params.l2}`);
  }
  for (const k of ['w1', 'w2', 'b'] as const) {
    if (!Number.isFinite(init[k])) {
      throw new RangeError(`invalid initial weight ${k}; not finite: ${init[k]}`);
    }
  }
}

/** Wraps an engine so that every call is checked before it reaches the engine. */
function checked(engine: RaceEngine): RaceEngine {
  let started = false;
  let disposed = false;
  return {
    id: engine.id,
    precision: engine.precision,
    start(train, params, lanes, init) {
      if (disposed) throw new Error(`the ${engine.id} race engine was disposed`);
      checkLanes(lanes);
      checkStart(train, params, init);
      engine.start(train, params, lanes, init);
      started = true;
    },
    run(epochs) {
      if (disposed) throw new Error(`the ${engine.id} race engine was disposed`);
      if (!started) throw new Error(`the ${engine.id} race engine was run before start()`);
      if (!(Number.isInteger(epochs) && epochs >= 0)) {
        throw new RangeError(`invalid epochs; not an integer ≥ 0: ${epochs}`);
      }
      return engine.run(epochs);
    },
    dispose() {
      disposed = true;
      engine.dispose();
    },
    loseContextForTest() {
      engine.loseContextForTest?.();
    },
  };
}

/**
 * Creates a race engine. The WebGL one gets its own OffscreenCanvas context and compiles its
 * programs now.
 *
 * @throws Error (readable) if WebGL2 or float render targets are unavailable, or a shader fails.
 */
export function createRaceEngine(id: RaceEngineId): RaceEngine {
  if (id === 'js-f64') return checked(createRaceJsEngine());
  if (id === 'fused-webgl') return checked(createRaceWebGLEngine(MAX_LANES));
  throw new RangeError(`unknown race engine: ${String(id)}`);
}
