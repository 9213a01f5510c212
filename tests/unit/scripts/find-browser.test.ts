/**
 * How `npm test`, playwright.config.mts and the benchmarks find a browser on a newcomer's
 * machine: each case is a simulated machine (platform, environment, the files that exist).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { nodeProblem } from '../../../scripts/check-node.mjs';
import { browserPlan, findBrowser, INSTALL_COMMAND, launchOptionsFor, type Probes } from '../../../scripts/find-browser.mjs';
import { tempDir } from '../../helpers/temp';

const PLAYWRIGHT_OWN = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function machine(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): Probes {
  const present = new Set(files);
  return { platform, env, exists: (file) => present.has(file), playwrightPath: () => PLAYWRIGHT_OWN };
}

describe('findBrowser', () => {
  it("uses Debian's /usr/bin/chromium first on Linux", () => {
    const found = findBrowser(machine('linux', ['/usr/bin/chromium', '/opt/google/chrome/chrome', PLAYWRIGHT_OWN]));
    expect(found).toMatchObject({ how: 'system', executablePath: '/usr/bin/chromium' });
    expect(launchOptionsFor(found)).toEqual({ executablePath: '/usr/bin/chromium' });
  });

  it("uses Ubuntu's /usr/bin/chromium-browser", () => {
    expect(findBrowser(machine('linux', ['/usr/bin/chromium-browser']))).toMatchObject({ how: 'system', executablePath: '/usr/bin/chromium-browser' });
  });

  it('uses an installed Google Chrome through Playwright’s chrome channel', () => {
    const linux = findBrowser(machine('linux', ['/opt/google/chrome/chrome']));
    expect(linux).toMatchObject({ how: 'channel', channel: 'chrome' });
    expect(launchOptionsFor(linux)).toEqual({ channel: 'chrome' });
    expect(findBrowser(machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))).toMatchObject({ channel: 'chrome' });
  });

  it('uses Microsoft Edge on Windows when Chrome is absent, wherever Program Files is', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'D:\\Programs (x86)' };
    const found = findBrowser(machine('win32', ['D:\\Programs (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], env));
    expect(found).toMatchObject({ how: 'channel', channel: 'msedge' });
    expect(launchOptionsFor(found)).toEqual({ channel: 'msedge' });
    // Chrome wins over Edge when both are there.
    const both = findBrowser(machine('win32', ['C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'], env));
    expect(both).toMatchObject({ channel: 'chrome' });
  });

  it("does not take /usr/bin/chromium paths on macOS or Windows", () => {
    expect(findBrowser(machine('darwin', ['/usr/bin/chromium']))).toBeNull();
  });

  it("falls back to Playwright's own Chromium when it was installed", () => {
    const found = findBrowser(machine('darwin', [PLAYWRIGHT_OWN]));
    expect(found).toMatchObject({ how: 'playwright', executablePath: PLAYWRIGHT_OWN });
    expect(launchOptionsFor(found)).toEqual({});
  });

  it('finds nothing on a machine without any browser, even when Playwright knows where its own would go', () => {
    expect(findBrowser(machine('linux', []))).toBeNull();
    expect(findBrowser({ ...machine('linux', []), playwrightPath: () => null })).toBeNull();
  });

  it('takes COPYDESK_BROWSER over everything, and refuses one that does not exist', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/opt/brave/brave'], { COPYDESK_BROWSER: '/opt/brave/brave' }))).toMatchObject({ how: 'env', executablePath: '/opt/brave/brave' });
    expect(() => findBrowser(machine('linux', ['/usr/bin/chromium'], { COPYDESK_BROWSER: '/nowhere/chrome' }))).toThrow(/COPYDESK_BROWSER is set to \/nowhere\/chrome, which does not exist/);
  });

  it('on this machine finds a real executable', () => {
    const found = findBrowser();
    if (found) expect(found.executablePath).toMatch(/\S/);
  });
});

describe('browserPlan (what npm test does before its end-to-end step)', () => {
  it('uses a browser that was found', () => {
    const found = findBrowser(machine('linux', ['/usr/bin/chromium']));
    expect(browserPlan({ found, online: false })).toEqual({ action: 'use', browser: found });
  });

  it("installs Playwright's Chromium when none is found and the machine is online", () => {
    expect(browserPlan({ found: null, online: true })).toEqual({ action: 'install', command: INSTALL_COMMAND });
    expect(INSTALL_COMMAND).toBe('npx playwright install chromium');
  });

  it('stops offline with the exact command to run', () => {
    const plan = browserPlan({ found: null, online: false });
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toContain('`npx playwright install chromium`');
    expect(plan.action === 'stop' && plan.message).toContain('COPYDESK_BROWSER');
  });
});

describe('the Node version check of npm install', () => {
  it('names the version needed when Node is older than the engines field', () => {
    expect(nodeProblem('>=20.19', 'v18.20.4')).toMatch(/needs Node\.js 20\.19 or newer .* this is Node\.js 18\.20\.4/);
    expect(nodeProblem('>=20.19', 'v20.18.9')).toMatch(/20\.19/);
    expect(nodeProblem('>=20.19', 'v20.19.0')).toBeNull();
    expect(nodeProblem('>=20.19', 'v22.1.0')).toBeNull();
  });

  it('stops the preinstall step with that message and a failing exit code', async () => {
    const { dir, cleanup } = await tempDir();
    try {
    await mkdir(path.join(dir, 'scripts'));
    await copyFile(path.resolve(__dirname, '../../../scripts/check-node.mjs'), path.join(dir, 'scripts', 'check-node.mjs'));
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ engines: { node: '>=99.1' } }));
    const failed = await promisify(execFile)(process.execPath, [path.join(dir, 'scripts', 'check-node.mjs')]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('Copydesk needs Node.js 99.1 or newer');
    // And passes with the repository's own engines field on this Node.
    await promisify(execFile)(process.execPath, [path.resolve(__dirname, '../../../scripts/check-node.mjs')]);
    } finally {
      await cleanup();
    }
  });
});
