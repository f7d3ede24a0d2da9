/** With no GPU and no software WebGL in the browser, the app must say so and train on the CPU engines. */
import { chromiumArgs, findChromium } from './browser.ts';
import { expect, test } from './fixtures.ts';
import { runRecipe } from './app.ts';

test.use({
  launchOptions: { executablePath: findChromium(), args: chromiumArgs({ webgl: false }) },
});

test('the page says WebGL is unavailable and trains on the CPU engines', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('log', { name: 'Notices' })).toContainText(
    'WebGL is unavailable here',
  );
  await expect(page.locator('.engine-reason')).toContainText('WebGL: unavailable');
  await expect(
    page.getByLabel('Engine', { exact: true }).locator('option[value="fused-webgl"]'),
  ).toHaveText(/unavailable/);
  await runRecipe(page);
  // One of the two float64 CPU engines, whichever Auto timed faster here.
  await expect(page.getByRole('status', { name: 'Engine in use' })).toHaveText(
    /^(JavaScript|WASM SIMD) float64 \(float64\)$/,
  );
});

test('without WebGL the loss surface and the race run in float64 JavaScript, and say so', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('#param-caption')).toContainText('by the JavaScript float64 in');
  await expect(page.locator('#param-caption')).toContainText('no WebGL here:');
  await page.getByLabel('Show the learning-rate race').check();
  const race = page.getByRole('region', { name: 'Learning-rate race' });
  await race.getByLabel('Race epochs').fill('2000');
  await race.getByLabel('Race epochs').press('Enter');
  await race.getByRole('button', { name: 'Start race' }).click();
  await expect(race.getByRole('status')).toContainText(
    'Race finished: epoch 2,000 of 2,000 on the float64 JavaScript engine (no WebGL here)',
  );
  // Asking for the GPU kernel explicitly is refused with a message, not a silent fallback.
  await race.getByLabel('Race engine').selectOption('fused-webgl');
  await race.getByRole('button', { name: 'Start race' }).click();
  await expect(page.getByRole('log', { name: 'Notices' })).toContainText(/WebGL2? is unavailable/);
});
