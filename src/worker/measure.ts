/** Timing and conformance jobs (the bench, the engine conformance tests): one engine, own data. */
import type { Columns } from '../core/dataset.ts';
import type { EnginePool } from './engine-pool.ts';
import { createJsEngine } from './engines/js-f64.ts';
import type { MeasureRequest, MeasureResult } from './protocol.ts';
import type { Trainer } from './trainer.ts';

/** Runs `req.epochs` epochs (or until `req.maxMs`) of one engine from zeros on the request's data. */
export async function measure(
  req: MeasureRequest,
  pool: EnginePool,
  trainer: Trainer,
): Promise<MeasureResult> {
  const train: Columns = { n: req.train.y.length, ...req.train };
  const tf = req.engine.startsWith('tfjs') ? await import('./engines/tfjs.ts') : null;
  const tensorsBefore = tf?.liveTensors() ?? 0;
  const t0 = performance.now();
  trainer.hold(); // the engine may be the training one: no epoch of the run meanwhile
  try {
    const engine = req.engine === 'js-f64' ? createJsEngine() : await pool.get(req.engine);
    engine.setData(train);
    engine.setParams(req.params);
    engine.setWeights({ w1: 0, w2: 0, b: 0 });
    const setupMs = performance.now() - t0;
    let done = 0;
    let weights = { w1: 0, w2: 0, b: 0 };
    let k = 1;
    const start = performance.now();
    while (done < req.epochs && performance.now() - start < req.maxMs) {
      const want = Math.min(k, req.epochs - done);
      weights = engine.run(want);
      done += want;
      k = Math.min(k * 2, 1 << 20);
    }
    const ms = performance.now() - start;
    if (engine === trainer.currentEngine) trainer.setEngine(engine); // restore its state
    return {
      engine: req.engine,
      n: train.n,
      epochs: done,
      ms,
      epochsPerSecond: (done * 1000) / ms,
      weights,
      precision: engine.precision,
      setupMs,
      tensorsBefore,
      tensorsAfter: tf?.liveTensors() ?? 0,
      trainingBytes:
        3 * 8 * train.n + (tf?.tfBytes() ?? 0) + (engine.id === 'fused-webgl' ? 16 * train.n : 0),
    };
  } finally {
    trainer.release();
  }
}
