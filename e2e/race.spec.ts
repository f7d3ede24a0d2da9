/**
 * The learning-rate race (issue #6, view 6): lanes trained at once in the worker, each checked
 * against an independent float64 gradient descent run here; boundaries, loss curves and
 * parameter-space paths overlaid in lane colours.
 */
import fixture from '../src/core/__fixtures__/separable-l2.json' with { type: 'json' };
import { gdEpochs } from '../src/core/gradient-descent.ts';
import { objective } from '../src/core/maths.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { importPoints, openApp } from './app.ts';

const cols = {
  n: fixture.y.length,
  x1: Float64Array.from(fixture.x, (p) => p[0]!),
  x2: Float64Array.from(fixture.x, (p) => p[1]!),
  y: Float64Array.from(fixture.y),
};
const rows = fixture.x.map((p, i) => [p[0]!, p[1]!, fixture.y[i] as 0 | 1, 'train'] as const);
const num = (s: string | null) => Number((s ?? '').replaceAll('−', '-').replace(/[,%\s]/g, ''));

for (const [engine, label] of [
  ['fused-webgl', 'WebGL2 lanes kernel'],
  ['js-f64', 'float64 JavaScript'],
] as const)
  test(`on the ${label}, every lane of the race matches float64 gradient descent at its own learning rate`, async ({
    page,
  }) => {
    await openApp(page);
    await importPoints(page, 'separable-l2.csv', rows);
    await page.getByLabel('Show the learning-rate race').check();
    const race = page.getByRole('region', { name: 'Learning-rate race' });
    // Default lanes: the current rate ÷10, ×1, ×10 and 0.9 · 2/L.
    const lrs: number[] = [];
    for (let i = 1; i <= 4; i++)
      lrs.push(num(await race.getByLabel(`Lane ${i} learning rate`).inputValue()));
    expect(lrs.slice(0, 3)).toEqual([0.001, 0.01, 0.1]);
    await race.getByLabel('Race epochs').fill('5000');
    await race.getByLabel('Race epochs').press('Enter');
    await race.getByLabel('Race engine').selectOption(engine);
    await race.getByRole('button', { name: 'Start race' }).click();
    await expect(race.getByRole('status')).toContainText('Race finished: epoch 5,000 of 5,000', {
      timeout: 60_000,
    });
    await expect(race.getByRole('status')).toContainText(`on the ${label}`);
    const table = race.getByRole('table', { name: 'Race results' });
    for (const [i, lr] of lrs.entries()) {
      const want = gdEpochs(cols, { w1: 0, w2: 0, b: 0 }, lr, 0, 5000);
      const cells = table
        .getByRole('row')
        .nth(i + 1)
        .getByRole('cell');
      // Columns: learning rate, optimizer, loss J, train accuracy, w1, w2, b (5 significant digits).
      expect(num(await cells.nth(4).textContent())).toBeCloseTo(want.w1, 3);
      expect(num(await cells.nth(5).textContent())).toBeCloseTo(want.w2, 3);
      expect(num(await cells.nth(6).textContent())).toBeCloseTo(want.b, 3);
      expect(num(await cells.nth(2).textContent())).toBeCloseTo(objective(cols, want, 0), 3);
    }
    // Faster rates get further in the same number of epochs (all are below 2/L here).
    const losses = await Promise.all(
      [1, 2, 3, 4].map(async (r) =>
        num(await table.getByRole('row').nth(r).getByRole('cell').nth(2).textContent()),
      ),
    );
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
    // Overlaid: a boundary per lane on the data plot, a loss curve and a path per lane.
    await expect(page.locator('.plot-svg line.lane')).toHaveCount(4);
    await expect(page.locator('.loss-svg path.curve.lane')).toHaveCount(4);
    await expect(page.locator('.param-svg .param-lane')).toHaveCount(4);
    await expectNoAxeViolations(page);
  });

test('a race mixes optimizers, can be stopped, and lanes can be added and removed', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Show the learning-rate race').check();
  const race = page.getByRole('region', { name: 'Learning-rate race' });
  await race.getByLabel('Lane 2 optimizer').selectOption('adam');
  await race.getByRole('button', { name: 'Add lane' }).click();
  await race.getByLabel('Lane 5 optimizer').selectOption('momentum');
  await race.getByRole('button', { name: 'Remove lane 1' }).click();
  await expect(race.getByLabel('Lane 5 optimizer')).toHaveCount(0);
  await race.getByLabel('Race epochs').fill('10000000');
  await race.getByLabel('Race epochs').press('Enter');
  await race.getByRole('button', { name: 'Start race' }).click();
  await expect(race.getByRole('status')).toContainText('Racing');
  await race.getByRole('button', { name: 'Stop race' }).click();
  // A stopped race says so: "finished" is for a race that ran all its epochs.
  await expect(race.getByRole('status')).toContainText('Race stopped at epoch');
  const table = race.getByRole('table', { name: 'Race results' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('adam');
  await expect(table.getByRole('row').nth(4)).toContainText('momentum');
  // Hiding the race removes its overlays.
  await page.getByLabel('Show the learning-rate race').uncheck();
  await expect(page.locator('.plot-svg line.lane')).toHaveCount(0);
});

test('a race goes on through Reset, and ends with its result when the data change', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Show the learning-rate race').check();
  const race = page.getByRole('region', { name: 'Learning-rate race' });
  await race.getByLabel('Race epochs').fill('10000000');
  await race.getByLabel('Race epochs').press('Enter');
  await race.getByRole('button', { name: 'Start race' }).click();
  await expect(race.getByRole('status')).toContainText('Racing');
  const epoch = async () =>
    num(
      /Epoch ([\d,]+)/.exec((await race.locator('.race-progress').textContent()) ?? '')?.[1] ?? '',
    );
  await expect.poll(epoch).toBeGreaterThan(0);
  // Reset starts a new main run; the race is its own and keeps streaming.
  await page.getByRole('button', { name: 'Reset' }).click();
  const afterReset = await epoch();
  await expect.poll(epoch).toBeGreaterThan(afterReset);
  await expect(page.locator('.plot-svg line.lane')).not.toHaveCount(0);
  // New data: the race (on the old points) stops, and its lanes leave the plot: they describe
  // other data.
  await page.getByLabel('Points').fill('200');
  await page.getByLabel('Points').press('Enter');
  await expect(race.getByRole('status')).toContainText('stopped when the points changed');
  await expect(page.locator('.plot-svg line.lane')).toHaveCount(0);
  await expect(race.getByRole('table', { name: 'Race results' })).toHaveCount(0);
  await expect(race.getByRole('button', { name: 'Start race' })).toBeVisible();
  await race.getByRole('button', { name: 'Start race' }).click();
  await expect(race.getByRole('status')).toContainText('Racing');
  await race.getByRole('button', { name: 'Stop race' }).click();
  await expect(race.getByRole('status')).toContainText('Race stopped');
});
