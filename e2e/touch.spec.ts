/**
 * A finger on the data plot (a phone at 375 px): a swipe scrolls the page and adds nothing, a tap
 * adds, a finger on a point drags it without scrolling the page, and a finger held on a point
 * deletes it. Touches go through Chromium's own input pipeline (CDP `Input.dispatchTouchEvent`),
 * so the browser's scrolling and the page's `touch-action` decide as they would on a phone.
 */
import type { CDPSession, Page } from '@playwright/test';
import { ALONE, expect, expectNoAxeViolations, test } from './fixtures.ts';
import { emptySpotsNear, markCentre, openApp, plotPoint, pointCounts, readout } from './app.ts';

type Pt = { x: number; y: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One finger: down at `path[0]`, resting there `restMs`, through the rest of `path`, then (after
 * `holdMs`) up.
 */
async function finger(cdp: CDPSession, path: Pt[], holdMs = 0, restMs = 0): Promise<void> {
  const [first, ...rest] = path;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
  if (restMs) await sleep(restMs);
  for (const p of rest) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  }
  if (holdMs) await sleep(holdMs);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** `steps` points from `a` to `b`, `a` excluded. */
function line(a: Pt, b: Pt, steps = 12): Pt[] {
  return Array.from({ length: steps }, (_, i) => ({
    x: a.x + ((b.x - a.x) * (i + 1)) / steps,
    y: a.y + ((b.y - a.y) * (i + 1)) / steps,
  }));
}

/** Opens the app with the data plot in view; returns the session that sends touches. */
async function openAtPlot(page: Page): Promise<CDPSession> {
  await openApp(page);
  await page.locator('.plot-host').scrollIntoViewIfNeeded();
  return page.context().newCDPSession(page);
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/**
 * The centres of every red and blue mark on the plot, in the viewport's coordinates, or with
 * `onPage` in the page's (the scroll, read in the same task, added).
 */
function marks(page: Page, onPage = false): Promise<Pt[]> {
  return page.evaluate(
    (onPage) =>
      [...document.querySelectorAll('path.point')].map((el) => {
        const r = el.getBoundingClientRect();
        const [dx, dy] = onPage ? [window.scrollX, window.scrollY] : [0, 0];
        return { x: r.x + r.width / 2 + dx, y: r.y + r.height / 2 + dy };
      }),
    onPage,
  );
}

const near = (ms: Pt[], p: Pt, px = 2) => ms.some((m) => Math.hypot(m.x - p.x, m.y - p.y) < px);

test.describe('touch on a phone', ALONE, () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('a swipe across the plot scrolls the page and adds no point; a tap adds one', async ({
    page,
  }) => {
    const cdp = await openAtPlot(page);
    const [spot] = await emptySpotsNear(page, 'red', 1);
    const before = await scrollY(page);
    await finger(cdp, [spot!, ...line(spot!, { x: spot!.x, y: spot!.y - 160 })]);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(before + 60);
    // A sideways swipe does not scroll (the page is no wider than the phone) and adds nothing.
    const [side] = await emptySpotsNear(page, 'blue', 1);
    await finger(cdp, [side!, ...line(side!, { x: side!.x + 80, y: side!.y })]);
    expect((await pointCounts(page)).total).toBe(300);

    const at = await plotPoint(page, 0.9, 0.9); // bottom right: empty in the tutorial preset
    await finger(cdp, [at, { x: at.x + 3, y: at.y + 2 }]); // a tap, with a finger's tremor
    await expect.poll(async () => (await pointCounts(page)).total).toBe(301);
    expect(near(await marks(page), at, 4)).toBe(true);
    await expectNoAxeViolations(page);
  });

  test('a finger that rests on a point drags it without scrolling the page; held still, it deletes the point', async ({
    page,
  }) => {
    const cdp = await openAtPlot(page);
    const from = await markCentre(page, 'path.point.red.train >> nth=0');
    const [to] = await emptySpotsNear(page, 'blue', 1);
    const before = await scrollY(page);
    // Down first (a swipe that would scroll the page, were the finger not on a point), then on.
    const down = { x: from.x, y: from.y + 60 };
    await finger(cdp, [from, ...line(from, down), ...line(down, to!)], 0, 300);
    expect(await scrollY(page)).toBe(before);
    await expect.poll(async () => near(await marks(page), to!)).toBe(true);
    expect(near(await marks(page), from, 0.5)).toBe(false);
    expect((await pointCounts(page)).total).toBe(300);

    // Resting on it: the readout says what resting on does, before it does it.
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [to!] });
    const readout = page.getByRole('status', { name: 'Point readout' });
    await expect(readout).toContainText('Drag to move; hold on to delete.', { timeout: 500 });
    await expect.poll(async () => (await pointCounts(page)).total).toBe(299);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(readout).toHaveText('');
    expect(near(await marks(page), to!)).toBe(false);
    expect(await scrollY(page)).toBe(before);
    await page.getByRole('button', { name: 'Undo', exact: true }).tap();
    await expect.poll(async () => (await pointCounts(page)).total).toBe(300);
    expect(near(await marks(page), to!)).toBe(true);
  });

  test('a quick tap on a point neither adds nor deletes; in Classify a tap classifies', async ({
    page,
  }) => {
    const cdp = await openAtPlot(page);
    const on = await markCentre(page, 'path.point.blue.train >> nth=0');
    await finger(cdp, [on]);
    await page.waitForTimeout(800); // past the hold time: a lifted finger deletes nothing
    expect((await pointCounts(page)).total).toBe(300);
    await page.getByRole('radio', { name: 'Classify' }).tap();
    await page.locator('.plot-host').scrollIntoViewIfNeeded();
    const at = await plotPoint(page, 0.9, 0.9);
    await finger(cdp, [at]);
    await expect(page.getByRole('status', { name: 'Classification' })).toContainText('p(blue) =');
    expect((await pointCounts(page)).total).toBe(300);
  });

  test('a flick that starts on a point scrolls the page and moves no point', async ({ page }) => {
    const cdp = await openAtPlot(page);
    const from = await markCentre(page, 'path.point.red.train >> nth=0');
    const before = await scrollY(page);
    const drawn = await marks(page, true);
    await finger(cdp, [from, ...line(from, { x: from.x, y: from.y - 150 }, 8)]);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(before + 40);
    // Every mark is where it was on the page: the scroll (which may still be gliding) moved the
    // view, not the marks.
    const now = await marks(page, true);
    expect(now).toHaveLength(drawn.length);
    expect(drawn.filter((m) => !near(now, m, 1))).toEqual([]);
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  });

  test('a point dragged past the edge stops at it, and the axes stay; taps in the margins, long presses and two-finger taps add nothing', async ({
    page,
  }) => {
    const cdp = await openAtPlot(page);
    const ticks = () => page.locator('.plot-host .axis-x .tick text').allTextContents();
    const axes = await ticks();
    const from = await markCentre(page, 'path.point.blue.train >> nth=0');
    const svg = (await page.locator('.plot-host svg').first().boundingBox())!;
    const edge = { x: svg.x + svg.width - 3, y: from.y };
    // To the right edge of the plot (past the axes' box), then a finger's wobble there.
    const wobble = Array.from({ length: 10 }, (_, i) => ({ x: edge.x - (i % 2), y: edge.y }));
    await finger(cdp, [from, ...line(from, edge), ...wobble], 0, 300);
    expect(await ticks()).toEqual(axes);
    const box = (await page.locator('.plot-host canvas.field').boundingBox())!;
    const right = Math.max(...(await marks(page)).map((m) => m.x));
    expect(right).toBeGreaterThan(box.x + box.width - 3); // at the edge …
    expect(right).toBeLessThan(box.x + box.width + 3); // … not past it
    expect((await pointCounts(page)).total).toBe(300);

    // Taps on the tick labels, in the right margin and above the plot add nothing.
    for (const at of [
      { x: box.x - 12, y: box.y + box.height / 2 },
      { x: box.x + box.width / 2, y: box.y + box.height + 12 },
      { x: svg.x + svg.width - 3, y: box.y + 20 },
    ]) {
      await finger(cdp, [at]);
    }
    // A long press on empty ground is no tap; nor is a tap with two fingers.
    const [spot] = await emptySpotsNear(page, 'red', 1);
    await finger(cdp, [spot!], 800);
    const two = [spot!, { x: spot!.x + 40, y: spot!.y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: two });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
    expect((await pointCounts(page)).total).toBe(300);
    expect(await ticks()).toEqual(axes);
  });
});

