/**
 * The worker's learning-rate races: picks and caches the race engine (the WebGL2 lanes kernel on
 * a hardware GPU, else float64 JS), starts races from the current run's data and start weights
 * (or a request's own data, for conformance tests), and drops an engine that failed.
 */
import { restrictWeights } from '../core/features.ts';
import type { Columns } from '../core/dataset.ts';
import type { Weights } from '../core/maths.ts';
import type { TrainParams } from './engines/engine.ts';
import type { RaceEngineId, RaceRequest } from './protocol.ts';
import { createRaceEngine, type RaceEngine } from './race/race-engine.ts';
import { RaceRunner, type RaceHost } from './race-runner.ts';

/** What a race needs from the training session when the request brings no data of its own. */
export interface RaceContext {
  /** The data version of `train` (-1 for a request's own data). */
  data: number;
  train: Columns;
  params: TrainParams;
  /** The weights the current run started from: the ×1 lane then retraces the main run. */
  start: Weights;
  gpu: { available: boolean; hardware: boolean };
}

export class RaceService {
  private readonly engines = new Map<RaceEngineId, RaceEngine>();
  private readonly runner: RaceRunner;

  constructor(host: Omit<RaceHost, 'engineFailed'>) {
    this.runner = new RaceRunner({ ...host, engineFailed: (e) => this.drop(e) });
  }

  /** Starts a race, replacing any in progress. Throws (with the reason) if it cannot start. */
  start(req: RaceRequest, ctx: RaceContext): void {
    const train: Columns = req.train ? { n: req.train.y.length, ...req.train } : ctx.train;
    const params = req.params ?? ctx.params;
    const init = req.train ? restrictWeights({ w1: 0, w2: 0, b: 0 }, params.features) : ctx.start;
    const job = {
      data: ctx.data,
      raceId: req.id,
      train,
      params,
      lanes: req.lanes,
      init,
      epochs: req.epochs,
    };
    const engine = this.engine(req, ctx.gpu);
    try {
      this.runner.start(job, engine);
    } catch (error) {
      this.drop(engine);
      // Auto falls back to float64 JS (e.g. the GPU context was lost); a chosen engine says why.
      if (req.engine !== 'auto' || engine.id === 'js-f64') throw error;
      this.runner.start(job, this.engine({ ...req, engine: 'js-f64' }, ctx.gpu));
    }
  }

  /** Ends the race in progress, if any (its last state is posted). */
  stop(): void {
    this.runner.stop();
  }

  /** Loses the WebGL lanes kernel's context, if it exists (fault injection). */
  loseContextForTest(): void {
    this.engines.get('fused-webgl')?.loseContextForTest?.();
  }

  /**
   * The engine for a request. On a hardware GPU the lanes run as fragments of one WebGL2 draw;
   * on software WebGL (SwiftShader) that is slower than float64 JavaScript on the same CPU:
   * `npm run bench` measured 631k vs 873k lane-epochs/s for 4 lanes × 201 points.
   */
  private engine(req: RaceRequest, gpu: RaceContext['gpu']): RaceEngine {
    const real = gpu.available && gpu.hardware;
    const wanted: RaceEngineId =
      req.engine !== 'auto' ? req.engine : real ? 'fused-webgl' : 'js-f64';
    const ids: RaceEngineId[] =
      wanted === 'fused-webgl' && req.engine === 'auto' ? [wanted, 'js-f64'] : [wanted];
    let last: unknown = null;
    for (const id of ids) {
      try {
        let e = this.engines.get(id);
        if (!e) {
          e = createRaceEngine(id);
          this.engines.set(id, e);
        }
        return e;
      } catch (error) {
        last = error;
      }
    }
    throw last instanceof Error ? last : new Error(String(last));
  }

  private drop(engine: RaceEngine): void {
    this.engines.delete(engine.id);
    try {
      engine.dispose();
    } catch {
      // A lost context may refuse; the engine is dropped either way.
    }
  }
}
