/**
 * One truth between page and worker, in real Chromium: one test per family of defects that a
 * person found by using the page quickly and out of order. The model-based test
 * (src/integration/model.test.ts) carries the combinations; these check the real page.
 */
import overlap from '../src/core/__fixtures__/overlap-mle.json' with { type: 'json' };
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { importFixtureAsTraining, longRun, openApp, readout } from './app.ts';

/** Opens the app on the overlapping blobs (a finite optimum) and waits for the Exact optimum. */
async function openOverlap(page: Page): Promise<Locator> {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption('overlap');
  const info = page.getByLabel('Exact optimum', { exact: true });
  await expect(info).toContainText('w1 =');
  return info;
}

/** The model's w1 is the w1 the Exact optimum names (to 4 decimals). */
async function expectAtNamedOptimum(page: Page, info: Locator): Promise<void> {
  const w1 = Number(/w1 = (−?[\d.]+)/.exec((await info.textContent())!)![1]!.replace('−', '-'));
  expect(await readout(page, 'w1')).toBeCloseTo(w1, 4);
}

test('an L2 typed and then Reset at once: the Exact optimum is the one for that L2', async ({
  page,
}) => {
  const info = await openOverlap(page);
  const before = await info.textContent();
  // Type (no Enter) and click Reset: the field commits on blur, and Reset follows at once.
  await page.getByLabel('L2 penalty').fill('0.5');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(info).toContainText('w1 =');
  expect(await info.textContent()).not.toBe(before);
  // The optimum shown is the optimum of the data and L2 on screen: jumping there, the trainer's
  // own float64 gradient on those data (with that L2) vanishes.
  await page.getByRole('button', { name: 'Jump to optimum' }).click();
  await expect.poll(() => readout(page, 'Gradient norm')).toBeLessThan(1e-6);
  await expectAtNamedOptimum(page, info);
});

test('new points, then Reset at once: never the previous data’s answer', async ({ page }) => {
  await openApp(page);
  const info = page.getByLabel('Exact optimum', { exact: true });
  await expect(info).toContainText('no finite optimum');
  await page.getByLabel('Dataset').selectOption('overlap');
  await page.getByLabel('Seed').fill('9');
  await page.getByRole('button', { name: 'Reset' }).click();
  // Either "solving…" or the new data's optimum — the separable tutorial's verdict never stays.
  await expect(info).not.toContainText('no finite optimum');
  await expect(info).toContainText('w1 =');
  await page.getByRole('button', { name: 'Jump to optimum' }).click();
  await expect.poll(() => readout(page, 'Gradient norm')).toBeLessThan(1e-6);
});

test('the engine named is the one training: a full-batch engine with mini-batches', async ({
  page,
}) => {
  await openApp(page);
  const engine = page.getByLabel('Engine', { exact: true });
  await engine.selectOption('fused-webgl');
  await expect(page.getByRole('status', { name: 'Engine in use' })).toContainText(
    'Fused WebGL kernel',
  );
  await page.getByLabel('Batch size').fill('32');
  await page.getByLabel('Batch size').press('Enter');
  await expect(page.getByRole('status', { name: 'Engine in use' })).toContainText(
    'JavaScript float64',
  );
  await expect(page.locator('.engine-reason')).toContainText('trains full batches only');
  await expect(engine.locator('option[value="fused-webgl"]')).toBeDisabled();
  await expect(engine).toHaveValue('fused-webgl'); // the wish stays; the readout says the truth
  await page.getByLabel('Batch size').fill('0');
  await page.getByLabel('Batch size').press('Enter');
  await expect(page.getByRole('status', { name: 'Engine in use' })).toContainText(
    'Fused WebGL kernel',
  );
  await expectNoAxeViolations(page);
});

test('switching TF.js engines while training trains on, with no error', async ({ page }) => {
  await openApp(page);
  await longRun(page);
  const engine = page.getByLabel('Engine', { exact: true });
  await engine.selectOption('tfjs-cpu');
  await expect(page.getByRole('status', { name: 'Engine in use' })).toContainText('TF.js CPU');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(50);
  await engine.selectOption('tfjs-wasm');
  await expect(page.getByRole('status', { name: 'Engine in use' })).toContainText('TF.js WASM', {
    timeout: 30_000,
  });
  const at = await readout(page, 'Epoch');
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(at);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('log', { name: 'Notices' })).not.toContainText('failed');
});

