/**
 * `npm test`: type checks, lint, build, unit tests (vitest) and end-to-end tests
 * (Playwright in Chromium against browser mode), in that order, stopping at the first
 * failure. Ends with one line, `N passed, N failed, N skipped`, counted from the
 * runners' JSON reports; a run in which no test executed fails.
 */
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { browserPlan, findBrowser } from './find-browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const reports = mkdtempSync(path.join(tmpdir(), 'copydesk-test-reports-'));
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const steps = [
  ['type check (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['type check (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
  ['type check (benchmarks)', bin('tsc'), ['-p', 'tsconfig.bench.json', '--noEmit']],
  ['lint (layers and correctness)', bin('oxlint'), ['--deny-warnings', 'src', 'tests', 'scripts', 'bench']],
  ['security scan (Electronegativity over src, findings printed)', process.execPath, ['scripts/electronegativity.mjs']],
  ['build (main, preload, renderer)', bin('electron-vite'), ['build']],
  ['build (the copydesk command)', process.execPath, ['scripts/build-cli.mjs']],
  ['unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ['end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json']],
];

function finish(passed, failed, skipped, code) {
  rmSync(reports, { recursive: true, force: true });
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(code);
}

/** Whether Playwright's download host answers, within a few seconds. */
async function online() {
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 5_000).unref());
  return Promise.race([lookup('cdn.playwright.dev').then(() => true, () => false), timeout]);
}

/** Before the end-to-end step: a browser found, or Playwright's Chromium installed, or a stop with the command to run. */
async function ensureBrowser() {
  let found;
  try {
    found = findBrowser();
  } catch (error) {
    console.error(`\n${error.message}`);
    return false;
  }
  const plan = browserPlan({ found, online: found ? false : await online() });
  if (plan.action === 'use') {
    console.log(`  browser: ${plan.browser.label}`);
    return true;
  }
  if (plan.action === 'install') {
    console.log(`  No Chromium, Chrome or Edge found: installing Playwright's Chromium (${plan.command}).`);
    const installed = spawnSync(bin('playwright'), ['install', 'chromium'], { cwd: root, stdio: 'inherit' });
    if (installed.status === 0 && findBrowser()) return true;
    console.error(`\nInstalling Playwright's Chromium failed. Run \`${plan.command}\` yourself (or install Chromium, Chrome or Edge), then \`npm test\` again.`);
    return false;
  }
  console.error(`\n${plan.message}`);
  return false;
}

let passed = 0;
let failed = 0;
let skipped = 0;

for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}`);
  if (label.startsWith('end-to-end') && !(await ensureBrowser())) finish(passed, failed + 1, skipped, 1);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  });
  console.log(`  ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (label.startsWith('unit')) {
    try {
      const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests + report.numTodoTests;
    } catch {
      failed += 1;
    }
  }
  if (label.startsWith('end-to-end')) {
    try {
      const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected;
      skipped += stats.skipped;
    } catch {
      failed += 1;
    }
  }
  if (result.status !== 0) finish(passed, Math.max(failed, 1), skipped, result.status ?? 1);
}

if (passed === 0) {
  console.error('No test ran: that is a failure, not a pass.');
  finish(0, 1, skipped, 1);
}
finish(passed, failed, skipped, failed === 0 ? 0 : 1);
