import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { longRun, openApp, plotPoint, pointCounts, readout } from './app.ts';

test('each preset comes with a note; XOR says why a line must fail, and training shows it', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption({ label: 'XOR (not linearly separable)' });
  await expect(page.getByText('No straight line can separate it')).toBeVisible();
  expect((await pointCounts(page)).total).toBe(300);
  await longRun(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(20_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  // A line can at best cut off one of the four blobs: ~75 %, with the loss far from 0.
  expect(await readout(page, 'Train accuracy')).toBeLessThan(82);
  expect(await readout(page, 'Train loss')).toBeGreaterThan(0.3);
  await expectNoAxeViolations(page);
});

test('the same seed always gives the same points, another seed other points', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption({ label: 'Overlapping blobs' });
  const seed = page.getByLabel('Seed');
  const firstMark = () => page.locator('path.point').first().getAttribute('transform');
  await seed.fill('7');
  await seed.press('Enter');
  const at7 = await firstMark();
  await seed.fill('8');
  await seed.press('Enter');
  expect(await firstMark()).not.toBe(at7);
  await seed.fill('7');
  await seed.press('Enter');
  expect(await firstMark()).toBe(at7);
  await seed.fill('-3');
  await seed.press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    'Seed: “-3” is below 0 (allowed: 0 to 4,294,967,295, whole numbers).',
  );
  expect(await firstMark()).toBe(at7); // nothing lost
});

test('10,000 points are drawn on a canvas and train', async ({ page }) => {
  await openApp(page);
  const n = page.getByLabel('Points', { exact: true });
  await n.fill('10000');
  await n.press('Enter');
  expect(await pointCounts(page)).toMatchObject({ total: 10_000, test: 3_300 });
  await expect(page.locator('path.point')).toHaveCount(0);
  const inked = await page.locator('canvas.marks').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) count++;
    return count;
  });
  expect(inked).toBeGreaterThan(10_000);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  // A point can still be grabbed and deleted on the canvas.
  const at = await plotPoint(page, 0.97, 0.03);
  await page.mouse.click(at.x, at.y);
  expect((await pointCounts(page)).total).toBe(10_001);
  await page.keyboard.down('Alt');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up('Alt');
  expect((await pointCounts(page)).total).toBe(10_000);
});

test('Clear empties the plot for placing points by hand', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Clear' }).click();
  expect((await pointCounts(page)).total).toBe(0);
  await expect(page.getByLabel('Dataset')).toHaveValue('custom');
  const at = await plotPoint(page, 0.3, 0.6);
  await page.mouse.click(at.x, at.y);
  await page.getByRole('radio', { name: 'Blue point' }).check();
  const at2 = await plotPoint(page, 0.7, 0.3);
  await page.mouse.click(at2.x, at2.y);
  expect(await pointCounts(page)).toMatchObject({ total: 2, red: 1, blue: 1 });
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z'); // undo the Clear too
  expect((await pointCounts(page)).total).toBe(300);
});

test('the split toggle shows train, test or both; the contour lines and weight arrow are drawn', async ({
  page,
}) => {
  await openApp(page);
  const summary = page.locator('#data-plot-summary');
  await page.getByRole('radio', { name: 'Test', exact: true }).check();
  await expect(page.locator('path.point')).toHaveCount(99);
  await expect(summary).toContainText('Shown: the test points only.');
  await page.getByRole('radio', { name: 'Train', exact: true }).check();
  await expect(page.locator('path.point')).toHaveCount(201);
  await expect(summary).toContainText('Shown: the training points only.');
  await page.getByRole('radio', { name: 'Train and test' }).check();
  await expect(page.locator('path.point')).toHaveCount(300);
  await expect(summary).not.toContainText('Shown:');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.locator('line.boundary')).toHaveCount(1);
  await expect(page.locator('line.contour')).toHaveCount(2);
  await expect(page.locator('path.normal-head')).toHaveCount(1);
  await page.getByLabel('Show p = 0.25 and 0.75 lines').uncheck();
  await expect(page.locator('line.contour')).toHaveCount(0);
  await expect(page.getByText('The model says blue where')).toBeVisible();
});

