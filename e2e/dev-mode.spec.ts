/**
 * The app as `npm run dev` serves it: React's StrictMode mounts every component twice, so effects
 * are set up, torn down and set up again. What must survive that: the worker conversation and the
 * autosave (which once never saved in development).
 */
import { expect, test } from './fixtures.ts';
import { openApp, readout } from './app.ts';

test('under npm run dev the app trains and autosaves (StrictMode mounts twice)', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption('xor');
  await expect
    .poll(
      async () => {
        const saved = await page.evaluate(() => localStorage.getItem('logreg-lab/session'));
        return saved ? (JSON.parse(saved) as { preset: { id: string } }).preset.id : null;
      },
      { timeout: 10_000 },
    )
    .toBe('xor');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  await page.reload();
  await expect(page.getByLabel('Dataset')).toHaveValue('xor');
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored your last session.' }),
  ).toBeVisible();
});
