import { defineConfig } from '@playwright/test';
import { findBrowser, launchOptionsFor } from './scripts/find-browser.mjs';

/** The browser a user has (Debian's Chromium, Chrome, Edge, Playwright's own): scripts/find-browser.mjs. */
const browser = launchOptionsFor(findBrowser());

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  projects: [
    {
      name: 'e2e',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 1360, height: 860 },
        ...(browser.channel ? { channel: browser.channel } : {}),
        launchOptions: {
          ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
