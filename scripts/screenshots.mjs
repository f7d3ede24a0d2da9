/**
 * The README's screenshots, as a person sees the app: the tutorial run a few seconds after Play,
 * at 1280 × 800 (docs/screenshot.png) and on a 375 × 812 touch phone (docs/screenshot-375.png).
 *
 *   npm run build && npm run preview    # in one terminal
 *   node scripts/screenshots.mjs        # in another (URL: first argument, default below)
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const args = ['--disable-gpu-compositing', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
const browser = await chromium.launch({ executablePath, args });
const shots = [
  { file: 'docs/screenshot.png', viewport: { width: 1280, height: 800 }, touch: false },
  { file: 'docs/screenshot-375.png', viewport: { width: 375, height: 812 }, touch: true },
];
for (const { file, viewport, touch } of shots) {
  const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(3500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  if (!touch) {
    // A point's readout, as a hover shows it.
    const mark = (await page.locator('path.point.blue.train').nth(3).boundingBox()) ?? null;
    if (mark) await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
  }
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await context.close();
}
await browser.close();
