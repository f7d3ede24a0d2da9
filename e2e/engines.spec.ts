/**
 * Engine conformance, in real Chromium, through the production worker: from the same start and
 * hyper-parameters every engine must follow the float64 reference, and with L2 > 0 converge to
 * the scikit-learn optimum. TF.js on software WebGL runs ~100 epochs/s here, so it is checked
 * over fewer epochs; `npm run bench` runs the full 10,000 on every engine.
 */
import fixture from '../src/core/__fixtures__/separable-l2.json' with { type: 'json' };
import features from '../src/core/__fixtures__/features.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { runGradientDescent } from '../src/core/gradient-descent.ts';
import type { Weights } from '../src/core/maths.ts';
import { DEFAULT_PARAMS, type EngineId, type TrainParams } from '../src/worker/engines/engine.ts';
import { expect, test } from './fixtures.ts';
import { blobs, measureInWorker, type MeasureJob } from './worker-client.ts';

const pointsCsv = readFileSync(
  new URL('../src/core/__fixtures__/features-points.csv', import.meta.url),
  'utf8',
);

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
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  return Math.max(
    ...(['w1', 'w2', 'b', 'w11', 'w22', 'w12'] as const)
      .filter((k) => b[k] !== undefined)
      .map((k) => Math.abs(a[k]! - b[k]!) / Math.max(1e-12, Math.abs(b[k]!))),
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
  // With features the reduction sums six partials in two targets: against float64 JavaScript.
  const feat = { lr: 0.02, features: 'x1sq-x1x2', l2: 0.01 };
  const [js, fusedQ] = await measureInWorker(page, [
    job('js-f64', 100, feat, big),
    job('fused-webgl', 100, feat, big),
  ]);
  expect(Object.keys(fusedQ!.weights).sort()).toEqual(['b', 'w1', 'w11', 'w12', 'w2']);
  expect(relErr(fusedQ!.weights, js!.weights)).toBeLessThan(1e-3);
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

test('with features x1², x2², x1·x2 every engine follows float64 JavaScript (circle, L2 0.01)', async ({
  page,
}) => {
  const circle = features.cases.find((c) => c.features === 'x1sq-x2sq-x1x2')!;
  const rows = pointsCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((r) => r[0] === circle.preset && r[4] === 'train');
  const d = {
    x1: rows.map((r) => Number(r[1])),
    x2: rows.map((r) => Number(r[2])),
    y: rows.map((r) => Number(r[3])),
  };
  const feat = { features: 'x1sq-x2sq-x1x2', l2: 0.01 };
  for (const [optimizer, lr, epochs] of [
    ['sgd', 0.01, 3_000],
    ['adam', 0.05, 2_000],
  ] as const) {
    const params = { ...feat, optimizer, lr };
    const [js, ...rest] = await measureInWorker(page, [
      job('js-f64', epochs, params, d),
      job('fused-webgl', epochs, params, d),
      job('wasm-f64', epochs, params, d),
      job('tfjs-wasm', epochs, params, d),
      job('tfjs-cpu', epochs, params, d),
      job('tfjs-webgl', 300, params, d),
    ]);
    const [fused, simd, tfWasm, tfCpu, tfGl] = rest;
    const [short] = await measureInWorker(page, [job('js-f64', 300, params, d)]);
    expect(Object.keys(js!.weights)).toContain('w12');
    expect.soft(relErr(simd!.weights, js!.weights), `wasm-f64 ${optimizer}`).toBeLessThan(1e-11);
    for (const r of [fused!, tfWasm!, tfCpu!]) {
      expect.soft(relErr(r.weights, js!.weights), `${r.engine} ${optimizer}`).toBeLessThan(1e-3);
    }
    expect
      .soft(relErr(tfGl!.weights, short!.weights), `tfjs-webgl ${optimizer}`)
      .toBeLessThan(1e-3);
  }
  // Standardize features: every engine that offers it descends on the same standardized
  // coordinates (the weights come back raw).
  const std = { ...feat, standardize: 'on' as const, lr: 0.5 };
  const [jsStd, simdStd, tfStd] = await measureInWorker(page, [
    job('js-f64', 500, std, d),
    job('wasm-f64', 500, std, d),
    job('tfjs-cpu', 500, std, d),
  ]);
  expect
    .soft(relErr(simdStd!.weights, jsStd!.weights), 'wasm-f64 standardized')
    .toBeLessThan(1e-11);
  expect.soft(relErr(tfStd!.weights, jsStd!.weights), 'tfjs-cpu standardized').toBeLessThan(1e-3);
  // Adam with a constant rate hops around the optimum by about lr: after 20,000 epochs it is near
  // the scikit-learn optimum.
  const [adam] = await measureInWorker(page, [
    job('js-f64', 20_000, { ...feat, optimizer: 'adam', lr: 0.05 }, d),
  ]);
  for (const [k, v] of Object.entries(circle.weights)) {
    expect
      .soft(Math.abs(adam!.weights[k as keyof Weights]! - v), k)
      .toBeLessThan(2e-2 * (1 + Math.abs(v)));
  }
});
