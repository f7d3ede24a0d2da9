import { describe, expect, it } from 'vitest';
import { toColumns } from '../core/dataset.ts';
import { makePreset } from '../core/datasets.ts';
import { DEFAULT_PARAMS, type EngineId } from './engines/engine.ts';
import { EnginePool } from './engine-pool.ts';

const train = toColumns(makePreset('overlap', { n: 100, noise: 1, seed: 1 }));
const zero = { w1: 0, w2: 0, b: 0 };

/** A pool whose calibration "measures" the given rates (no GPU here). */
const poolTimed = (rates: Partial<Record<EngineId, number>>) =>
  new EnginePool({
    gpu: () => {
      throw new Error('no WebGL in this test');
    },
    time: (engine) => rates[engine.id] ?? 0,
  });

describe("Auto's pick", () => {
  it('takes the WASM SIMD engine when it is faster, and says both rates', async () => {
    const pick = await poolTimed({ 'js-f64': 500_000, 'wasm-f64': 900_000 }).pickAuto(
      train,
      DEFAULT_PARAMS,
      zero,
    );
    expect(pick.id).toBe('wasm-f64');
    expect(pick.reason).toContain('js-f64 500,000 epochs/s vs wasm-f64 900,000 epochs/s');
  });

  it('prefers WASM within 10 % and JavaScript beyond', async () => {
    const near = await poolTimed({ 'js-f64': 100, 'wasm-f64': 95 }).pickAuto(
      train,
      DEFAULT_PARAMS,
      zero,
    );
    expect(near.id).toBe('wasm-f64');
    const slow = await poolTimed({ 'js-f64': 100, 'wasm-f64': 80 }).pickAuto(
      train,
      DEFAULT_PARAMS,
      zero,
    );
    expect(slow.id).toBe('js-f64');
  });

  it('leaves WASM out with mini-batches (it trains full batches only)', async () => {
    const pick = await poolTimed({ 'js-f64': 100, 'wasm-f64': 900 }).pickAuto(
      train,
      { ...DEFAULT_PARAMS, batchSize: 16 },
      zero,
    );
    expect(pick.id).toBe('js-f64');
    expect(pick.reason).not.toContain('wasm-f64');
  });

  it('lists the WASM SIMD engine as available, float64', () => {
    const info = poolTimed({})
      .describe()
      .find((e) => e.id === 'wasm-f64');
    expect(info).toMatchObject({ available: true, precision: 'float64' });
  });
});

describe('the WASM instance Auto timed', () => {
  it('is the one that trains when Auto picks WASM (no second copy of the data)', async () => {
    const timed: unknown[] = [];
    const pool = new EnginePool({
      gpu: () => {
        throw new Error('no WebGL in this test');
      },
      time: (engine) => {
        timed.push(engine);
        return engine.id === 'wasm-f64' ? 2 : 1;
      },
    });
    expect((await pool.pickAuto(train, DEFAULT_PARAMS, zero)).id).toBe('wasm-f64');
    const wasm = timed.find((e) => (e as { id: string }).id === 'wasm-f64');
    expect(await pool.get('wasm-f64')).toBe(wasm);
    // Taken once: a later get makes its own.
    expect(await pool.get('wasm-f64')).not.toBe(wasm);
  });
});
