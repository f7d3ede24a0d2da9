import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { menuItem, openApp, pointCounts, readout } from './app.ts';

const file = (name: string, text: string | Buffer, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: typeof text === 'string' ? Buffer.from(text) : text,
});

test('importing a good CSV through the file picker replaces the points and rescales', async ({
  page,
}) => {
  await openApp(page);
  const csv = readFileSync('src/core/__fixtures__/overlap-mle.csv', 'utf8');
  await page.getByLabel('Import CSV').setInputFiles(file('overlap-mle.csv', csv));
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 300 points from “overlap-mle.csv”' }),
  ).toBeVisible();
  expect(await pointCounts(page)).toMatchObject({ total: 300, test: 99 });
  await expect(page.getByLabel('Dataset')).toHaveValue('custom');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
});

test('a split column and semicolons are honoured', async ({ page }) => {
  await openApp(page);
  const csv =
    'split;label;x2;x1\ntrain;red;0;0\ntrain;blue;3;3\ntest;red;0,5;0\ntest;blue;2;3\n'.replace(
      /0,5/,
      '0.5',
    );
  await page.getByLabel('Import CSV').setInputFiles(file('mine.csv', csv));
  // The import is asynchronous (the file is read first): wait for its message.
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 4 points from “mine.csv”' }),
  ).toBeVisible();
  expect(await pointCounts(page)).toMatchObject({ total: 4, red: 2, blue: 2, test: 2 });
  // Rows that repeat a point are kept (each copy counts in the loss), and the message says so.
  const repeats = 'x1,x2,label\n1,2,0\n3,4,1\n1,2,0\n1,2,0\n';
  await page.getByLabel('Import CSV').setInputFiles(file('repeats.csv', repeats));
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 4 points from “repeats.csv”.' }),
  ).toContainText(
    'Lines 2 and 4 hold the same point (and 1 more repeat): each copy is kept and counts in the loss',
  );
  expect(await pointCounts(page)).toMatchObject({ total: 4, red: 3, blue: 1 });
});

const bad: [string, string | Buffer, RegExp][] = [
  ['empty.csv', '', /empty/i],
  ['header-only.csv', 'x1,x2,label\n', /header but no data rows/i],
  ['not-a-number.csv', 'x1,x2,label\n1,2,0\n3,abc,1\n', /Line 3.*abc/],
  ['missing.csv', 'x1,x2,label\n1,2,0\n3,,1\n', /Line 3/],
  ['nan.csv', 'x1,x2,label\n1,2,0\nNaN,1,1\n', /Line 3/],
  ['infinity.csv', 'x1,x2,label\n1,2,0\n1,-Infinity,1\n', /Line 3/],
  ['huge.csv', 'x1,x2,label\n1,2,0\n1e308,1,1\n', /1,000,000|1e6|rescale/i],
  ['bad-label.csv', 'x1,x2,label\n1,2,0\n1,1,green\n', /Line 3.*green/],
  ['one-class.csv', 'x1,x2,label\n1,2,0\n1,1,0\n', /needs both classes/],
  [
    'binary.csv',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    /text CSV/i,
  ],
];

test('every bad file is refused with a clear message, and nothing is lost (one page, 10 files)', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  const marks = () =>
    page
      .locator('path.point')
      .evaluateAll((els) => els.map((e) => e.getAttribute('transform')).join(';'));
  const before = await marks();
  for (const [name, content, message] of bad) {
    await page.getByLabel('Import CSV').setInputFiles(file(name, content));
    const alert = page.getByRole('alert').filter({ hasText: `Could not import “${name}”` });
    await expect(alert, name).toBeVisible();
    await expect(alert, name).toContainText(message);
    await expect(alert, name).toContainText('Your current points are unchanged.');
    expect(await pointCounts(page), name).toMatchObject({ total: 300, red: 150, blue: 150 });
    expect(await marks(), name).toBe(before);
    expect(await readout(page, 'Epoch'), name).toBe(100);
    if (name === 'bad-label.csv') await expectNoAxeViolations(page);
  }
});

