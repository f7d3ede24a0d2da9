/**
 * "A live instrument": the controls a person steers with are on screen with the plot (1280×800
 * and a phone), secondary actions wait in one menu, messages appear beside the controls, and
 * every mark on the plots is explained — by a legend, by axis titles and by readouts that follow
 * the pointer and the keyboard.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { markCentre, menuItem, openApp, readout } from './app.ts';

/** Whether the whole of `el` lies inside the viewport. */
async function onScreen(page: Page, el: Locator): Promise<boolean> {
  const b = await el.boundingBox();
  const v = page.viewportSize()!;
  return (
    !!b &&
    b.x >= 0 &&
    b.y >= 0 &&
    b.x + b.width <= v.width + 0.5 &&
    b.y + b.height <= v.height + 0.5
  );
}

const core = (page: Page) => ({
  'Data plot': page.getByRole('application', { name: 'Data plot' }),
  Play: page.getByRole('button', { name: 'Play' }),
  Step: page.getByRole('button', { name: 'Step' }),
  Reset: page.getByRole('button', { name: 'Reset' }),
  'Learning rate': page.getByRole('slider', { name: 'Learning rate' }),
  Speed: page.getByRole('combobox', { name: 'Speed' }),
  'Loss plot': page.getByRole('application', { name: 'Loss plot' }),
});

test('at 1280×800 the plot, Play/Step/Reset, Learning rate, Speed and the loss plot all show', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, { speed: 'normal' });
  for (const [name, el] of Object.entries(core(page)))
    expect(await onScreen(page, el), `${name} is inside 1280×800`).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // While it trains, Pause takes Play's place.
  await core(page).Play.click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(await onScreen(page, page.getByRole('button', { name: 'Pause' }))).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expectNoAxeViolations(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('the bar with Play, Learning rate and Speed stays on screen while the plot is', async ({
    page,
  }) => {
    await openApp(page, { speed: 'normal' });
    const { Play, Speed } = core(page);
    const bar = [Play, core(page)['Learning rate'], Speed];
    const plot = core(page)['Data plot'];
    for (const y of [0, 150, 300, 600, 1200, 2000]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      for (const el of bar) expect(await onScreen(page, el), `scrolled to ${y}`).toBe(true);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await onScreen(page, plot)).toBe(true);
    // A tap on Play trains; the plot and the bar stay in view together.
    await Play.tap();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => readout(page, 'Epoch')).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).tap();
    expect(await onScreen(page, plot)).toBe(true);
    await expectNoAxeViolations(page);
  });
});

