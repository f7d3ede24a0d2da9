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
  await expect(page.getByRole('status', { name: 'Engine in use' })).toHaveText(
    'JavaScript float64 (float64)',
  );
});
