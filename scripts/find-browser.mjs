/**
 * Which Chromium the end-to-end tests, the benchmarks and the screenshots drive, found the
 * way a user has one: COPYDESK_BROWSER if set; Debian's or Ubuntu's chromium; an installed
 * Google Chrome or Microsoft Edge (through Playwright's channels); Playwright's own
 * Chromium if `npx playwright install chromium` was run. One module, so `npm test`,
 * playwright.config.mts and the benchmarks never disagree. Plain JavaScript: scripts/test.mjs
 * runs under bare node before anything is compiled.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where Playwright's `chrome` and `msedge` channels look for the installed browsers. */
function channelPaths(platform, env) {
  if (platform === 'linux') {
    return { chrome: ['/opt/google/chrome/chrome'], msedge: ['/opt/microsoft/msedge/msedge'] };
  }
  if (platform === 'darwin') {
    return {
      chrome: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      msedge: ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    };
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(Boolean);
    return {
      chrome: roots.map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      msedge: roots.map((root) => path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    };
  }
  return { chrome: [], msedge: [] };
}

/** Playwright's own Chromium, where `npx playwright install chromium` puts it (it may not be there). */
export function playwrightChromiumPath() {
  try {
    const require = createRequire(import.meta.url);
    return require('playwright-core').chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * @typedef {{ how: 'env' | 'system' | 'playwright', executablePath: string, label: string }
 *   | { how: 'channel', channel: 'chrome' | 'msedge', executablePath: string, label: string }} FoundBrowser
 */

/**
 * The browser to use, or null when none is installed. Every probe can be replaced, so
 * each case can be tested on any machine.
 * @returns {FoundBrowser | null}
 */
export function findBrowser({
  platform = process.platform,
  env = process.env,
  exists = existsSync,
  playwrightPath = playwrightChromiumPath,
} = {}) {
  if (env.COPYDESK_BROWSER) {
    if (!exists(env.COPYDESK_BROWSER)) throw new Error(`COPYDESK_BROWSER is set to ${env.COPYDESK_BROWSER}, which does not exist. Point it at a Chromium, Chrome or Edge executable, or unset it.`);
    return { how: 'env', executablePath: env.COPYDESK_BROWSER, label: `${env.COPYDESK_BROWSER} (COPYDESK_BROWSER)` };
  }
  if (platform === 'linux') {
    for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
      if (exists(candidate)) return { how: 'system', executablePath: candidate, label: candidate };
    }
  }
  const channels = channelPaths(platform, env);
  for (const [channel, name] of [['chrome', 'Google Chrome'], ['msedge', 'Microsoft Edge']]) {
    const found = channels[channel].find((candidate) => exists(candidate));
    if (found) return { how: 'channel', channel, executablePath: found, label: `${name} (${found})` };
  }
  const own = playwrightPath();
  if (own && exists(own)) return { how: 'playwright', executablePath: own, label: `Playwright's Chromium (${own})` };
  return null;
}

/** The command that installs Playwright's Chromium. */
export const INSTALL_COMMAND = 'npx playwright install chromium';

/**
 * What `npm test` does before its end-to-end step: use the browser found, install
 * Playwright's when online, or stop with the command to run.
 * @param {{ found: FoundBrowser | null, online: boolean }} state
 * @returns {{ action: 'use', browser: FoundBrowser } | { action: 'install', command: string } | { action: 'stop', message: string }}
 */
export function browserPlan({ found, online }) {
  if (found) return { action: 'use', browser: found };
  if (online) return { action: 'install', command: INSTALL_COMMAND };
  return {
    action: 'stop',
    message:
      'The end-to-end tests need Chromium, Google Chrome or Microsoft Edge, and none is installed (and this machine is offline, so Playwright cannot fetch its own). ' +
      `Run \`${INSTALL_COMMAND}\` once you are online, or install Chromium (Debian/Ubuntu: \`sudo apt install chromium\`), ` +
      'or set COPYDESK_BROWSER to a Chromium-based browser; then run `npm test` again.',
  };
}

/**
 * Playwright launch options for the browser found: an executable path, or a channel
 * (Playwright knows where Chrome and Edge live), or nothing (Playwright's own).
 * @param {FoundBrowser | null} found
 */
export function launchOptionsFor(found) {
  if (!found || found.how === 'playwright') return {};
  if (found.how === 'channel') return { channel: found.channel };
  return { executablePath: found.executablePath };
}
