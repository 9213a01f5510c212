/**
 * The `copydesk` command as the packaged app ships it (resources/cli/copydesk.mjs): one
 * file with its dependencies bundled in, since node_modules live inside app.asar where a
 * plain Node cannot read them. pdf.js is the one left out (it loads its worker by file
 * name); electron-builder copies its legacy build beside the command. It runs on the
 * user's Node 20 or later: the app's own binary cannot run it, by design (the RunAsNode
 * fuse is off).
 */
import { CLI_BANNER } from './cli-banner.mjs';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.join(root, 'out', 'cli-app', 'copydesk.mjs');

await build({
  entryPoints: [path.join(root, 'src', 'cli', 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  legalComments: 'linked',
  logLevel: 'warning',
  banner: { js: CLI_BANNER },
});
await chmod(outfile, 0o755);
console.log(`copydesk command for the packaged app: ${path.relative(root, outfile)}`);
