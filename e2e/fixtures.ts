/**
 * The shared test fixture: every page is watched for console errors, page errors and CSP
 * violations, and a test fails if any appear (unless it declares them expected).
 *
 * The watch is an automatic fixture: it covers every test that imports `test` from here, whether
 * or not it asks for `consoleErrors`, and every page of the test's own context and of any context
 * the test opens with `browser.newContext()`. A test that provokes an error on purpose declares it
 * with `expectConsoleErrors(/pattern/)`; anything else fails the test once its body has run.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type WebError,
} from '@playwright/test';

interface Fixtures {
  /** Messages of console errors, uncaught page errors and CSP reports seen so far. */
  consoleErrors: string[];
  /** Allows errors matching `pattern` in this test; any other error still fails it. */
  expectConsoleErrors: (pattern: RegExp) => void;
  /** The watch itself (automatic): fails the test after its body on any unexpected error. */
  consoleWatch: { errors: string[]; allowed: RegExp[] };
}

/** Chromium reports a CSP violation (enforced or report-only) as a console message naming it. */
const CSP = /Content[- ]Security[- ]Policy/i;

export const test = base.extend<Fixtures>({
  consoleWatch: [
    async ({ browser, context }, use) => {
      const watch = { errors: [] as string[], allowed: [] as RegExp[] };
      const onConsole = (msg: ConsoleMessage) => {
        if (msg.type() === 'error') watch.errors.push(msg.text());
        else if (CSP.test(msg.text())) watch.errors.push(`${msg.type()}: ${msg.text()}`);
      };
      const onWebError = (err: WebError) => watch.errors.push(`pageerror: ${err.error().message}`);
      const watched: BrowserContext[] = [];
      const watchContext = (c: BrowserContext) => {
        c.on('console', onConsole);
        c.on('weberror', onWebError);
        watched.push(c);
      };
      watchContext(context);
      browser.on('context', watchContext); // contexts the test opens itself
      await use(watch);
      browser.off('context', watchContext);
      for (const c of watched) {
        c.off('console', onConsole);
        c.off('weberror', onWebError);
      }
      const unexpected = watch.errors.filter((e) => !watch.allowed.some((p) => p.test(e)));
      expect(
        unexpected,
        'console errors, page errors or CSP violations (declare expected ones with expectConsoleErrors)',
      ).toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: async ({ consoleWatch }, use) => {
    await use(consoleWatch.errors);
  },
  expectConsoleErrors: async ({ consoleWatch }, use) => {
    await use((pattern) => {
      // Without g or y, so that test() has no lastIndex to carry from one message to the next.
      consoleWatch.allowed.push(new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
    });
  },
});

export { expect };

/**
 * For a test whose subject is time as a person lives it — a paced run watched second by second,
 * a finger held 0.7 s, key presses under 0.6 s apart — and which therefore runs with no other
 * test beside it (the "timing" project runs after the others, one test at a time). The rest of
 * the suite runs two or more at a time, sharing the cores.
 */
export const ALONE = { tag: '@alone' } as const;

/** Runs axe on the current page and fails with the rule ids and targets of any violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  const found = result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}
