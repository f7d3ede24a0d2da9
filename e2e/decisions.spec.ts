/**
 * Decisions and doubt (issue 12, views 1 and 3): at the exact optimum of overlapping data, the
 * page's confusion counts, rates, ROC AUC, average precision and standard errors equal those
 * scikit-learn and NumPy computed independently (scripts/fixtures/decisions.py).
 */
import fixture from '../src/core/__fixtures__/decisions.json' with { type: 'json' };
import source from '../src/core/__fixtures__/overlap-mle.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { menuItem, openApp, readout } from './app.ts';

/** Imports the fixture's points: the first 200 for training, the last 100 for test. */
async function importSplitFixture(page: Page): Promise<void> {
  const csv = [
    'x1,x2,label,split',
    ...source.x.map((p, i) => `${p[0]},${p[1]},${source.y[i]},${i < 200 ? 'train' : 'test'}`),
  ].join('\n');
  await page
    .getByLabel('Import CSV')
    .setInputFiles({ name: 'overlap.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

/** The fixture's split points, at its optimum, with the decision views shown. */
async function atTheFixturesOptimum(page: Page): Promise<void> {
  await importSplitFixture(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 300 points' })).toBeVisible();
  await expect(page.getByLabel('Exact optimum', { exact: true })).toContainText('J* =');
  await page.getByRole('button', { name: 'Jump to optimum' }).click();
  await expect.poll(() => readout(page, 'w1')).toBeCloseTo(fixture.optimum.w1, 4);
  await page.getByLabel('Show decisions and doubt').check();
}

/** A number as the page shows it: 4 significant digits. */
const sig4 = (v: number) => Number(v.toPrecision(4));

test('confusion counts, rates, AUCs and standard errors equal scikit-learn’s and NumPy’s', async ({
  page,
}) => {
  await openApp(page);
  await atTheFixturesOptimum(page);
  for (const t of ['0.5', '0.3'] as const) {
    await page.getByRole('slider', { name: 'Threshold' }).fill(t);
    for (const split of ['train', 'test'] as const) {
      const want = fixture[split].at[t];
      const table = page.getByRole('table', { name: `Confusion matrix (${split})` });
      const cell = (row: string, col: string) =>
        table
          .getByRole('row', { name: new RegExp(`^${row}`) })
          .getByRole('cell')
          .nth(col === 'red' ? 0 : 1);
      await expect(cell('Actual red', 'red')).toHaveText(String(want.tn));
      await expect(cell('Actual red', 'blue')).toHaveText(String(want.fp));
      await expect(cell('Actual blue', 'red')).toHaveText(String(want.fn));
      await expect(cell('Actual blue', 'blue')).toHaveText(String(want.tp));
      const rates = page
        .getByRole('table', { name: 'Rates at the threshold' })
        .getByRole('row', { name: split === 'train' ? /^Training/ : /^Test/ });
      await expect(rates).toContainText(`${(want.precision * 100).toFixed(1)} %`);
      await expect(rates).toContainText(`${(want.recall * 100).toFixed(1)} %`);
      await expect(rates).toContainText(`${(want.f1 * 100).toFixed(1)} %`);
    }
  }
  for (const split of ['train', 'test'] as const) {
    expect(await readout(page, `ROC AUC (${split})`)).toBe(sig4(fixture[split].roc_auc));
    expect(await readout(page, `Average precision (${split})`)).toBe(
      sig4(fixture[split].average_precision),
    );
  }
  for (const k of ['w1', 'w2', 'b'] as const)
    expect(await readout(page, `SE ${k}`)).toBe(sig4(fixture.se[k]));
  // The threshold's line is on the plot, and named in the legend.
  await expect(page.locator('.plot-svg line.level.threshold')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Legend', exact: true })).toContainText(
    'threshold p = 0.3',
  );
  await expectNoAxeViolations(page);
});

test('moving the threshold moves the counts; a click on the ROC curve sets it', async ({
  page,
}) => {
  await openApp(page);
  await atTheFixturesOptimum(page);
  const fp = page
    .getByRole('table', { name: 'Confusion matrix (train)' })
    .getByRole('row', { name: /^Actual red/ })
    .getByRole('cell')
    .nth(1);
  const slider = page.getByRole('slider', { name: 'Threshold' });
  await slider.fill('0.9');
  const fewer = Number(await fp.textContent());
  await slider.fill('0.1');
  await expect.poll(async () => Number(await fp.textContent())).toBeGreaterThan(fewer);
  // The top-right of the ROC chart is a low threshold; the bottom-left a high one.
  await page.getByRole('img', { name: 'ROC curve' }).scrollIntoViewIfNeeded();
  const roc = (await page.getByRole('img', { name: 'ROC curve' }).boundingBox())!;
  await page.mouse.click(roc.x + roc.width * 0.25, roc.y + roc.height * 0.3);
  await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(0.1);
});

test('standard errors say why they are absent on separable data and with L2', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Show decisions and doubt').check();
  const doubt = page.getByRole('region', { name: 'Uncertainty' });
  await expect(doubt).toContainText('No finite maximum-likelihood estimate');
  await page.getByLabel('L2 penalty').fill('0.1');
  await page.getByLabel('L2 penalty').press('Enter');
  await expect(doubt).toContainText('With an L2 penalty the estimate is shrunk');
});

test('the threshold and the views shown travel in a share link', async ({ page, browser }) => {
  await openApp(page);
  await page.getByLabel('Show decisions and doubt').check();
  await page.getByLabel('Show gradient pulls').check();
  await page.getByRole('slider', { name: 'Threshold' }).fill('0.3');
  await (await menuItem(page, 'Share link')).click();
  const link = await page.getByLabel('Link to this session').inputValue();
  expect(link).toContain('th=0.3&dd=1&gp=1');
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByLabel('Show decisions and doubt')).toBeChecked();
  await expect(fresh.getByRole('slider', { name: 'Threshold' })).toHaveValue('0.3');
  await expect(fresh.locator('.plot-svg circle.pull')).toHaveCount(201);
  await other.close();
});

test('calibration, log-odds and the band at the exact fit agree with scikit-learn', async ({
  page,
}) => {
  await openApp(page);
  await atTheFixturesOptimum(page);
  expect(await readout(page, 'Brier score (train)')).toBe(sig4(fixture.train.brier));
  expect(await readout(page, 'Brier score (test)')).toBe(sig4(fixture.test.brier));
  await expect(page.getByRole('img', { name: 'Reliability diagram' })).toBeVisible();
  // Odds ratios in words: e^w1 at the optimum.
  await expect(page.getByLabel('Odds ratios')).toContainText(
    `by e^w1 = ${sig4(Math.exp(fixture.optimum.w1))}`,
  );
  await expect(page.locator('.logit-svg .dots path')).toHaveCount(200);
  // The 95 % band of plausible boundaries is drawn, and named.
  await expect(page.locator('.plot-svg path.band').first()).toHaveAttribute('d', /^M/);
  await expect(page.getByRole('list', { name: 'Legend', exact: true })).toContainText(
    '95 % band of plausible boundaries',
  );
});

test('gradient pulls: a halo per training point, and their sum is the gradient', async ({
  page,
}) => {
  await openApp(page);
  await importSplitFixture(page);
  await page.getByLabel('Show gradient pulls').check();
  await expect(page.locator('.plot-svg circle.pull')).toHaveCount(200);
  await expect(page.locator('.plot-svg circle.pull.strong')).toHaveCount(5);
  // At w = 0 every p is ½: the pulls sum to mean((½ − y)·(x1, x2, 1)), computed here in float64.
  const g: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < 200; i++) {
    const r = 0.5 - source.y[i]!;
    g[0] += (r * source.x[i]![0]!) / 200;
    g[1] += (r * source.x[i]![1]!) / 200;
    g[2] += r / 200;
  }
  const shown = (await page.getByRole('status', { name: 'Sum of the pulls' }).textContent())!
    .replaceAll('−', '-')
    .split(',')
    .map(Number);
  shown.forEach((v, k) => expect(v).toBe(sig4(g[k]!)));
  // Drawn as the step it asks for, and the same gradient the parameter-space view shows.
  await expect(page.locator('.plot-svg g.pull-sum')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Legend', exact: true })).toContainText(
    '−∇J: where all the pulls move w',
  );
  await expect(page.getByText(/∇J = \(/).last()).toContainText(
    `∇J = (${String(Number(g[0].toPrecision(3))).replace('-', '−')}, ${String(Number(g[1].toPrecision(3))).replace('-', '−')}).`,
  );
  // At the optimum the pulls cancel out.
  await page.getByRole('button', { name: 'Jump to optimum' }).click();
  await expect
    .poll(async () =>
      Math.max(
        ...(await page.getByRole('status', { name: 'Sum of the pulls' }).textContent())!
          .replaceAll('−', '-')
          .split(',')
          .map((v) => Math.abs(Number(v))),
      ),
    )
    .toBeLessThan(1e-6);
  await expect(page.getByRole('list', { name: 'Legend', exact: true })).toContainText(
    'the 5 strongest',
  );
});
