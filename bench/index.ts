/**
 * `npm run bench`: every figure of DESIGN.md's budgets measured so far, each beside its
 * baseline from the same run. Figures, not tests: nothing here fails a build.
 */
import { printFigures } from './report';
import { workspaceFigures } from './workspace.bench';

async function main(): Promise<void> {
  console.log(`Copydesk benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  printFigures(await workspaceFigures());
  console.log('\nNot yet measured (their issues add them): editor open and keystroke latency, search, related suggestions, review, export.');
}

void main();
