/**
 * `npm start`: builds and runs the desktop app. Where the Electron binary is missing and
 * cannot be downloaded (it comes from GitHub), says so and points to browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary';

const root = path.resolve(__dirname, '..');

let binary = findElectronBinary();
if (!binary) {
  process.stdout.write('The Electron binary is not installed yet; trying to download it once…\n');
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  const download = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], timeout: 180_000, encoding: 'utf8' });
  binary = findElectronBinary();
  if (!binary) {
    const reason = (download.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'no reason given';
    console.error(`The download failed: ${reason.trim()}`);
  }
}
if (!binary) {
  console.error(
    [
      '',
      'Copydesk cannot start the desktop app: the Electron binary is not installed and could not',
      'be downloaded (it comes from GitHub, which this machine cannot reach).',
      '',
      'Use browser mode instead; it is the same app in your browser, on 127.0.0.1 only:',
      '',
      '    npm run web',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(binary as string, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