test('a million points are made off the page with progress shown; a newer choice wins', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const points = page.getByLabel('Points', { exact: true });
  await points.fill('1000000');
  await points.press('Enter');
  await expect(page.getByRole('progressbar', { name: 'Making 1,000,000 points' })).toBeVisible();
  await expect(page.locator('#data-plot-summary')).toHaveText(/^1,000,000 points/, {
    timeout: 60_000,
  });
  // Asked for a million, then at once for 300 of another preset: the 300 stay on screen.
  await points.fill('999999');
  await points.press('Enter');
  await page.getByLabel('Dataset').selectOption('xor');
  await points.fill('300');
  await points.press('Enter');
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(3_000); // long enough for the million to have arrived, were it kept
  expect(await pointCounts(page)).toMatchObject({ total: 300 });
  await expect(page.getByLabel('Dataset')).toHaveValue('xor');
});

test('at a million points undo keeps its newest steps, and says so past the oldest', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const points = page.getByLabel('Points', { exact: true });
  await points.fill('1000000');
  await points.press('Enter');
  await expect(page.locator('#data-plot-summary')).toHaveText(/^1,000,000 points/, {
    timeout: 60_000,
  });
  // Six hand-placed points: each is an undo step of a million points and more.
  for (let k = 0; k < 6; k++) {
    const at = await plotPoint(page, 0.05 + 0.02 * k, 0.95);
    await page.mouse.click(at.x, at.y);
    await expect(page.locator('#data-plot-summary')).toHaveText(
      new RegExp(`^1,000,00${k + 1} points`),
    );
  }
  // Each is painted where it was put (only its mark is painted, on the million drawn before) and
  // is found under the pointer (the hit grid grows by it).
  const last = await plotPoint(page, 0.15, 0.95);
  await expect
    .poll(() =>
      page.locator('canvas.marks').evaluate((c: HTMLCanvasElement, at) => {
        const r = c.getBoundingClientRect();
        const k = c.width / r.width;
        const px = c.getContext('2d')!.getImageData((at.x - r.left) * k, (at.y - r.top) * k, 1, 1);
        return Array.from(px.data);
      }, last),
    )
    .toEqual([178, 24, 43, 255]); // red, class 0, a training point: filled
  await page.mouse.move(last.x, last.y);
  await expect(page.locator('.plot-svg g.tip')).toContainText('red (class 0), training point');
  await page.getByRole('heading', { name: 'logreg-lab' }).click();
  // Four steps fit in 5,000,000 points: four undos bring points back, the fifth explains.
  for (let k = 5; k >= 2; k--) {
    await page.keyboard.press('Control+z');
    await expect(page.locator('#data-plot-summary')).toHaveText(new RegExp(`^1,000,00${k} points`));
  }
  await page.keyboard.press('Control+z');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Nothing more to undo: undo keeps its newest steps' }),
  ).toBeVisible();
  await expect(page.locator('#data-plot-summary')).toHaveText(/^1,000,002 points/);
});

test('the recipe reloading the same points keeps the view (after a resize too); other points re-fit it', async ({
  page,
}) => {
  await openApp(page);
  // Each tick's label and place (px): the axes' box to a fraction of a pixel.
  const ticks = () =>
    page
      .locator('.plot-host .tick')
      .evaluateAll((ts) => ts.map((t) => `${t.textContent}@${t.getAttribute('transform')}`));
  await page.setViewportSize({ width: 1100, height: 760 });
  await expect
    .poll(() => page.locator('.plot-host svg').first().getAttribute('width'))
    .not.toBe(null);
  await page.waitForTimeout(300); // the plot re-measures on its ResizeObserver
  const view = await ticks();
  await page.getByRole('button', { name: 'Run tutorial recipe' }).click();
  await expect(page.getByRole('status', { name: 'Epoch', exact: true })).toHaveText('200,000', {
    timeout: 30_000,
  });
  expect(await ticks()).toEqual(view);
  // Other points (another seed) are new data: the axes fit them.
  await page.getByLabel('Noise').fill('2');
  await page.getByLabel('Noise').press('Enter');
  await expect.poll(ticks).not.toEqual(view);
});
