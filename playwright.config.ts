import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/browser.ts';

// E2E_PORT / E2E_DIST let two suites run side by side (each builds and serves its own copy).
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The development server (`npm run dev`: React's StrictMode, no CSP) for the dev-mode checks. */
const DEV_PORT = PORT + 1000;
const DIST = process.env.E2E_DIST ?? 'dist';
const executablePath = findChromium();

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two tests at a time on 2 cores (each browser waits on its worker, timers and Python part of
  // the time); half the cores on larger machines. Tests tagged @alone run last, one at a time.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath, args: chromiumArgs() },
  },
  projects: [
    { name: 'production build', testIgnore: /dev-mode\.spec\.ts$/, grepInvert: /@alone/ },
    {
      name: 'npm run dev',
      testMatch: /dev-mode\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${DEV_PORT}` },
    },
    // Time as a person lives it (e2e/fixtures.ts ALONE): after every other test, one at a time.
    {
      name: 'timing',
      testIgnore: /dev-mode\.spec\.ts$/,
      grep: /@alone/,
      dependencies: ['production build', 'npm run dev'],
      workers: 1,
    },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn --outDir ${DIST} && npx vite preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `npx vite --port ${DEV_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${DEV_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