test('Reset while training: a clean run, no report or rate of the old one', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Epochs', { exact: true }).fill('100000000');
  await page.getByLabel('Epochs', { exact: true }).press('Enter');
  await page.getByRole('slider', { name: 'Learning rate' }).fill('-5'); // slow: 1e-5
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch'), { timeout: 30_000 }).toBeGreaterThan(30_000);
  await page.getByRole('button', { name: 'Reset' }).click();
  expect(await readout(page, 'Epochs per second')).toBeGreaterThanOrEqual(0);
  await expect.poll(() => readout(page, 'Epoch'), { timeout: 30_000 }).toBeGreaterThan(30_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await readout(page, 'Epochs per second')).toBeGreaterThanOrEqual(0);
  // The tutorial's printout of the new run only: 10,000, 20,000, … — none carried over.
  const rows = await page
    .getByRole('table', { name: 'Test accuracy every 10,000 epochs' })
    .locator('tbody tr td:first-child')
    .allTextContents();
  const epochs = rows.map((r) => Number(r.replace(/,/g, '')));
  expect(epochs.length).toBeGreaterThanOrEqual(3);
  // Consecutive multiples of 10,000 (a report of the old run would break the sequence); the
  // table keeps the last 20, so it starts at 10,000 unless the new run passed 200,000.
  const from = epochs.length < 20 ? 10_000 : epochs[0]!;
  expect(epochs).toEqual(epochs.map((_, i) => from + i * 10_000));
});

test('Play after a divergence clears the notice, so a later Restore cannot rewind', async ({
  page,
}) => {
  await openApp(page);
  // The scikit-learn fixture's overlapping classes, all training points: lr 10 bounces there.
  await importFixtureAsTraining(page, 'overlap.csv', overlap);
  await longRun(page);
  await page.getByRole('slider', { name: 'Learning rate' }).fill('1'); // 10
  await page.getByRole('button', { name: 'Play' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Training diverged' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  // Play again at the same rate: the old notice goes (its Restore would rewind the new stretch);
  // at lr 10 a fresh one follows within milliseconds, for a later epoch.
  const first = await alert.textContent();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(alert).not.toHaveText(first!);
  // A new learning rate clears it too.
  await page.getByRole('slider', { name: 'Learning rate' }).fill('-2'); // 0.01
  await expect(alert).toHaveCount(0);
});

/** The loss plot's own reading of its last point (End), as numbers. */
async function curveEnd(page: Page) {
  await page.getByRole('application', { name: 'Loss plot' }).focus();
  await page.keyboard.press('End');
  const text = (await page.getByRole('status', { name: 'Loss readout' }).textContent())!;
  const m = /^epoch ([\d,]+): train loss ([\d.e−-]+)/.exec(text);
  if (!m) throw new Error(`unexpected loss readout: ${text}`);
  return { epoch: Number(m[1]!.replaceAll(',', '')), train: m[2]!.replace('−', '-') };
}

test('stopped between recorded epochs — a Step, a pause, a jump — the loss curve ends where the readouts are', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption('overlap');
  for (let k = 1; k <= 2; k++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => readout(page, 'Epoch')).toBe(100 * k);
    const train = (await page.getByRole('status', { name: 'Train loss' }).textContent())!;
    expect(await curveEnd(page)).toEqual({ epoch: 100 * k, train: train.replace('−', '-') });
  }
  await page.getByRole('button', { name: 'Jump to optimum' }).click();
  await expect.poll(() => readout(page, 'Gradient norm')).toBeLessThan(1e-6);
  const atOptimum = (await page.getByRole('status', { name: 'Train loss' }).textContent())!;
  expect(await curveEnd(page)).toEqual({ epoch: 200, train: atOptimum.replace('−', '-') });
  await expect(page.locator('#loss-plot-summary')).toContainText(
    `After 200 epochs: train loss ${atOptimum}`,
  );
  // A pause at whatever epoch the run has reached.
  await page.getByRole('button', { name: 'Reset' }).click();
  await longRun(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(1_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const epoch = await readout(page, 'Epoch');
  const paused = (await page.getByRole('status', { name: 'Train loss' }).textContent())!;
  expect(await curveEnd(page)).toEqual({ epoch, train: paused.replace('−', '-') });
});

test('a value typed and then Jump to optimum at once: it jumps to the optimum for that value', async ({
  page,
}) => {
  const info = await openOverlap(page);
  // No Enter: leaving the field applies it, and a new solve starts between press and release.
  await page.getByLabel('L2 penalty').fill('0.1');
  await page.getByRole('button', { name: 'Jump to optimum' }).click();
  await expect.poll(() => readout(page, 'Gradient norm')).toBeLessThan(1e-6);
  await expectAtNamedOptimum(page, info);
});

test('Ctrl+Z in a number field after its change was applied undoes the change, not just the text', async ({
  page,
}) => {
  const info = await openOverlap(page);
  const before = await info.textContent();
  const noise = page.getByLabel('Noise');
  await noise.fill('2');
  await expect(noise).toHaveClass(/draft/); // typed, not applied yet
  await noise.press('Enter');
  await expect(noise).not.toHaveClass(/draft/);
  await expect(info).toContainText('w1 =');
  expect(await info.textContent()).not.toBe(before);
  await noise.press('ControlOrMeta+z'); // the focus is still in Noise
  await expect(noise).toHaveValue('1');
  await expect(info).toHaveText(before!);
  await noise.press('ControlOrMeta+Shift+z');
  await expect(noise).toHaveValue('2');
  await expectNoAxeViolations(page);
});
