import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';
import { chromiumArgs, findChromium } from '../../e2e/browser.ts';

// The full browser, not the tests' headless shell: frame rates as a desktop Chrome has them
// (Playwright's own browsers: the `chromium` channel is the full browser, headless).
const executablePath = findChromium({ headlessShell: false });

/** `npm run bench`: the bench "test" against the production build, one worker, long timeout. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'bench.spec.ts',
  outputDir: '../../test-results/bench',
  retries: 0,
  timeout: 900_000,
  reporter: [['line']],
  // The production build only (the base config also starts the dev server for its dev-mode test).
  projects: [{ name: 'bench' }],
  use: {
    ...base.use,
    launchOptions: {
      executablePath,
      ...(executablePath ? {} : { channel: 'chromium' }),
      args: chromiumArgs(),
    },
  },
  webServer: { ...[base.webServer!].flat()[0]!, cwd: '../..' },
});
