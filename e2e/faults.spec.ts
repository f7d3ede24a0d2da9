import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { emptySpotsNear, longRun, openApp, pointCounts, readout } from './app.ts';

test('a lost WebGL context mid-training hands over to float64 JS from the last good weights', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Engine', { exact: true }).selectOption('fused-webgl');
  await expect(page.getByRole('status', { name: 'Engine in use' })).toHaveText(
    'Fused WebGL kernel (float32)',
  );
  await longRun(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(20_000);
  await page.getByText('Diagnostics').click();
  const before = await readout(page, 'Epoch');
  await page.getByRole('button', { name: 'Simulate lost WebGL context' }).click();
  const log = page.getByRole('log', { name: 'Notices' });
  await expect(log).toContainText('The WebGL context was lost at epoch');
  await expect(log).toContainText(
    'continues on the float64 JavaScript engine from the last good weights',
  );
  await expect(page.getByRole('status', { name: 'Engine in use' })).toHaveText(
    'JavaScript float64 (float64)',
  );
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(before + 10_000);
  expect(await readout(page, 'Train accuracy')).toBeGreaterThan(95);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The loss grid lost its context too: the next grid comes from float64 JavaScript, and says why
  // — as the grid's own failure, when a live grid met the lost context before training's engine
  // was handed over, or else as the WebGL the worker no longer has.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.locator('#param-caption')).toContainText(
    /no WebGL here: WebGL context lost|the WebGL grid failed: The WebGL context of the loss grid was lost/,
  );
  await expect(page.locator('#param-caption')).toContainText('by the JavaScript float64 in');
});

test('a crashed worker is restarted with the same data and the last weights', async ({
  page,
  expectConsoleErrors,
}) => {
  // The crash itself may reach the console (the page handles the worker's error event, so
  // Chromium logs nothing today); any other error still fails the test.
  expectConsoleErrors(/simulated worker crash/);
  await openApp(page);
  await longRun(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(50_000);
  await page.getByText('Diagnostics').click();
  await page.getByRole('button', { name: 'Simulate worker crash' }).click();
  const log = page.getByRole('log', { name: 'Notices' });
  await expect(log).toContainText('The training worker crashed');
  const m = /restarted from epoch ([\d,]+)/.exec((await log.textContent()) ?? '');
  expect(m).not.toBeNull();
  const from = Number(m![1]!.replace(/,/g, ''));
  expect(from).toBeGreaterThan(50_000);
  // Training goes on from there: the counter never falls back to 0.
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(from);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('a learning rate that makes training diverge is caught, explained, and undone', async ({
  page,
}) => {
  await openApp(page);
  // Make the classes overlap: blue points inside the red cloud, red ones inside the blue cloud.
  await page.getByRole('radio', { name: 'Blue point' }).check();
  for (const at of await emptySpotsNear(page, 'red', 8)) await page.mouse.click(at.x, at.y);
  await page.getByRole('radio', { name: 'Red point' }).check();
  for (const at of await emptySpotsNear(page, 'blue', 8)) await page.mouse.click(at.x, at.y);
  expect(await pointCounts(page)).toMatchObject({ total: 316, red: 158, blue: 158 });
  await longRun(page);
  const slider = page.getByRole('slider', { name: 'Learning rate' });
  await slider.fill('1'); // 10
  await page.getByRole('button', { name: 'Play' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Training diverged' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(
    'The stable limit for full-batch descent on this data is 2/L ≈',
  );
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // paused
  await expectNoAxeViolations(page);
  await alert.getByRole('button', { name: 'Restore best weights' }).click();
  await expect(alert).toHaveCount(0);
  // Lower the rate and go on: it converges now.
  await slider.fill('-1'); // 0.1
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(20_000);
  await expect(page.getByRole('alert').filter({ hasText: 'Training diverged' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Pause' }).click();
});
