/**
 * Starts browser mode as a user does (`npm run web -- --workspace DIR`), as a real child
 * process, and reads the address it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const START_MS = 60_000;

export interface Host {
  url: string;
  origin: string;
  workspace: string;
  process: ChildProcess;
}

/** `entry` and `env` start another entry than the command (a test's variant of it, tests/helpers/faulty-web.ts). */
export async function startHost(workspace: string, seed: boolean, options: { entry?: string; env?: Record<string, string> } = {}): Promise<Host> {
  const args = [options.entry ?? path.join(ROOT, 'src/web/cli.ts'), '--workspace', workspace, '--port', '0', ...(seed ? [] : ['--no-seed'])];
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: a 10,000-article workspace on a busy 2-core machine takes a while; a host that
    // never prints its address is stopped, not left behind.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser mode did not print its address within ${START_MS / 1000} s: ${output}`));
    }, START_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
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

