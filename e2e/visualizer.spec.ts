import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { longRun, markCentre, runRecipe, openApp, plotPoint, pointCounts, readout } from './app.ts';

test.describe('placing points', () => {
  test('a click adds a point exactly under the cursor, shift-click the other colour', async ({
    page,
    consoleErrors,
  }) => {
    await openApp(page);
    await page.getByRole('radio', { name: 'Red point' }).check();
    const at = await plotPoint(page, 0.9, 0.9); // bottom right: empty in the tutorial preset
    await page.mouse.click(at.x, at.y);
    expect(await pointCounts(page)).toMatchObject({ total: 301, red: 151, blue: 150 });
    const mark = await markCentre(page, 'path.point.red >> nth=-1');
    expect(Math.abs(mark.x - at.x)).toBeLessThan(1.5);
    expect(Math.abs(mark.y - at.y)).toBeLessThan(1.5);

    const at2 = await plotPoint(page, 0.85, 0.95);
    await page.keyboard.down('Shift');
    await page.mouse.click(at2.x, at2.y);
    await page.keyboard.up('Shift');
    expect(await pointCounts(page)).toMatchObject({ total: 302, red: 151, blue: 151 });
    // The counts are on screen, under the legend (the Points field is the preset's own count).
    await expect(page.getByText('302 points: 151 red (class 0), 151 blue (class 1)')).toBeVisible();
    await expect(page.getByLabel('Points')).toHaveValue('300');
    // A click on the tick labels, outside the axes' box, adds nothing (nor moves the axes).
    const box = (await page.locator('.plot-host canvas.field').boundingBox())!;
    await page.mouse.click(box.x - 14, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height + 14);
    expect((await pointCounts(page)).total).toBe(302);
    expect(consoleErrors).toEqual([]);
  });

  test('drag moves a point, alt-click deletes it, Ctrl+Z and Ctrl+Shift+Z undo and redo', async ({
    page,
  }) => {
    await openApp(page);
    const at = await plotPoint(page, 0.9, 0.9);
    await page.mouse.click(at.x, at.y);
    const to = await plotPoint(page, 0.8, 0.85);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move((at.x + to.x) / 2, (at.y + to.y) / 2, { steps: 3 });
    await page.mouse.move(to.x, to.y, { steps: 3 });
    await page.mouse.up();
    const moved = await markCentre(page, 'path.point.red >> nth=-1');
    expect(Math.abs(moved.x - to.x)).toBeLessThan(1.5);
    expect(Math.abs(moved.y - to.y)).toBeLessThan(1.5);
    expect((await pointCounts(page)).total).toBe(301);

    await page.keyboard.down('Alt');
    await page.mouse.click(to.x, to.y);
    await page.keyboard.up('Alt');
    expect((await pointCounts(page)).total).toBe(300);

    await page.keyboard.press('Control+z'); // undo the delete
    expect((await pointCounts(page)).total).toBe(301);
    await page.keyboard.press('Control+z'); // undo the drag, as one step
    const back = await markCentre(page, 'path.point.red >> nth=-1');
    expect(Math.abs(back.x - at.x)).toBeLessThan(1.5);
    await page.keyboard.press('Control+z'); // undo the add
    expect((await pointCounts(page)).total).toBe(300);
    await page.keyboard.press('Control+Shift+z');
    expect((await pointCounts(page)).total).toBe(301);
  });

  test('from the keyboard alone: crosshair, Enter adds, N jumps to a point, Delete removes it', async ({
    page,
  }) => {
    await openApp(page);
    const plot = page.getByRole('application', { name: 'Data plot' });
    await plot.focus();
    await expect(page.locator('circle.cursor')).toHaveCount(1);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect((await pointCounts(page)).total).toBe(301);
    await page.keyboard.press('n');
    await expect(page.locator('circle.focus-ring')).toHaveCount(1);
    await page.keyboard.press('Delete');
    expect((await pointCounts(page)).total).toBe(300);
  });

  test('new points can join the test set, and show hollow', async ({ page }) => {
    await openApp(page);
    await page.getByRole('radio', { name: 'Test set' }).check();
    await page.getByRole('radio', { name: 'Blue point' }).check();
    const at = await plotPoint(page, 0.95, 0.95);
    await page.mouse.click(at.x, at.y);
    expect(await pointCounts(page)).toMatchObject({ total: 301, blue: 151, test: 100 });
    await expect(page.locator('path.point.blue.test').last()).toHaveAttribute('fill', '#ffffff');
  });

  test('training continues from the current weights while points are added', async ({ page }) => {
    await openApp(page);
    await longRun(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(50_000);
    const before = await readout(page, 'Epoch');
    for (const [fx, fy] of [
      [0.9, 0.9],
      [0.92, 0.88],
      [0.88, 0.92],
    ] as const) {
      const at = await plotPoint(page, fx, fy);
      await page.mouse.click(at.x, at.y);
    }
    expect((await pointCounts(page)).total).toBe(303);
    await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(before);
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.getByRole('button', { name: 'Pause' }).click();
  });
});

test.describe('the learning-rate slider', () => {
  test('is logarithmic, shows its value and steps from the keyboard', async ({ page }) => {
    await openApp(page);
    const slider = page.getByRole('slider', { name: 'Learning rate' });
    await expect(slider).toHaveAttribute('aria-valuetext', '0.01');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '0.011'); // 10^(−2 + 0.05)
    await page.keyboard.press('End');
    await expect(slider).toHaveAttribute('aria-valuetext', /^10, above the stable limit/);
    await expect(page.getByText(/Above the stable limit 2\/L ≈/)).toBeVisible();
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuetext', '1.0e−5');
  });

  test('dragging it while training changes the speed at once, without a reset', async ({
    page,
  }) => {
    await openApp(page);
    const slider = page.getByRole('slider', { name: 'Learning rate' });
    await slider.fill('-5'); // 1e-5
    await longRun(page);
    // At 100 epochs a second what follows counts epochs, not the moments this test looks.
    await page.getByLabel('Speed').selectOption({ label: 'Steady (100 epochs/s)' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(200);
    const slowW = Math.abs(await readout(page, 'w1'));
    const epochAtChange = await readout(page, 'Epoch');
    expect(slowW).toBeLessThan(0.05); // a few hundred epochs at 1e−5 have barely moved it
    await slider.fill('0'); // 1, while it trains
    await expect.poll(async () => Math.abs(await readout(page, 'w1'))).toBeGreaterThan(2);
    const epochAfter = await readout(page, 'Epoch');
    expect(epochAfter).toBeGreaterThan(epochAtChange); // no reset
    // At 1 it takes about 500 epochs; at 1e−5 (w1 moves ~1e−5 an epoch) it would take ~200,000.
    expect(epochAfter - epochAtChange).toBeLessThan(5_000);
    await page.getByRole('button', { name: 'Pause' }).click();
  });
});

test.describe('watching it converge', () => {
  test('Space plays and pauses when no control has the focus', async ({ page }) => {
    await openApp(page);
    await longRun(page);
    await page.getByRole('heading', { name: 'logreg-lab' }).click(); // focus on nothing in particular
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(1_000);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // On a focused button, Space presses that button instead.
    await page.getByRole('button', { name: 'Step' }).focus();
    const before = await readout(page, 'Epoch');
    await page.keyboard.press('Space');
    await expect.poll(() => readout(page, 'Epoch')).toBe(before + 100);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('Step runs exactly one update of N epochs, Reset starts again from zero', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => readout(page, 'Epoch')).toBe(100);
    const w1 = await readout(page, 'w1');
    expect(w1).toBeGreaterThan(0);
    await page.getByLabel('Epochs per step').fill('250');
    await page.getByLabel('Epochs per step').press('Enter');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => readout(page, 'Epoch')).toBe(350);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => readout(page, 'Epoch')).toBe(0);
    expect(await readout(page, 'w1')).toBe(0);
    // Random initial weights: each Reset draws new ones (seeded, so reproducible).
    await page.getByLabel('Initial weights').selectOption('random');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => readout(page, 'w1')).not.toBe(0);
    const first = await readout(page, 'w1');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => readout(page, 'w1')).not.toBe(first);
    expect(await readout(page, 'Epoch')).toBe(0);
  });

  test('the tutorial recipe runs 200,000 epochs, reports every 10,000 and classifies (1, 1) red', async ({
    page,
  }) => {
    await openApp(page);
    await runRecipe(page);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.getByText('Done: the epoch budget (200,000) is reached.')).toBeVisible();
    const table = page.getByRole('table', { name: 'Test accuracy every 10,000 epochs' });
    await expect(table.getByRole('row')).toHaveCount(21);
    await expect(table.getByRole('row').nth(20)).toContainText('200,000');
    expect(await readout(page, 'Test accuracy')).toBe(100);
    expect(await readout(page, 'Train loss')).toBeLessThan(0.01);
    await expect(page.getByRole('status', { name: 'Classification' })).toContainText(
      '(1, 1): p(blue) =',
    );
    await expect(page.getByRole('status', { name: 'Classification' })).toContainText(
      '→ red (class 0)',
    );
    // The boundary is w·x + b = 0: a point on the drawn line has logit ≈ 0.
    await expect(page.locator('line.boundary')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screens/recipe-1280.png', fullPage: true });
    await expectNoAxeViolations(page);
  });
});

