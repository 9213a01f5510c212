/**
 * Browser mode's start-up as a user meets it (a real child process): when it cannot start,
 * it says why and leaves nothing behind: no seeded workspace, no lock.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_BUILD } from '../../../src/host/app-paths';
import { tempDir } from '../../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);
const web = (...args: string[]) =>
  run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/web/cli.ts'), ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

let scratch: { dir: string; cleanup: () => Promise<void> };
let placeholder: string | null = null;
beforeAll(async () => {
  scratch = await tempDir('copydesk-web-');
  // The built renderer is needed to start (npm test builds it first); when this file runs
  // alone, a placeholder is enough to reach the port, and it is removed afterwards.
  if (!existsSync(path.join(RENDERER_BUILD, 'index.html'))) {
    await mkdir(RENDERER_BUILD, { recursive: true });
    placeholder = path.join(RENDERER_BUILD, 'index.html');
    await writeFile(placeholder, '<!doctype html><title>Copydesk</title>');
  }
});
afterAll(async () => {
  if (placeholder) await rm(placeholder, { force: true });
  await scratch.cleanup();
});

describe('browser mode start-up', () => {
  it('a port in use is refused before any workspace is seeded or locked', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const workspace = path.join(scratch.dir, 'fresh');
      const result = await web('--workspace', workspace, '--port', String(port));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`port ${port} is in use`));
      expect(existsSync(workspace)).toBe(false);
    } finally {
      busy.close();
    }
  });
});
