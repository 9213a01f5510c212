/**
 * Each end-to-end test gets its own temp workspace and its own browser-mode host, started
 * as a real child process the way a user starts it (`npm run web`), and a page opened on
 * the printed address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Host {
  url: string;
  origin: string;
  workspace: string;
  process: ChildProcess;
}

export async function startHost(workspace: string, seed: boolean): Promise<Host> {
  const args = [path.join(ROOT, 'src/web/cli.ts'), '--workspace', workspace, '--port', '0', ...(seed ? [] : ['--no-seed'])];
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${output}`)));
  });
  return { url, origin: new URL(url).origin, workspace, process: child };
}

export async function stopHost(host: Host): Promise<void> {
  if (host.process.exitCode !== null) return;
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGTERM');
  await exited;
}

interface Fixtures {
  seed: boolean;
  workspace: string;
  host: Host;
  app: Page;
}

export const test = base.extend<Fixtures>({
  seed: [false, { option: true }],
  // Playwright fixtures must destructure their first argument, even when they need nothing from it.
  // oxlint-disable-next-line no-empty-pattern
  workspace: async ({}, use) => {
    const parent = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-'));
    await use(path.join(parent, 'workspace'));
    await rm(parent, { recursive: true, force: true });
  },
  host: async ({ workspace, seed }, use) => {
    const host = await startHost(workspace, seed);
    await use(host);
    await stopHost(host);
  },
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
