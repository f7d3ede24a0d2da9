import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('the page loads with the tutorial points drawn and no console errors', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/logreg-lab/);
  const plot = page.getByRole('application', { name: 'Data plot' });
  await expect(plot).toBeVisible();
  await expect(plot.locator('path.point')).toHaveCount(300);
  await expect(plot.locator('path.point.red')).toHaveCount(150);
  await expect(plot.locator('path.point.blue')).toHaveCount(150);
  await expect(plot.locator('path.point.test')).toHaveCount(99);
  await expect(
    page.getByText('300 points: 150 red (class 0), 150 blue (class 1); 201 train, 99 test.'),
  ).toBeAttached();
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});

test('the production build serves a Content-Security-Policy without inline script or eval', async ({
  page,
  request,
  consoleErrors,
  expectConsoleErrors,
}) => {
  // Refusing the injected inline script below is a CSP violation, and Chromium reports it.
  const refused = /inline script.* violates the following Content Security Policy directive/i;
  expectConsoleErrors(refused);
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toMatch(/'unsafe-eval'/);
  await page.goto('/');
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(meta).toBe(header);
  // The policy is enforced: an inline script injected now must be refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  // Refused by the policy, and reported as such (once per policy: the header and the meta tag).
  await expect.poll(() => consoleErrors.filter((e) => refused.test(e)).length).toBeGreaterThan(0);
});

test('the page trains on the default preset when Play is pressed', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Engine in use' })).not.toHaveText('starting…');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect
    .poll(async () =>
      Number(
        (await page.getByRole('status', { name: 'Epoch', exact: true }).textContent())?.replace(
          /,/g,
          '',
        ),
      ),
    )
    .toBeGreaterThan(1000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: 'test-results/screens/training-1280.png', fullPage: true });
  expect(consoleErrors).toEqual([]);
});
