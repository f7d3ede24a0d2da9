/**
 * Time travel (issue #6, view 5): the scrubber replays the boundary, the loss marker and the
 * readouts at log-spaced snapshots, checked against scikit-learn's float64 gradient-descent
 * checkpoints of the fixture; and the learning-rate safety bound (view 4), checked against runs
 * just below and just above an independently computed 2/L.
 */
import fixture from '../src/core/__fixtures__/separable-l2.json' with { type: 'json' };
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { importPoints, openApp, readout, seekSlider } from './app.ts';

const epochOf = (valuetext: string) =>
  Number(/epoch ([\d,]+)/.exec(valuetext)?.[1]?.replaceAll(',', '') ?? NaN);

test('time travel replays the fixture run at its checkpoints, then returns to live', async ({
  page,
}) => {
  await openApp(page);
  const rows = fixture.x.map((p, i) => [p[0]!, p[1]!, fixture.y[i] as 0 | 1, 'train'] as const);
  await importPoints(page, 'separable-l2.csv', rows);
  // The fixture's descent: lr 0.01, no L2, from zeros — the app's defaults — for 200,000 epochs.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status', { name: 'Epoch', exact: true })).toHaveText('200,000', {
    timeout: 30_000,
  });
  const live = { w1: await readout(page, 'w1'), loss: await readout(page, 'Train loss') };
  // The parameter-space path, as drawn live: one polyline vertex per snapshot (fewer when
  // vertices closer than a pixel are merged).
  const pathVertices = async () =>
    ((await page.locator('.param-line').getAttribute('d')) ?? '').split(/[ML]/).length - 1;
  await expect.poll(pathVertices).toBeGreaterThan(20);
  const livePath = await pathVertices();

  for (const epoch of [10, 10_000, 20_000, 100_000]) {
    const text = await seekSlider(page, 'Time travel', (t) =>
      t.startsWith('live') ? -1 : Math.sign(epoch - epochOf(t)),
    );
    expect(epochOf(text)).toBe(epoch);
    const want = fixture.gradient_descent.checkpoints[String(epoch) as '10'];
    await expect.poll(() => readout(page, 'Epoch')).toBe(epoch);
    // Readouts show 5 significant digits; scikit-learn's checkpoint is float64.
    expect(await readout(page, 'w1')).toBeCloseTo(want.w[0]!, 4);
    expect(await readout(page, 'w2')).toBeCloseTo(want.w[1]!, 4);
    expect(await readout(page, 'b')).toBeCloseTo(want.b, 4);
    expect(await readout(page, 'Train loss')).toBeCloseTo(want.loss, 4);
    await expect(page.getByText('Time travel: showing the model at epoch')).toContainText(
      `epoch ${epoch.toLocaleString('en-US')} (`,
    );
    await expect(page.locator('.loss-svg line.marker')).not.toHaveAttribute('display', 'none');
    // The path in parameter space is replayed up to this epoch only.
    if (epoch === 10) await expect.poll(pathVertices).toBeLessThanOrEqual(11);
  }
  await expectNoAxeViolations(page);

  // Epoch 0 is the tutorial's start: w = 0, b = 0, so there is no boundary yet.
  await page.getByRole('slider', { name: 'Time travel' }).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => readout(page, 'Epoch')).toBe(0);
  expect(await readout(page, 'w1')).toBe(0);
  await expect(page.locator('line.level.boundary')).toHaveCount(0);

  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(200_000);
  expect(await readout(page, 'w1')).toBe(live.w1);
  expect(await readout(page, 'Train loss')).toBe(live.loss);
  await expect.poll(pathVertices).toBe(livePath);
  await expect(page.locator('.loss-svg line.marker')).toHaveAttribute('display', 'none');
});

test('scrubbing while training pauses it; Play returns to the live model', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Epochs', { exact: true }).fill('100000000');
  await page.getByLabel('Epochs', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(1000);
  await page.getByRole('slider', { name: 'Time travel' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect.poll(() => readout(page, 'Epoch')).toBe(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(1000);
  await expect(page.getByRole('button', { name: 'Back to live' })).toHaveCount(0);
});

/**
 * Eight points, each location carrying both labels: the optimum is w = 0, b = 0 with p = ½
 * everywhere, where the loss is curved exactly as much as the bound L allows — so 2/L is sharp.
 * a = 13.02 puts 2/L between two stops of the slider (20 per decade): 0.0891 and 0.1.
 */
const A = 13.02;
const SHARP: [number, number][] = [
  [A, 0],
  [-A, 0],
  [0, A],
  [0, -A],
];

/** A slider comparator for a rate shown with two significant digits. */
const near = (target: number) => (valuetext: string) => {
  const v = Number(valuetext.split(',')[0]);
  return Math.abs(v / target - 1) < 0.02 ? 0 : Math.sign(target - v);
};

/** L = λ_max(XᵀX/n)/4 with the bias column, by power iteration on the 3 × 3 matrix. */
function smoothnessBound(points: readonly [number, number][]): number {
  const rows = points.map(([x1, x2]) => [x1, x2, 1]);
  const m = [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0) / rows.length),
  );
  let v = [1, 0.5, 0.25];
  let lambda = 0;
  for (let k = 0; k < 200; k++) {
    const u = m.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
    lambda = Math.hypot(...u);
    v = u.map((x) => x / lambda);
  }
  return lambda / 4;
}

test('descent converges just below 2/L and fails to converge just above it', async ({ page }) => {
  await openApp(page);
  const rows = SHARP.flatMap(([x1, x2]) => [
    [x1, x2, 0, 'train'] as const,
    [x1, x2, 1, 'train'] as const,
  ]);
  await importPoints(page, 'sharp.csv', rows);
  const bound = 2 / smoothnessBound(rows.map((r) => [r[0], r[1]]));
  expect(bound).toBeGreaterThan(0.0891);
  expect(bound).toBeLessThan(0.1);
  await page.getByLabel('Initial weights').selectOption('random');
  await page.getByLabel('Epochs per step').fill('3000');
  await page.getByLabel('Epochs per step').press('Enter');
  const slider = page.getByRole('slider', { name: 'Learning rate' });

  // Just below: 0.0891 = 0.944 · 2/L. The loss falls to J* = ln 2 and the gradient vanishes.
  await seekSlider(page, 'Learning rate', near(0.0891));
  await expect(slider).toHaveAttribute('aria-valuetext', '0.089');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(0);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(3000);
  // Auto may train in float32 (the WebGL kernel), whose gradient bottoms out near 1e-7.
  expect(await readout(page, 'Gradient norm')).toBeLessThan(1e-5);
  expect(await readout(page, 'Train loss')).toBeCloseTo(Math.LN2, 4); // 4 digits shown
  await expect(page.locator('.diverged')).toHaveCount(0);

  // Just above: 0.1 = 1.06 · 2/L. Along the steepest direction each step overshoots by more than
  // it corrects: the loss rises from the start and never settles at ln 2.
  await seekSlider(page, 'Learning rate', near(0.1));
  await expect(slider).toHaveAttribute('aria-valuetext', '0.1, above the stable limit');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(0);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(3000);
  const gap = (await readout(page, 'Train loss')) - Math.LN2;
  expect(gap).toBeGreaterThan(1e-3);
  expect(await readout(page, 'Gradient norm')).toBeGreaterThan(1e-3);
});
