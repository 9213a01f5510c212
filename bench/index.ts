/**
 * `npm run bench` (`-- --quick` for a smaller run): every figure of DESIGN.md's budgets,
 * each beside its baseline from the same run, printed as a table and written to
 * bench/results.json with the machine. Figures, not tests: nothing here fails a build.
 * `-- --only workspace,editor` runs some suites alone (results.json is then not written).
 *
 * A benchmark file exports one async function returning Figure[] (read `quick` or
 * `scaled()` from ./report to shrink under --quick) and adds one line to SUITES.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { desktopFigures } from './desktop.bench';
import { editorFigures } from './editor.bench';
import { editorBlocksFigures } from './editor-blocks.bench';
import { editorWorkFigures } from './editor-work.bench';
import { exportFigures } from './export.bench';
import { libraryFigures } from './library.bench';
import { libraryUiFigures } from './library-ui.bench';
import { quick, formatTable, toRow, type Figure } from './report';
import { machine, writeResults } from './results';
import { memoryFigures } from './memory.bench';
import { openClaimsFigures } from './open-claims.bench';
import { reviewFigures } from './review.bench';
import { scalingFigures } from './scaling.bench';
import { sourceLibraryFigures } from './source-library.bench';
import { sourceFigures } from './sources.bench';
import { teamFigures } from './team.bench';
import { workspaceFigures } from './workspace.bench';

interface Suite {
  name: string;
  run: () => Promise<Figure[]>;
  /** Drives the built renderer in Chromium: skipped until `npm run build` has run. */
  needsBuild?: boolean;
}

const SUITES: Suite[] = [
  { name: 'workspace', run: workspaceFigures },
  { name: 'sources', run: sourceFigures },
  { name: 'source-library', run: () => sourceLibraryFigures() },
  { name: 'review', run: reviewFigures },
  { name: 'export', run: exportFigures },
  { name: 'editor', run: editorFigures, needsBuild: true },
  { name: 'editor-blocks', run: editorBlocksFigures, needsBuild: true },
  { name: 'editor-work', run: editorWorkFigures },
  { name: 'scaling', run: scalingFigures },
  { name: 'library', run: libraryFigures },
  { name: 'open-claims', run: openClaimsFigures },
  { name: 'memory', run: memoryFigures, needsBuild: true },
  { name: 'library-ui', run: libraryUiFigures, needsBuild: true },
  { name: 'team', run: teamFigures },
  { name: 'desktop', run: desktopFigures },
];

function selected(): Suite[] {
  const at = process.argv.indexOf('--only');
  if (at < 0) return SUITES;
  const names = (process.argv[at + 1] ?? '').split(',');
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`No benchmark suite called ${unknown.join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}.`);
    process.exit(2);
  }
  return SUITES.filter((s) => names.includes(s.name));
}

async function main(): Promise<void> {
  const suites = selected();
  const built = existsSync(path.join(__dirname, '..', 'out', 'renderer', 'index.html'));
  console.log(`Copydesk benchmarks${quick ? ' (--quick)' : ''}: node ${process.version}, ${new Date().toISOString()}\n`);
  const figures: Figure[] = [];
  const failed: string[] = [];
  for (const suite of suites) {
    if (suite.needsBuild && !built) {
      console.log(`${suite.name}: skipped (run \`npm run build\` first)`);
      failed.push(`${suite.name} (not built)`);
      continue;
    }
    const started = Date.now();
    try {
      const got = await suite.run();
      figures.push(...got);
      console.log(`${suite.name}: ${got.length} figure${got.length === 1 ? '' : 's'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      // One broken suite must not hide the others' figures; the run still fails at the end.
      failed.push(suite.name);
      console.error(`${suite.name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const rows = figures.map(toRow);
  console.log(`\n${formatTable(rows)}`);
  if (suites === SUITES) {
    const file = path.join(__dirname, 'results.json');
    writeResults(file, { machine: machine(quick), figures: rows });
    console.log(`\nWritten to ${path.relative(process.cwd(), file)}.`);
  }
  if (failed.length) {
    console.error(`\nNot measured: ${failed.join(', ')}.`);
    process.exitCode = 1;
  }
}

void main();
