/**
 * The parameter-space view (issue #6, view 3): the loss surface over (w1, w2) computed in the
 * worker, checked against scikit-learn's optimum of the fixture; the descent arrow against a
 * float64 gradient computed here; dragging and the arrow keys set the weights.
 */
import fixture from '../src/core/__fixtures__/separable-l2.json' with { type: 'json' };
import { lossAndGradient, objective } from '../src/core/maths.ts';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { importPoints, openApp, readout } from './app.ts';

const cols = {
  n: fixture.y.length,
  x1: Float64Array.from(fixture.x, (p) => p[0]!),
  x2: Float64Array.from(fixture.x, (p) => p[1]!),
  y: Float64Array.from(fixture.y),
};
const rows = fixture.x.map((p, i) => [p[0]!, p[1]!, fixture.y[i] as 0 | 1, 'train'] as const);

/** Numbers in the caption's "Lowest on the grid: J = … at w1 = …, w2 = …". */
async function lowestOnGrid(page: Page) {
  const text = (await page.getByRole('status', { name: 'Lowest loss on the grid' }).textContent())!;
  const m = /J = ([\d.e−-]+) at w1 = ([\d.e−-]+), w2 = ([\d.e−-]+)/.exec(text);
  if (!m) throw new Error(`unexpected caption: ${text}`);
  const num = (s: string) => Number(s.replaceAll('−', '-'));
  return { j: num(m[1]!), w1: num(m[2]!), w2: num(m[3]!) };
}

test('at b = b*, the lowest point of the loss surface is scikit-learn’s optimum', async ({
  page,
}) => {
  await openApp(page);
  await importPoints(page, 'separable-l2.csv', rows);
  await page.getByLabel('L2 penalty').fill('0.01');
  await page.getByLabel('L2 penalty').press('Enter');
  await page.getByRole('button', { name: 'Jump to optimum' }).click();
  await expect.poll(() => readout(page, 'b')).toBeCloseTo(fixture.optimum.b, 3);
  const plot = page.getByRole('application', { name: 'Parameter space' });
  await expect(plot).toBeVisible();
  // The grid is recomputed for the new b; wait for the caption to name it.
  await expect(page.locator('#param-caption')).toContainText('at b = −2.776');
  // Nothing moves now: a grid cut down to stay live (a busy machine) is replaced by the settled
  // one, computed on every point.
  await expect(page.locator('#param-caption')).not.toContainText(/to stay live|every \d/);
  const low = await lowestOnGrid(page);
  // Within one grid cell (the view spans a few units over 128 vertices) of the float64 optimum,
  // and J there at most a little above J* (float32 sums on the GPU: a few 1e-7 below at worst).
  const cell = 0.1;
  expect(Math.abs(low.w1 - fixture.optimum.w[0]!)).toBeLessThan(cell);
  expect(Math.abs(low.w2 - fixture.optimum.w[1]!)).toBeLessThan(cell);
  expect(low.j).toBeGreaterThan(fixture.optimum.objective - 1e-5);
  expect(low.j - fixture.optimum.objective).toBeLessThan(2e-3);
  // The same J at that grid vertex, in float64 here: what the worker's grid says.
  const jHere = objective(cols, { w1: low.w1, w2: low.w2, b: fixture.optimum.b }, 0.01);
  expect(Math.abs(low.j - jHere)).toBeLessThan(2e-3); // caption rounds w1, w2 to 4 digits
  await expect(page.locator('.param-optimum')).toHaveCount(1);
  // The contours come traced in grid units and are placed by one transform: the lowest band holds
  // every cell, so it covers the plot's square exactly (the grid spans the view's range).
  const [band, square] = await Promise.all(
    ['.param-band', '.param-bg'].map((s) =>
      page
        .locator(s)
        .first()
        .evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
    ),
  );
  for (const k of ['x', 'y', 'width', 'height'] as const)
    expect(Math.abs(band![k] - square![k])).toBeLessThan(1);
  await expectNoAxeViolations(page);
});

test('the arrow points along −∇J, and dragging or arrow keys set the weights', async ({ page }) => {
  await openApp(page);
  await importPoints(page, 'separable-l2.csv', rows);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => readout(page, 'Epoch')).toBe(100);
  const w = {
    w1: await readout(page, 'w1'),
    w2: await readout(page, 'w2'),
    b: await readout(page, 'b'),
  };
  const g = lossAndGradient(cols, w, 0);
  const arrow = page.locator('.param-arrow-line');
  await expect(arrow).toHaveCount(1);
  const [x1, y1, x2, y2] = await Promise.all(
    ['x1', 'y1', 'x2', 'y2'].map(async (a) => Number(await arrow.getAttribute(a))),
  );
  // Screen y grows downward; the plot has equal scales on both axes.
  const drawn = Math.atan2(-(y2! - y1!), x2! - x1!);
  const want = Math.atan2(-g.g2, -g.g1);
  expect(Math.abs(drawn - want)).toBeLessThan((1 * Math.PI) / 180);
  // The path starts at the origin (zeros, the tutorial's start)…
  const start = page.locator('.param-start');
  await expect(start).toHaveCount(1);
  // …where the faint w1 = 0 and w2 = 0 lines cross.
  const zero = page.locator('.param-zero line');
  expect(Number(await start.getAttribute('cx'))).toBeCloseTo(
    Number(await zero.nth(0).getAttribute('x1')),
    1,
  );
  expect(Number(await start.getAttribute('cy'))).toBeCloseTo(
    Number(await zero.nth(1).getAttribute('y1')),
    1,
  );

  // Arrow keys: w1 moves by 1/50 of the view, w2 and b stay.
  const plot = page.getByRole('application', { name: 'Parameter space' });
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readout(page, 'w1')).toBeGreaterThan(w.w1);
  expect(await readout(page, 'w2')).toBeCloseTo(w.w2, 4);
  expect(await readout(page, 'b')).toBeCloseTo(w.b, 4);

  // Drag the weights to the lower-left corner region: w1, w2 < 0 flips the boundary's sides.
  const bg = (await page.locator('.param-bg').boundingBox())!;
  const marker = (await page.locator('.param-current').boundingBox())!;
  await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
  await page.mouse.down();
  await page.mouse.move(bg.x + bg.width * 0.2, bg.y + bg.height * 0.8, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => readout(page, 'w1')).toBeLessThan(0);
  expect(await readout(page, 'w2')).toBeLessThan(0);
  expect(await readout(page, 'b')).toBeCloseTo(w.b, 4);
  // The readout's loss is the float64 loss of the dragged weights.
  const dragged = { w1: await readout(page, 'w1'), w2: await readout(page, 'w2'), b: w.b };
  expect(await readout(page, 'Train loss')).toBeCloseTo(objective(cols, dragged, 0), 2);
  await expectNoAxeViolations(page);
});
