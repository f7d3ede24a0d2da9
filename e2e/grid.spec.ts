/**
 * Loss-grid conformance, in real Chromium, through the production worker: every grid engine
 * (float64 JavaScript, the raw WebGL2 grid kernel, TF.js on webgl / wasm / cpu) must return the
 * float64 reference `lossGridF64` at every vertex, within 2e-6·(1 + |J|) for the float32 engines.
 */
import { lossGridF64, type GridSpec } from '../src/core/loss-surface.ts';
import type { EngineId } from '../src/worker/engines/engine.ts';
import { openApp } from './app.ts';
import { expect, test } from './fixtures.ts';
import { blobs, surfaceInWorker, type SurfaceAnswer, type SurfaceJob } from './worker-client.ts';

const ENGINES: EngineId[] = ['js-f64', 'fused-webgl', 'tfjs-webgl', 'tfjs-wasm', 'tfjs-cpu'];

type Points = ReturnType<typeof blobs>;

const job = (engine: EngineId, spec: GridSpec, data: Points): SurfaceJob => ({
  engine,
  w1: [spec.w1[0], spec.w1[1]],
  w2: [spec.w2[0], spec.w2[1]],
  b: spec.b,
  size: spec.size,
  l2: spec.l2,
  ...data,
});

/** The float64 reference for the same points. */
function reference(data: Points, spec: GridSpec): Float64Array {
  const cols = {
    n: data.y.length,
    x1: Float64Array.from(data.x1),
    x2: Float64Array.from(data.x2),
    y: Float64Array.from(data.y),
  };
  return lossGridF64(cols, spec);
}

/** Checks one answer against the reference at every vertex; reports the worst vertex. */
function expectMatches(r: SurfaceAnswer, want: Float64Array, engine: EngineId): void {
  expect(r.error, engine).toBeUndefined();
  expect(r.engine).toBe(engine);
  expect(r.values.length, engine).toBe(want.length);
  let worst = 0;
  let at = 0;
  r.values.forEach((v, k) => {
    const err = Math.abs(v - want[k]!) / (1 + Math.abs(want[k]!));
    if (!(err <= worst)) [worst, at] = [err, k];
  });
  const where = `${engine}: worst at ${at}, got ${r.values[at]}, want ${want[at]}`;
  if (engine === 'js-f64')
    expect(worst, where).toBeLessThan(1e-7); // float32 rounding only
  // float32 sums with Kahan compensation across draws: measured ≤ 7.5e-7.
  else expect(worst, where).toBeLessThanOrEqual(2e-6);
}

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('every grid engine matches the float64 loss grid on 64×64 vertices over 300 blob points', async ({
  page,
}) => {
  const data = blobs(300);
  const spec: GridSpec = { w1: [-4, 6], w2: [-5, 5], b: -2, l2: 0, size: 64 };
  const want = reference(data, spec);
  const results = await surfaceInWorker(
    page,
    ENGINES.map((e) => job(e, spec, data)),
  );
  ENGINES.forEach((e, i) => expectMatches(results[i]!, want, e));
});

test('every grid engine stays accurate at huge logits (|w| up to 50, l2 = 0.01)', async ({
  page,
}) => {
  const data = blobs(300, 11);
  const spec: GridSpec = { w1: [-50, 50], w2: [-40, 50], b: 3, l2: 0.01, size: 33 };
  const want = reference(data, spec);
  const results = await surfaceInWorker(
    page,
    ENGINES.map((e) => job(e, spec, data)),
  );
  ENGINES.forEach((e, i) => expectMatches(results[i]!, want, e));
  expect(Math.max(...results[1]!.values)).toBeGreaterThan(100);
});

test('the WebGL grid kernel adds up 5,000 points over many draws, and bands a 300×300 grid', async ({
  page,
}) => {
  const many = blobs(5000, 3);
  const few = blobs(100, 5);
  // 5,000 points on 64² vertices: 10 draws of 512 points; 100 points on 300²: 2 chunks × 3 bands.
  const big: GridSpec = { w1: [-3, 5], w2: [-4, 4], b: -1.5, l2: 0.1, size: 64 };
  const banded: GridSpec = { w1: [-2, 2], w2: [-2, 3], b: 0.5, l2: 0, size: 300 };
  const [r1, r2] = await surfaceInWorker(page, [
    job('fused-webgl', big, many),
    job('fused-webgl', banded, few),
  ]);
  expectMatches(r1!, reference(many, big), 'fused-webgl');
  expectMatches(r2!, reference(few, banded), 'fused-webgl');
});
