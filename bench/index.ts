/**
 * `npm run bench`: every figure of DESIGN.md's budgets measured so far, each beside its
 * baseline from the same run. Figures, not tests: nothing here fails a build.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { printFigures } from './report';
import { editorFigures } from './editor.bench';
import { writeResults } from './results';
import { exportFigures } from './export.bench';
import { reviewFigures } from './review.bench';
import { sourceLibraryFigures } from './source-library.bench';
import { sourceFigures } from './sources.bench';
import { workspaceFigures } from './workspace.bench';

async function main(): Promise<void> {
  console.log(`Copydesk benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  const figures = await workspaceFigures();
  figures.push(...(await sourceFigures()), ...(await sourceLibraryFigures()), ...(await reviewFigures()), ...(await exportFigures()));
  if (existsSync(path.join(__dirname, '..', 'out', 'renderer', 'index.html'))) {
    figures.push(...(await editorFigures()));
  } else {
    console.log('(editor figures skipped: run `npm run build` first)\n');
  }
  printFigures(figures);
  const results = path.join(__dirname, 'results.json');
  writeResults(results, figures);
  console.log(`\nWritten to ${path.relative(process.cwd(), results)}. Not yet measured (their issues add them): search, related suggestions.`);
}

void main();
