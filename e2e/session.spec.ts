import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { menuItem, openApp, plotPoint, pointCounts, readout } from './app.ts';

/** The autosave as the app last wrote it, or null while there is none that parses. */
async function autosaved(page: Page): Promise<{
  preset?: { id?: string; n?: number };
  hyper?: { l2?: number };
  points?: { x1?: number[] };
  epoch?: number;
  views?: Record<string, boolean>;
} | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('logreg-lab/session');
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as never;
    } catch {
      return null;
    }
  });
}

/** The points as data: what "Export CSV" downloads. */
async function exportedCsv(page: Page): Promise<string> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    (await menuItem(page, 'Export CSV')).click(),
  ]);
  return readFileSync((await dl.path())!, 'utf8');
}

/** Opens a share link in a fresh browser context (no saved session there) and waits for it. */
async function openLink(browser: Browser, link: string) {
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(
    fresh.getByRole('status').filter({ hasText: 'Opened the shared session from the link.' }),
  ).toBeVisible();
  return { other, fresh };
}

test('a share link reproduces the session in a fresh browser', async ({ page, browser }) => {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption('overlap');
  await page.getByLabel('Seed').fill('7');
  await page.getByLabel('Seed').press('Enter');
  await page.getByRole('slider', { name: 'Learning rate' }).fill('-1');
  await page.getByLabel('Optimizer').selectOption('adam');
  const before = await exportedCsv(page);
  await (await menuItem(page, 'Share link')).click();
  const link = await page.getByLabel('Link to this session').inputValue();
  expect(link).toContain('#');

  const { other, fresh } = await openLink(browser, link);
  await expect(fresh.getByLabel('Dataset')).toHaveValue('overlap');
  await expect(fresh.getByLabel('Seed')).toHaveValue('7');
  await expect(fresh.getByLabel('Optimizer')).toHaveValue('adam');
  await expect(fresh.getByRole('slider', { name: 'Learning rate' })).toHaveAttribute(
    'aria-valuetext',
    /^0\.1\b/,
  );
  expect(await exportedCsv(fresh)).toBe(before);
  await other.close();
});

test('hand-placed points travel in the link', async ({ page, browser }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Clear' }).click();
  for (const [fx, fy, shift] of [
    [0.3, 0.6, false],
    [0.7, 0.3, true],
    [0.5, 0.5, false],
  ] as const) {
    const at = await plotPoint(page, fx, fy);
    if (shift) await page.keyboard.down('Shift');
    await page.mouse.click(at.x, at.y);
    if (shift) await page.keyboard.up('Shift');
  }
  await (await menuItem(page, 'Share link')).click();
  const link = await page.getByLabel('Link to this session').inputValue();
  const { other, fresh } = await openLink(browser, link);
  expect(await pointCounts(fresh)).toMatchObject({ total: 3, red: 2, blue: 1 });
  await other.close();
});

test('a tampered link says what is wrong and starts from the defaults', async ({ page }) => {
  await page.goto('/#p=tutorial&lr=abc');
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be used' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('lr');
  expect((await pointCounts(page)).total).toBe(300);
  // A second link in a page of its own: in the open page, a new fragment would not restart the app.
  const second = await page.context().newPage();
  await second.goto('/#p=custom&pts=1,2,0,tr;3,4');
  const again = second.getByRole('alert').filter({ hasText: 'This link could not be used' });
  await expect(again).toBeVisible();
  await expect(again).toContainText(
    "The link's points are damaged (not in the form count~points~checksum)",
  );
  await expect(again).not.toContainText("The link's lr");
  expect((await pointCounts(second)).total).toBe(300);
});

const VIEW_BOXES = [
  'Show p = 0.25 and 0.75 lines',
  'Show the exact optimum',
  'Show parameter space',
] as const;

