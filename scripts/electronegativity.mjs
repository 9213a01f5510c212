/**
 * Electronegativity (Doyensec's checker of Electron's security checklist) over src/, as a
 * step of `npm test`. Prints every finding; fails on a high or medium one unless
 * electronegativity.json justifies it (by check, file and the text of the flagged line,
 * so a justification follows the code, not a line number).
 *
 * Two adjustments, both local: Electronegativity parses TypeScript with the TypeScript
 * 4.2 it ships (the project's own TypeScript 7 has no JavaScript API for its parser), and
 * its HTTP client is replaced by one that fails at once (it would fetch translations and
 * Electron's release list from the web; the check that needs that list is excluded).
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const shippedTypescript = path.join(packageDir, 'node_modules', 'typescript', 'lib', 'typescript.js');
const offlineGot = path.join(root, 'scripts', 'electronegativity-offline-got.cjs');

// Node's module resolver, wrapped for the two names above (it has no public hook for require()).
const RESOLVE = '_resolveFilename';
const resolve = Module[RESOLVE];
Module[RESOLVE] = function (request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && from.includes(`${path.sep}@typescript-eslint${path.sep}`)) return shippedTypescript;
  if (request === 'got' && from.startsWith(packageDir)) return offlineGot;
  return resolve.call(this, request, parent, ...rest);
};

const config = JSON.parse(readFileSync(path.join(root, 'electronegativity.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const run = require(path.join(packageDir, 'dist', 'runner.js'));

// It prints a line when its translations cannot be fetched; that is expected offline.
const log = console.log;
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
};
const result = await run(
  {
    input: path.join(root, 'src'),
    customScan: [],
    excludeFromScan: config.excludedChecks.map((entry) => entry.check),
    electronVersionOverride: electronVersion,
    isRelative: true,
    parserPlugins: [],
  },
  false,
);
console.log = log;

const lineOf = (file, line) => readFileSync(path.join(root, 'src', file), 'utf8').split('\n')[line - 1] ?? '';
const used = new Set();
let failing = 0;
const rows = result.issues
  .map((issue) => {
    const severity = issue.severity.name;
    const text = lineOf(issue.file, issue.location.line);
    const justification = config.justified.find((j) => j.check === issue.id && j.file === `src/${issue.file}` && text.includes(j.line));
    if (justification) used.add(justification);
    const serious = severity === 'HIGH' || severity === 'MEDIUM' || severity === 'CRITICAL';
    if (serious && !justification) failing++;
    return { severity, issue, justification, serious };
  })
  .sort((a, b) => a.issue.file.localeCompare(b.issue.file) || a.issue.location.line - b.issue.location.line);

console.log(`Electronegativity ${JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version} over src/ (Electron ${electronVersion}): ${result.atomicChecks} checks, ${result.issues.length} findings`);
for (const { severity, issue, justification, serious } of rows) {
  const verdict = justification ? `justified: ${justification.reason}` : serious ? 'NOT JUSTIFIED' : 'low: reported only';
  console.log(`  ${severity.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  src/${issue.file}:${issue.location.line}\n      ${verdict}`);
}
for (const error of result.errors) console.log(`  could not scan src/${path.relative(path.join(root, 'src'), error.file)}: ${error.message}`);
for (const stale of config.justified.filter((j) => !used.has(j))) console.log(`  (a justification matched nothing and can go: ${stale.check} in ${stale.file})`);

const unscanned = result.errors.filter((error) => !error.tolerable).length;
if (failing || unscanned) {
  console.error(`\n${failing} high or medium finding(s) not justified in electronegativity.json, ${unscanned} file(s) not scanned.`);
  process.exit(1);
}
console.log('\n0 high or medium findings without a justification.');
