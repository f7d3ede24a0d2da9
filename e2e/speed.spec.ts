/**
 * A live instrument: at the default Speed a person watches the run (it is not over before a hand
 * reaches the slider); Max is as fast as the engine goes; a learning-rate change mid-run bends
 * the loss curve at that epoch, and is marked there.
 */
import { ALONE, expect, expectNoAxeViolations, test } from './fixtures.ts';
import { openApp, readout } from './app.ts';

const epoch = (page: Parameters<typeof readout>[0]) => readout(page, 'Epoch');

test(
  'at the default Speed the tutorial run lasts seconds, the epoch rising all along',
  ALONE,
  async ({ page }) => {
    await openApp(page, { speed: 'normal' });
    await expect(page.getByLabel('Speed')).toHaveValue('normal');
    await page.getByRole('button', { name: 'Run tutorial recipe' }).click();
    const t0 = Date.now();
    const seen: number[] = [];
    while ((seen.at(-1) ?? 0) < 200_000 && Date.now() - t0 < 70_000) {
      // A sample about every second: even in the first, slowest decade (1–10 epochs in ~1.9 s)
      // the epoch grows by a factor of ~3 between two samples.
      await page.waitForTimeout(900);
      seen.push(await epoch(page));
    }
    const seconds = (Date.now() - t0) / 1000;
    expect(seen.at(-1)).toBe(200_000);
    expect(seconds).toBeGreaterThan(5);
    expect(seconds).toBeLessThan(60);
    // Rising all along: every sample until the end moved on from the one before.
    const before = seen.slice(0, seen.indexOf(200_000));
    expect(before.length).toBeGreaterThan(5);
    before.forEach((e, i) => i > 0 && expect(e).toBeGreaterThan(before[i - 1]!));
    // The early epochs are slow enough to watch: two seconds in, the run is still in its first
    // thousand epochs.
    expect(seen[1]!).toBeLessThan(1_000);
    // Pacing changes wall time only: (1, 1) is still classified red with the tutorial's numbers.
    await expect(page.getByLabel('Classification')).toContainText('red');
    await expectNoAxeViolations(page);
  },
);

test('at Max the tutorial recipe runs as fast as the engine goes', ALONE, async ({ page }) => {
  await openApp(page);
  await expect(page.getByLabel('Speed')).toHaveValue('max');
  await page.getByRole('button', { name: 'Run tutorial recipe' }).click();
  // The default expect timeout (10 s) is the run at Normal: at Max it is done well before.
  await expect(page.getByRole('status', { name: 'Epoch', exact: true })).toHaveText('200,000', {
    timeout: 5_000,
  });
});

test(
  'a learning-rate change mid-run bends the loss curve at that epoch, marked there',
  ALONE,
  async ({ page }) => {
    await openApp(page, { speed: 'normal' });
    await page.getByLabel('Epochs', { exact: true }).fill('100000000');
    await page.getByLabel('Epochs', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => epoch(page), { timeout: 20_000 }).toBeGreaterThan(2_000);
    const lossBefore = await readout(page, 'Train loss');
    const at = await epoch(page);
    // From 0.01 to 1: a hundred times the step. At Normal the run is at a few thousand epochs.
    await page.getByRole('slider', { name: 'Learning rate' }).fill('0');
    const mark = page.locator('.loss-svg .lr-mark');
    await expect(mark).toHaveCount(1);
    await expect(mark.locator('text')).toHaveText('lr 1');
    await expect(page.locator('#loss-plot-summary')).toContainText('Learning rate 1 from epoch');
    const markedAt = Number(
      /from epoch ([\d,]+)/
        .exec((await page.locator('#loss-plot-summary').textContent())!)![1]!
        .replaceAll(',', ''),
    );
    expect(markedAt).toBeGreaterThanOrEqual(at);
    // The slope changes: over the next stretch the loss falls much further than it did before.
    await expect.poll(() => epoch(page)).toBeGreaterThan(2 * markedAt);
    await page.getByRole('button', { name: 'Pause' }).click();
    const lossAfter = await readout(page, 'Train loss');
    // Measured in float64 on these data: from epoch 2,000 to 4,000 the loss falls 39 % at
    // lr 0.01 and 95 % at lr 1.
    expect(lossAfter).toBeLessThan(0.1 * lossBefore);
  },
);
