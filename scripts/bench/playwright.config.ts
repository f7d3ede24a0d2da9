import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

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
  webServer: { ...[base.webServer!].flat()[0]!, cwd: '../..' },
});