test('a file name that looks like HTML stays text', async ({ page }) => {
  await openApp(page);
  const name = '<img src=x onerror="window.__pwned=1">.csv';
  await page.getByLabel('Import CSV').setInputFiles(file(name, 'x1,x2,label\n1,2,0\n'));
  await expect(page.getByRole('alert')).toContainText(name);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  await expect(page.locator('.io-message img')).toHaveCount(0);
});

test('Export CSV, Export model and Export image download what they say', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  const [csvDl] = await Promise.all([
    page.waitForEvent('download'),
    (await menuItem(page, 'Export CSV')).click(),
  ]);
  const csv = readFileSync((await csvDl.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('x1,x2,label,split');
  expect(csv.trim().split('\n')).toHaveLength(301);
  // Round trip: importing the export gives the same points.
  await page.getByLabel('Import CSV').setInputFiles(file('again.csv', csv));
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 300 points from “again.csv”' }),
  ).toBeVisible();
  expect(await pointCounts(page)).toMatchObject({ total: 300, red: 150, blue: 150, test: 99 });

  await page.getByRole('button', { name: 'Step' }).click();
  // The export describes what is on screen: wait until the step and the optimum are there.
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  await expect(page.getByLabel('Exact optimum', { exact: true })).toContainText(
    'no finite optimum',
  );
  const [modelDl] = await Promise.all([
    page.waitForEvent('download'),
    (await menuItem(page, 'Export model')).click(),
  ]);
  const model = JSON.parse(readFileSync((await modelDl.path())!, 'utf8'));
  expect(model.w1).toBeCloseTo(await readout(page, 'w1'), 3);
  expect(model.epoch).toBe(100);
  expect(model.hyperParameters.lr).toBe(0.01);
  expect(model.exactOptimum.none).toMatch(/no finite optimum/);

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    (await menuItem(page, 'Export image (PNG)')).click(),
  ]);
  expect(
    readFileSync((await png.path())!)
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    (await menuItem(page, 'Export image (SVG)')).click(),
  ]);
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('class="level boundary"');
  // The image explains itself on a slide: axis titles, the formula with its numbers, a legend.
  expect(svgText).toContain('>x1</text>');
  expect(svgText).toContain('>x2</text>');
  expect(svgText).toMatch(
    /p\(blue\) = σ\([\d.e−]+·x1 [+−] [\d.e−]+·x2 [+−] [\d.e−]+\) · epoch 100 ·/,
  );
  expect(svgText).toContain('· epoch 100 ·');
  for (const entry of [
    'red = class 0',
    'blue = class 1',
    'hollow = test point',
    'boundary w·x + b = 0',
  ])
    expect(svgText).toContain(entry);
});

test('a 1,000,000-row file loads, is drawn and trains', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const rows = ['x1,x2,label'];
  let s = 11;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  for (let i = 0; i < 1_000_000; i++) {
    const label = i % 2;
    rows.push(`${(u() * 4 + 3 * label).toFixed(6)},${(u() * 4 + 2 * label).toFixed(6)},${label}`);
  }
  await page.getByLabel('Import CSV').setInputFiles(file('million.csv', rows.join('\n')));
  // Parsed in the data worker, with progress on screen meanwhile.
  await expect(page.getByRole('progressbar', { name: 'Reading “million.csv”' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 1,000,000 points' }),
  ).toBeVisible({ timeout: 60_000 });
  expect(await pointCounts(page)).toMatchObject({ total: 1_000_000, test: 330_000 });
  // The autosave's note joins the import's; it does not replace it. A limit kept by design is
  // information (a status), not an error (an alert).
  await expect(
    page.getByRole('status').filter({ hasText: 'these 1,000,000 are not saved' }),
  ).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'not saved' })).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 1,000,000 points' }),
  ).toBeVisible();
  await page.getByLabel('Epochs per step').fill('3');
  await page.getByLabel('Epochs per step').press('Enter');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch'), { timeout: 60_000 }).toBe(3);
  // Three steps from w = 0 (loss ln 2 = 0.6931) have started to lower the loss.
  expect(await readout(page, 'Train loss')).toBeLessThan(0.6931);
});