test('a reload brings back the points, the settings, the weights, the views and the lr marks', async ({
  page,
}) => {
  await openApp(page);
  const at = await plotPoint(page, 0.9, 0.9);
  await page.mouse.click(at.x, at.y);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  // A learning-rate change between two steps: the curve bends at epoch 100, marked there.
  await page.getByRole('slider', { name: 'Learning rate' }).fill('-1');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(200);
  await expect(page.locator('.loss-svg .lr-mark text')).toHaveText('lr 0.1');
  const w1 = await readout(page, 'w1');
  await page.getByLabel('L2 penalty').fill('0.05');
  await page.getByLabel('L2 penalty').press('Enter');
  for (const name of VIEW_BOXES) await page.getByRole('checkbox', { name }).uncheck();
  // The autosave is throttled (every 2 s): wait until it holds all of the above.
  await expect
    .poll(() => autosaved(page))
    .toMatchObject({
      hyper: { l2: 0.05 },
      epoch: 200,
      points: { x1: { length: 301 } },
      views: { lines: false, optimum: false, params: false },
    });
  await page.reload();
  const restored = page.getByRole('status').filter({ hasText: 'Restored your last session.' });
  await expect(restored).toBeVisible();
  expect((await pointCounts(page)).total).toBe(301);
  await expect(page.getByLabel('L2 penalty')).toHaveValue('0.05');
  await expect.poll(() => readout(page, 'Epoch')).toBe(200);
  expect(await readout(page, 'w1')).toBeCloseTo(w1, 4);
  for (const name of VIEW_BOXES)
    await expect(page.getByRole('checkbox', { name })).not.toBeChecked();
  await expect(page.getByRole('application', { name: 'Parameter space' })).toHaveCount(0);
  await expect(page.locator('.loss-svg .lr-mark text')).toHaveText('lr 0.1');
  await expect(page.locator('#loss-plot-summary')).toContainText(
    'Learning rate 0.1 from epoch 100',
  );
  // A new run is no longer the restored session: the note goes (it would fade in 12 s anyway).
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(restored).toHaveCount(0);
  await expect(page.locator('.loss-svg .lr-mark')).toHaveCount(0);
});

test('a reload of a big preset makes its points again off the page and goes on from the weights', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Points', { exact: true }).fill('100000');
  await page.getByLabel('Points', { exact: true }).press('Enter');
  await expect.poll(async () => (await pointCounts(page)).total, { timeout: 30_000 }).toBe(100_000);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  const w1 = await readout(page, 'w1');
  await expect
    .poll(() => autosaved(page))
    .toMatchObject({ preset: { id: 'tutorial', n: 100_000 }, epoch: 100 });
  await page.reload();
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored your last session.' }),
  ).toBeVisible();
  await expect.poll(async () => (await pointCounts(page)).total, { timeout: 30_000 }).toBe(100_000);
  // The same session: the saved weights and epoch, not a new run on "new" data.
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  expect(await readout(page, 'w1')).toBeCloseTo(w1, 4);
  // Nothing to undo: making the points again was not an edit.
  await page.getByRole('heading', { name: 'logreg-lab' }).click();
  await page.keyboard.press('Control+z');
  expect((await pointCounts(page)).total).toBe(100_000);
  await expectNoAxeViolations(page);
});

test('corrupt saved data is reported and the app starts fresh', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('logreg-lab/session', '{"version":1,"points":'),
  );
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be restored' })).toBeVisible();
  expect((await pointCounts(page)).total).toBe(300);
});

test('New session starts over from the tutorial preset', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption('xor');
  // Only once the xor data set is saved can New session show that it forgets the save.
  await expect.poll(() => autosaved(page)).toMatchObject({ preset: { id: 'xor' } });
  // It asks first: declining keeps everything.
  page.once('dialog', (d) => void d.dismiss());
  await (await menuItem(page, 'New session')).click();
  await expect(page.getByLabel('Dataset')).toHaveValue('xor');
  page.once('dialog', (d) => {
    expect(d.message()).toContain('Start a new session?');
    void d.accept();
  });
  await (await menuItem(page, 'New session')).click();
  await expect(page.getByLabel('Dataset')).toHaveValue('tutorial');
  expect((await pointCounts(page)).total).toBe(300);
  await expect(page.getByText('Restored your last session.')).toHaveCount(0); // nothing was left
  await page.reload();
  await expect(page.getByLabel('Dataset')).toHaveValue('tutorial');
  expect((await pointCounts(page)).total).toBe(300);
});