test.describe('classifying a point', () => {
  test('a click in Classify mode marks the point, shows p(blue), class and logit, adds nothing', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => readout(page, 'Epoch')).toBe(100);
    await page.getByRole('radio', { name: 'Classify' }).check();
    const at = await plotPoint(page, 0.15, 0.85);
    await page.mouse.click(at.x, at.y);
    expect((await pointCounts(page)).total).toBe(300);
    const status = page.getByRole('status', { name: 'Classification' });
    await expect(status).toContainText(/p\(blue\) = [\d.e−-]+ → red \(class 0\), logit −/);
    await expect(page.locator('g.probe text').last()).toContainText('→ red');
    // The reading stays live while the model trains.
    const before = await status.textContent();
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(status).not.toHaveText(before!);
  });

  test('coordinates can be typed, and the marker is drawn where they are', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.getByLabel('Classify x1').fill('4');
    await page.getByLabel('Classify x2').fill('3.5');
    await page.getByRole('button', { name: 'Classify point' }).click();
    await expect(page.getByRole('status', { name: 'Classification' })).toContainText(
      '(4, 3.5): p(blue) =',
    );
    await expect(page.getByRole('status', { name: 'Classification' })).toContainText(
      '→ blue (class 1)',
    );
    await page.getByLabel('Classify x1').fill('abc');
    await page.getByRole('button', { name: 'Classify point' }).click();
    await expect(page.getByRole('alert')).toContainText('Classify x1: “abc” is not a number');
  });
});

test.describe('layouts', () => {
  for (const width of [375, 1280]) {
    test(`works and passes axe at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openApp(page);
      await page.getByRole('button', { name: 'Step' }).click();
      await expect.poll(() => readout(page, 'Epoch')).toBe(100);
      const plot = await page.getByRole('application', { name: 'Data plot' }).boundingBox();
      expect(plot!.width).toBeLessThanOrEqual(width);
      expect(plot!.width).toBeGreaterThan(width * 0.4);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/screens/app-${width}.png`, fullPage: true });
      await expectNoAxeViolations(page);
    });
  }
});
