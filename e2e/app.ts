/** Small helpers that read and drive the app the way a person would: by role and name. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens the app and waits until the worker has picked an engine for the data. Most tests check
 * numbers, not pacing, so they train at Speed "Max" (the app's own default, "Normal", makes the
 * tutorial's run last ~10 s: `speed: 'normal'` keeps it).
 */
export async function openApp(
  page: Page,
  { speed = 'max' }: { speed?: 'max' | 'normal' } = {},
): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.engine-reason')).toContainText(/Auto: fastest for \d/);
  if (speed !== 'normal') await page.getByLabel('Speed').selectOption(speed);
}

/** Clicks "Run tutorial recipe" and waits until all 200,000 epochs have run. */
export async function runRecipe(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run tutorial recipe' }).click();
  await expect(page.getByRole('status', { name: 'Epoch', exact: true })).toHaveText('200,000', {
    timeout: 30_000,
  });
}

/** Sets the epoch budget to 100,000,000, so training runs until paused. */
export async function longRun(page: Page): Promise<void> {
  await page.getByLabel('Epochs', { exact: true }).fill('100000000');
  await page.getByLabel('Epochs', { exact: true }).press('Enter');
}

/** The number shown by a readout ("Epoch", "w1", …). */
export async function readout(page: Page, name: string): Promise<number> {
  const text = (await page.getByRole('status', { name, exact: true }).textContent()) ?? '';
  return Number(text.replace(/[,\s%]/g, '').replaceAll('−', '-'));
}

/** The plot's own summary: "N points: R red (class 0), B blue (class 1); T train, S test." */
export async function pointCounts(
  page: Page,
): Promise<{ total: number; red: number; blue: number; test: number }> {
  const s = (await page.locator('#data-plot-summary').textContent()) ?? '';
  const m =
    /([\d,]+) points: ([\d,]+) red .*?, ([\d,]+) blue .*?; [\d,]+ train, ([\d,]+) test/.exec(s);
  if (!m) throw new Error(`unexpected plot summary: ${s}`);
  const n = (i: number) => Number(m[i]!.replaceAll(',', ''));
  return { total: n(1), red: n(2), blue: n(3), test: n(4) };
}

/** Client coordinates of the pixel at fraction (fx, fy) of the plot's inner area. */
export async function plotPoint(
  page: Page,
  fx: number,
  fy: number,
): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.plot-host canvas.field').boundingBox())!;
  return { x: box.x + fx * box.width, y: box.y + fy * box.height };
}

/** Centre, in client coordinates, of the mark of the point with this class list. */
export async function markCentre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const b = (await page.locator(selector).boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/**
 * Client positions of `count` empty spots (≥ 12 px from every mark, so a click adds instead of
 * grabbing a point) as close as possible to the centre of the marks of class `cls`.
 */
export async function emptySpotsNear(
  page: Page,
  cls: 'red' | 'blue',
  count: number,
): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    ({ cls, count }) => {
      const marks = [...document.querySelectorAll('path.point')].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, cls: el.classList.contains(cls) };
      });
      const own = marks.filter((m) => m.cls);
      const cx = own.reduce((s, m) => s + m.x, 0) / own.length;
      const cy = own.reduce((s, m) => s + m.y, 0) / own.length;
      const spots: { x: number; y: number }[] = [];
      for (let r = 0; r < 200 && spots.length < count; r += 3) {
        for (let a = 0; a < 360 && spots.length < count; a += 15) {
          const x = cx + r * Math.cos((a * Math.PI) / 180);
          const y = cy + r * Math.sin((a * Math.PI) / 180);
          const clear = [...marks, ...spots.map((s) => ({ ...s, cls: false }))].every(
            (m) => Math.hypot(m.x - x, m.y - y) >= 12,
          );
          if (clear) spots.push({ x, y });
        }
      }
      return spots;
    },
    { cls, count },
  );
}

/** Imports points through "Import CSV" (header x1,x2,label,split) and waits for the message. */
export async function importPoints(
  page: Page,
  name: string,
  rows: readonly (readonly [number, number, 0 | 1, 'train' | 'test'])[],
): Promise<void> {
  const csv = ['x1,x2,label,split', ...rows.map((r) => r.join(','))].join('\n');
  await page
    .getByLabel('Import CSV')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(
    page.getByRole('status').filter({ hasText: `Imported ${rows.length} points` }),
  ).toBeVisible();
}

/** Moves a range slider by keyboard-free value setting until `accept(valuetext)`; binary search. */
export async function seekSlider(
  page: Page,
  label: string,
  /** < 0: the wanted stop is lower; 0: here; > 0: higher. */
  compare: (valuetext: string) => number,
): Promise<string> {
  const slider = page.getByRole('slider', { name: label });
  const min = Number(await slider.getAttribute('min'));
  const max = Number(await slider.getAttribute('max'));
  const step = Number((await slider.getAttribute('step')) ?? 1);
  let lo = 0;
  let hi = Math.round((max - min) / step);
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    await slider.fill(String(Number((min + mid * step).toFixed(10))));
    const text = (await slider.getAttribute('aria-valuetext')) ?? '';
    const c = compare(text);
    if (c === 0) return text;
    if (c > 0) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`no stop of "${label}" matched`);
}

/** Imports a scikit-learn fixture's points, all as training points, through "Import CSV". */
export async function importFixtureAsTraining(
  page: Page,
  name: string,
  fixture: { x: number[][]; y: number[] },
): Promise<void> {
  const csv = [
    'x1,x2,label,split',
    ...fixture.x.map((p, i) => `${p[0]},${p[1]},${fixture.y[i]},train`),
  ].join('\n');
  await page
    .getByLabel('Import CSV')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(
    page.getByRole('status').filter({ hasText: `Imported ${fixture.x.length} points` }),
  ).toBeVisible();
}

/**
 * A button in the "Import, export, share" menu, with the menu opened first (as a person must).
 */
export async function menuItem(page: Page, name: string): Promise<Locator> {
  const menu = page.getByRole('button', { name: 'Import, export, share' });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  return page.getByRole('button', { name, exact: true });
}