test.describe('touch on the other plots of a phone', ALONE, () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('parameter space: a swipe scrolls and sets nothing; a tap sets the weights; a finger drags their marker', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Step' }).tap();
    await expect.poll(() => readout(page, 'Epoch')).toBe(100);
    const plot = page.getByRole('application', { name: 'Parameter space' });
    await plot.scrollIntoViewIfNeeded();
    const cdp = await page.context().newCDPSession(page);
    const box = (await plot.locator('.param-bg').boundingBox())!;
    const marker = await markCentre(page, 'circle.param-current');
    // Of the four quarters' centres, the one farthest from the weights' marker.
    const spot = [0.25, 0.75]
      .flatMap((fx) =>
        [0.25, 0.75].map((fy) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height })),
      )
      .sort(
        (a, b) =>
          Math.hypot(b.x - marker.x, b.y - marker.y) - Math.hypot(a.x - marker.x, a.y - marker.y),
      )[0]!;
    const w1 = await readout(page, 'w1');
    const before = await scrollY(page);
    await finger(cdp, [spot, ...line(spot, { x: spot.x, y: spot.y - 120 })]);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(before + 40);
    expect(await readout(page, 'w1')).toBe(w1);

    const here = await markCentre(page, 'circle.param-current');
    const far = (await plot.locator('.param-bg').boundingBox())!;
    const tapAt = {
      x: far.x + far.width * (here.x < far.x + far.width / 2 ? 0.8 : 0.2),
      y: here.y,
    };
    await finger(cdp, [tapAt]);
    await expect.poll(async () => Math.abs((await readout(page, 'w1')) - w1)).toBeGreaterThan(0.1);
    await expect
      .poll(async () => Math.abs((await markCentre(page, 'circle.param-current')).x - tapAt.x))
      .toBeLessThan(2);

    const w1Tapped = await readout(page, 'w1');
    const from = await markCentre(page, 'circle.param-current');
    const scrolled = await scrollY(page);
    const down = { x: from.x, y: from.y + 50 };
    await finger(cdp, [
      from,
      ...line(from, down),
      ...line(down, { x: (from.x + here.x) / 2, y: down.y }),
    ]);
    expect(await scrollY(page)).toBe(scrolled);
    await expect
      .poll(async () => Math.abs((await readout(page, 'w1')) - w1Tapped))
      .toBeGreaterThan(0.1);
  });

  test('ROC curve: a swipe scrolls and leaves the threshold; a tap sets it', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Step' }).tap(); // distinct scores: a curve to pick on
    await expect.poll(() => readout(page, 'Epoch')).toBe(100);
    await page.getByLabel('Show decisions and doubt').check();
    const roc = page.getByRole('img', { name: 'ROC curve' });
    await roc.scrollIntoViewIfNeeded();
    const cdp = await page.context().newCDPSession(page);
    const slider = page.getByRole('slider', { name: 'Threshold' });
    const t0 = await slider.inputValue();
    const box = (await roc.boundingBox())!;
    const spot = { x: box.x + box.width * 0.25, y: box.y + box.height * 0.3 };
    const before = await scrollY(page);
    await finger(cdp, [spot, ...line(spot, { x: spot.x, y: spot.y - 120 })]);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(before + 40);
    expect(await slider.inputValue()).toBe(t0);
    const tapAt = (await roc.boundingBox())!;
    await finger(cdp, [{ x: tapAt.x + tapAt.width * 0.25, y: tapAt.y + tapAt.height * 0.3 }]);
    await expect.poll(() => slider.inputValue()).not.toBe(t0);
  });
});

test.describe('touch on a desktop touch screen', ALONE, () => {
  test.use({ hasTouch: true });
  test('a tap adds a point, and Undo and Redo (no keys on a touch screen) take it back and again', async ({
    page,
  }) => {
    await openApp(page);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    await expect(undo).toBeDisabled();
    await expect(redo).toBeDisabled();
    const at = await plotPoint(page, 0.9, 0.9);
    await page.touchscreen.tap(at.x, at.y);
    expect((await pointCounts(page)).total).toBe(301);
    await undo.tap();
    await expect.poll(async () => (await pointCounts(page)).total).toBe(300);
    await expect(undo).toBeDisabled();
    await redo.tap();
    await expect.poll(async () => (await pointCounts(page)).total).toBe(301);
    await expect(redo).toBeDisabled();
    await expect(undo).toBeEnabled();
  });
});