test('a reload after opening a link keeps the work done since (the link is read once)', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await page.getByLabel('Dataset').selectOption('overlap');
  await (await menuItem(page, 'Share link')).click();
  const link = await page.getByLabel('Link to this session').inputValue();
  expect(new URL(link).hash).not.toBe('');

  const { other, fresh } = await openLink(browser, link);
  await expect(fresh.getByLabel('Dataset')).toHaveValue('overlap');
  await expect.poll(() => new URL(fresh.url()).hash).toBe('');
  await fresh.getByLabel('L2 penalty').fill('0.2');
  await fresh.getByLabel('L2 penalty').press('Enter');
  await expect.poll(() => autosaved(fresh)).toMatchObject({ hyper: { l2: 0.2 } });
  await fresh.reload();
  await expect(
    fresh.getByRole('status').filter({ hasText: 'Restored your last session.' }),
  ).toBeVisible();
  await expect(fresh.getByLabel('L2 penalty')).toHaveValue('0.2');
  await expect(fresh.getByLabel('Dataset')).toHaveValue('overlap');
  await expect(fresh.getByText('Opened the shared session from the link.')).toHaveCount(0);
  await other.close();
});

test('after Share link a reload keeps the work done since (the address gets no link)', async ({
  page,
}) => {
  await openApp(page);
  await (await menuItem(page, 'Share link')).click();
  await expect(page.getByLabel('Link to this session')).toHaveValue(/#/);
  expect(new URL(page.url()).hash).toBe('');
  await page.getByLabel('L2 penalty').fill('0.3');
  await page.getByLabel('L2 penalty').press('Enter');
  await expect.poll(() => autosaved(page)).toMatchObject({ hyper: { l2: 0.3 } });
  await page.reload();
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored your last session.' }),
  ).toBeVisible();
  await expect(page.getByLabel('L2 penalty')).toHaveValue('0.3');
});

test('a change made just before a reload or closing the tab is kept', async ({ page, context }) => {
  await openApp(page);
  const l2 = (p: Page) => p.getByLabel('L2 penalty');
  // Two changes in a row: the autosave (at most every 2 s) has saved the first, the second
  // waits its turn, and the page goes at once.
  for (const v of ['0.3', '0.4']) {
    await l2(page).fill(v);
    await l2(page).press('Enter');
  }
  await page.reload();
  await expect(l2(page)).toHaveValue('0.4');
  for (const v of ['0.5', '0.6']) {
    await l2(page).fill(v);
    await l2(page).press('Enter');
  }
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expect(l2(again)).toHaveValue('0.6');
});

test('Ctrl+Z after a Seed change brings hand-placed points back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Clear' }).click();
  for (const [fx, fy] of [
    [0.3, 0.6],
    [0.7, 0.3],
  ] as const) {
    const at = await plotPoint(page, fx, fy);
    await page.mouse.click(at.x, at.y);
  }
  expect((await pointCounts(page)).total).toBe(2);
  await page.getByLabel('Dataset').selectOption('overlap');
  await page.getByLabel('Seed').fill('5');
  await page.getByLabel('Seed').press('Enter');
  expect((await pointCounts(page)).total).toBe(300);
  // Out of the Seed field (there Ctrl+Z undoes the typing), as a person clicks elsewhere.
  await page.getByRole('heading', { name: 'logreg-lab' }).click();
  await page.keyboard.press('Control+z'); // back to seed 42
  await page.keyboard.press('Control+z'); // back to the hand-placed points
  await expect.poll(async () => (await pointCounts(page)).total).toBe(2);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await pointCounts(page)).total).toBe(300);
});

test('a shared edited preset opens with the same points in a fresh browser', async ({
  page,
  browser,
}) => {
  await openApp(page);
  const at = await plotPoint(page, 0.1, 0.1);
  await page.mouse.click(at.x, at.y); // the tutorial preset, plus one hand-placed red point
  expect(await pointCounts(page)).toMatchObject({ total: 301, red: 151 });
  await (await menuItem(page, 'Share link')).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'reproduces this session' }),
  ).toBeVisible();
  const link = await page.getByLabel('Link to this session').inputValue();
  const { other, fresh } = await openLink(browser, link);
  expect(await pointCounts(fresh)).toMatchObject({ total: 301, red: 151, blue: 150 });
  await other.close();
});
