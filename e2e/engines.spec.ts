/**
 * Engine conformance, in real Chromium, through the production worker: from the same start and
 * hyper-parameters every engine must follow the float64 reference, and with L2 > 0 converge to
 * the scikit-learn optimum. TF.js on software WebGL runs ~100 epochs/s here, so it is checked
 * over fewer epochs; `npm run bench` runs the full 10,000 on every engine.
 */
import fixture from '../src/core/__fixtures__/separable-l2.json' with { type: 'json' };
import { runGradientDescent } from '../src/core/gradient-descent.ts';
import type { Weights } from '../src/core/maths.ts';
import { DEFAULT_PARAMS, type EngineId, type TrainParams } from '../src/worker/engines/engine.ts';
import { expect, test } from './fixtures.ts';
import { blobs, measureInWorker, type MeasureJob } from './worker-client.ts';

const data = {
  x1: fixture.x.map((p) => p[0]!),
  x2: fixture.x.map((p) => p[1]!),
  y: fixture.y.map(Number),
};
const cols = {
  n: data.y.length,
  x1: Float64Array.from(data.x1),
  x2: Float64Array.from(data.x2),
  y: Float64Array.from(data.y),
};

function relErr(a: Weights, b: Weights): number {
  return Math.max(
    ...(['w1', 'w2', 'b'] as const).map(
      (k) => Math.abs(a[k] - b[k]) / Math.max(1e-12, Math.abs(b[k])),
    ),
  );
}

const job = (
  engine: EngineId,
  epochs: number,
  params: Partial<TrainParams> = {},
  d = data,
): MeasureJob => ({
  engine,
  ...d,
  params: { ...DEFAULT_PARAMS, ...params },
  epochs,
  maxMs: 120_000,
});

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Engine in use' })).not.toHaveText('starting…');
});

test('every fast engine follows the float64 tutorial descent within 1e-3 after 10,000 epochs', async ({
  page,
}) => {
  const reference = fixture.gradient_descent.checkpoints['10000'];
  const expected = { w1: reference.w[0]!, w2: reference.w[1]!, b: reference.b };
  const engines: EngineId[] = ['js-f64', 'wasm-f64', 'fused-webgl', 'tfjs-wasm', 'tfjs-cpu'];
  const results = await measureInWorker(
    page,
    engines.map((e) => job(e, 10_000)),
  );
  for (const r of results) {
    expect.soft(r.epochs, r.engine).toBe(10_000);
    expect
      .soft(relErr(r.weights, expected), `${r.engine} ${JSON.stringify(r.weights)}`)
      .toBeLessThan(1e-3);
  }
  // float64 JS is exact up to the fixture storing x to 6 decimals (measured 7.5e-8); the WASM
  // SIMD kernel is float64 too, and equals JS to rounding.
  expect(relErr(results[0]!.weights, expected)).toBeLessThan(1e-6);
  expect(relErr(results[1]!.weights, results[0]!.weights)).toBeLessThan(1e-12);
});

test('TF.js on WebGL follows the float64 descent within 1e-3 (300 epochs: software WebGL is slow)', async ({
  page,
}) => {
  const expected = runGradientDescent(cols, { lr: 0.01, epochs: 300 }).weights;
  const [r] = await measureInWorker(page, [job('tfjs-webgl', 300)]);
  expect(r!.epochs).toBe(300);
  expect(relErr(r!.weights, expected)).toBeLessThan(1e-3);
});

test('with L2 = 0.01 every fast engine converges to the scikit-learn optimum', async ({ page }) => {
  const opt = { w1: fixture.optimum.w[0]!, w2: fixture.optimum.w[1]!, b: fixture.optimum.b };
  const engines: EngineId[] = ['js-f64', 'wasm-f64', 'fused-webgl', 'tfjs-wasm', 'tfjs-cpu'];
  const results = await measureInWorker(
    page,
    engines.map((e) => job(e, 6_000, { l2: 0.01, lr: 1 })),
  );
  for (const r of results) {
    expect
      .soft(relErr(r.weights, opt), `${r.engine} ${JSON.stringify(r.weights)}`)
      .toBeLessThan(1e-3);
  }
});

test('momentum and Adam agree between the fused WebGL kernel, TF.js, WASM SIMD and float64 JS', async ({
  page,
}) => {
  for (const optimizer of ['momentum', 'adam'] as const) {
    const params = { optimizer, lr: optimizer === 'adam' ? 0.05 : 0.01 };
    const [js, fused, wasm, simd] = await measureInWorker(page, [
      job('js-f64', 2_000, params),
      job('fused-webgl', 2_000, params),
      job('tfjs-wasm', 2_000, params),
      job('wasm-f64', 2_000, params),
    ]);
    expect.soft(relErr(fused!.weights, js!.weights), `fused ${optimizer}`).toBeLessThan(1e-3);
    expect.soft(relErr(wasm!.weights, js!.weights), `tfjs-wasm ${optimizer}`).toBeLessThan(1e-3);
    expect.soft(relErr(simd!.weights, js!.weights), `wasm-f64 ${optimizer}`).toBeLessThan(1e-12);
  }
});

test('the fused kernel agrees with float64 on 50,000 points (its parallel-reduction path)', async ({
  page,
}) => {
  const big = blobs(50_000);
  const bigCols = {
    n: big.y.length,
    x1: Float64Array.from(big.x1),
    x2: Float64Array.from(big.x2),
    y: Float64Array.from(big.y),
  };
  const expected = runGradientDescent(bigCols, { lr: 0.1, epochs: 200 }).weights;
  const [fused] = await measureInWorker(page, [job('fused-webgl', 200, { lr: 0.1 }, big)]);
  expect(relErr(fused!.weights, expected)).toBeLessThan(1e-3);
});

test('TF.js engines keep the tensor count flat: 2,000 epochs leave as many as 200', async ({
  page,
}) => {
  // A tensor leaked per epoch would show as 1,800 more; 2,000 epochs say it as well as 6,000.
  for (const engine of ['tfjs-cpu', 'tfjs-wasm'] as const) {
    for (const optimizer of ['sgd', 'adam'] as const) {
      const [short, long] = await measureInWorker(page, [
        job(engine, 200, { optimizer }),
        job(engine, 2_000, { optimizer }),
      ]);
      expect(long!.epochs).toBe(2_000);
      expect(long!.tensorsAfter, `${engine} ${optimizer}`).toBe(short!.tensorsAfter);
    }
  }
});
