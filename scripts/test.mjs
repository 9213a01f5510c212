/**
 * `npm test`: type checks, lint, build, unit tests (vitest) and end-to-end tests
 * (Playwright in Chromium against browser mode), in that order, stopping at the first
 * failure. Ends with one line, `N passed, N failed, N skipped`, counted from the
 * runners' JSON reports; a run in which no test executed fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

let passed = 0;
let failed = 0;
let skipped = 0;

for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}`);
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
