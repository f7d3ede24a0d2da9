import { describe, expect, it } from 'vitest';
import { toColumns } from '../core/dataset.ts';
import { makePreset } from '../core/datasets.ts';
import { DEFAULT_PARAMS, type EngineId } from './engines/engine.ts';
import { EnginePool, SOFTWARE_GL_MIN_N } from './engine-pool.ts';
import { createJsEngine } from './engines/js-f64.ts';

const train = toColumns(makePreset('overlap', { n: 100, noise: 1, seed: 1 }));
const zero = { w1: 0, w2: 0, b: 0 };

/** A pool whose calibration "measures" the given rates (no GPU here). */
const poolTimed = (rates: Partial<Record<EngineId, number>>) =>
  new EnginePool({
    webgl: () => {
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
      webgl: () => {
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

describe('the fused kernel on a software or a hardware renderer', () => {
  /** A pool whose WebGL is `hardware` or not; counts builds and which engines were timed. */
  const probed = (hardware: boolean, build?: () => never) => {
    const seen = { builds: 0, timed: [] as EngineId[] };
    const pool = new EnginePool({
      webgl: () => ({
        renderer: hardware ? 'Test GPU' : 'SwiftShader Device (Subzero)',
        hardware,
        build:
          build ??
          (() => {
            seen.builds++;
            return Object.assign(createJsEngine(), {
              id: 'fused-webgl' as const,
              renderer: 'test',
              hardware,
              isContextLost: () => false,
              loseContextForTest: () => {},
            });
          }),
      }),
      time: (engine) => (seen.timed.push(engine.id), engine.id === 'fused-webgl' ? 3 : 1),
    });
    return { pool, seen };
  };
  const big = toColumns(makePreset('overlap', { n: SOFTWARE_GL_MIN_N, noise: 1, seed: 2 }));

  it('on a GPU: compiled at the probe, so the first Play never waits for it', () => {
    const { pool, seen } = probed(true);
    expect(pool.probeWebGL()).toMatchObject({ available: true, hardware: true });
    expect(seen.builds).toBe(1);
  });

  it('on software WebGL: not compiled at start, nor timed on small data, and Auto says why', async () => {
    const { pool, seen } = probed(false);
    expect(pool.probeWebGL()).toMatchObject({ available: true, hardware: false });
    expect(pool.describe().find((e) => e.id === 'fused-webgl')?.available).toBe(true);
    const pick = await pool.pickAuto(train, DEFAULT_PARAMS, zero);
    expect(seen).toEqual({ builds: 0, timed: ['js-f64', 'wasm-f64'] });
    expect(pick.id).toBe('wasm-f64');
    expect(pick.reason).toContain(
      'WebGL here is software-emulated (on the CPU): Auto times it from 65,536 points',
    );
  });

  it('on software WebGL: built and timed from SOFTWARE_GL_MIN_N points, and on request', async () => {
    const { pool, seen } = probed(false);
    pool.probeWebGL();
    const pick = await pool.pickAuto(big, DEFAULT_PARAMS, zero);
    expect(seen).toEqual({ builds: 1, timed: ['js-f64', 'wasm-f64', 'fused-webgl'] });
    expect(pick.id).toBe('fused-webgl');
    expect(pick.reason).toContain('software-emulated, so it runs on the CPU');
    expect(await pool.get('fused-webgl')).toBe(await pool.get('fused-webgl'));
    expect(seen.builds).toBe(1);
    const other = probed(false);
    other.pool.probeWebGL();
    expect((await other.pool.get('fused-webgl')).id).toBe('fused-webgl');
    expect(other.seen.builds).toBe(1);
  });

  it('a kernel that fails to build leaves WebGL unavailable, with the error in the reason', async () => {
    const { pool } = probed(false, () => {
      throw new Error('shader did not link');
    });
    pool.probeWebGL();
    const pick = await pool.pickAuto(big, DEFAULT_PARAMS, zero);
    expect(pick.id).toBe('wasm-f64');
    expect(pick.reason).toContain(
      'The fused WebGL kernel could not be built (shader did not link)',
    );
    expect(pool.webgl).toMatchObject({ available: false, error: 'shader did not link' });
    await expect(pool.get('fused-webgl')).rejects.toThrow('shader did not link');
  });
});
