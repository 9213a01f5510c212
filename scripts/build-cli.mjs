/**
 * Builds the `copydesk` command into out/cli/copydesk.mjs (package.json's `bin`): one ES
 * module for Node 20 with the project's own code bundled and its dependencies left to
 * node_modules, so `npx copydesk` works in a checkout and `copydesk` after a global install.
 */
import { CLI_BANNER } from './cli-banner.mjs';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.join(root, 'out', 'cli', 'copydesk.mjs');

await build({
  entryPoints: [path.join(root, 'src', 'cli', 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  // The project's code finds its files from __dirname (out/cli is two levels below the root, as src/host is).
  banner: { js: CLI_BANNER },
});
await chmod(outfile, 0o755);
console.log(`copydesk command: ${path.relative(root, outfile)}`);