test('secondary actions live in one menu: it opens, acts, and closes with Escape', async ({
  page,
}) => {
  await openApp(page);
  const menu = page.getByRole('button', { name: 'Import, export, share' });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of [
    'Import CSV',
    'Export CSV',
    'Export model',
    'Export as Python',
    'Share link',
    'New session',
  ])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  // An action closes it, so it never covers the run controls.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (await menuItem(page, 'Export CSV')).click(),
  ]);
  expect(download.suggestedFilename()).toBe('logreg-lab-points.csv');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('an engine failure shows beside the controls, without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByLabel('Engine', { exact: true }).selectOption('fused-webgl');
  await expect(page.getByRole('status', { name: 'Engine in use' })).toHaveText(
    'Fused WebGL kernel (float32)',
  );
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  await page.getByText('Diagnostics').click();
  await page.getByRole('button', { name: 'Simulate lost WebGL context' }).click();
  // The loss is found by the next epoch trained.
  await page.getByRole('button', { name: 'Step' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  const notice = page.getByRole('log', { name: 'Notices' }).getByText('The WebGL context was lost');
  await expect(notice).toBeVisible();
  expect(await onScreen(page, notice)).toBe(true);
  // Beside the controls, not above the plot: the plot did not move down.
  const plot = await core(page)['Data plot'].boundingBox();
  expect(plot!.y).toBeLessThan(250);
});

test('the legend names every mark on the plot, and the axes are titled x1 and x2', async ({
  page,
}) => {
  await openApp(page);
  const legend = page.getByRole('list', { name: 'Legend', exact: true });
  await expect(legend).toContainText('red = class 0');
  await expect(legend).toContainText('blue = class 1');
  await expect(legend).toContainText('hollow = test point');
  // Separable data without L2: the max-margin line is drawn, and named.
  await expect(legend).toContainText('maximum-margin line');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  for (const entry of [
    'boundary w·x + b = 0 (p = 0.5)',
    'p = 0.25 and p = 0.75',
    'w: points toward blue',
    'shading: p(blue)',
  ])
    await expect(legend).toContainText(entry);
  await page.getByLabel('Show p = 0.25 and 0.75 lines').uncheck();
  await expect(legend).not.toContainText('p = 0.25 and p = 0.75');
  // With L2 there is a finite optimum: its ghost boundary is drawn and named.
  await page.getByLabel('L2 penalty').fill('0.1');
  await page.getByLabel('L2 penalty').press('Enter');
  await expect(legend).toContainText('exact optimum’s boundary');
  await expect(page.locator('.plot-svg line.ghost')).toHaveCount(1);
  await expect(page.locator('.plot-svg .axis-title-x')).toHaveText('x1');
  await expect(page.locator('.plot-svg .axis-title-y')).toHaveText('x2');
  // Race lanes get an entry each.
  await page.getByLabel('Show the learning-rate race').check();
  const race = page.getByRole('region', { name: 'Learning-rate race' });
  await race.getByLabel('Race epochs').fill('500');
  await race.getByLabel('Race epochs').press('Enter');
  await race.getByRole('button', { name: 'Start race' }).click();
  await expect(race.getByRole('status')).toContainText('Race finished', { timeout: 20_000 });
  await expect(legend).toContainText(/race lane 1: learning rate [\d.e−]+/);
  await expect(page.getByRole('list', { name: 'Loss plot legend' })).toContainText('race lanes');
});

test('a point reads out its coordinates, class, split, p(blue) and loss on hover and on focus', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  const at = await markCentre(page, 'path.point.blue.train >> nth=0');
  await page.mouse.move(at.x, at.y);
  const tip = page.locator('.plot-svg g.tip');
  await expect(tip).toContainText(/x1 = [\d.−]+, x2 = [\d.−]+: blue \(class 1\), training point/);
  await expect(tip).toContainText(/p\(blue\) = 0\.\d+; its loss −ln p\(blue\) = 0\.\d+/);
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);
  // The keyboard: N puts the crosshair on a point; the same readout shows, and is announced.
  await page.keyboard.press('Tab');
  await page.getByRole('application', { name: 'Data plot' }).focus();
  await page.keyboard.press('n');
  await expect(tip).toHaveCount(1);
  await expect(page.getByRole('status', { name: 'Point readout' })).toContainText(
    /x1 = .*(red|blue) \(class [01]\), (training|test) point\. p\(blue\) = /,
  );
});

test('the loss curve reads out epoch and losses on hover and from the keyboard', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  const loss = page.getByRole('application', { name: 'Loss plot' });
  const box = (await loss.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page.locator('.loss-svg g.inspect')).toContainText(
    /epoch [\d,]+train [\d.]+ · test [\d.]+/,
  );
  await page.mouse.move(5, 5);
  await expect(page.locator('.loss-svg g.inspect')).toHaveCount(0);
  await loss.focus();
  await page.keyboard.press('Home');
  const said = page.getByRole('status', { name: 'Loss readout' });
  // The log epoch axis starts at epoch 1 (epoch 0 has no place on it).
  await expect(said).toHaveText(/^epoch 1: train loss 0\.\d+, test loss 0\.\d+$/);
  await page.keyboard.press('End');
  // The last recorded epoch (the curve is sampled at log-spaced epochs up to 100).
  await expect(said).toHaveText(/^epoch (9\d|100): train loss /);
  const last = await said.textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(said).not.toHaveText(last!);
});
