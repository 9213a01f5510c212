/**
 * The built `copydesk` command (the package's bin), run as a user runs it: a real child
 * process, its exit code and output returned whatever the code.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'out', 'cli', 'copydesk.mjs');
const run = promisify(execFile);

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** npm test builds the command before the unit tests; a test file run alone builds it here. */
export async function ensureBuiltCommand(): Promise<void> {
  if (!existsSync(BIN)) await run(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
}

export function copydesk(...args: string[]): Promise<Outcome> {
  return run(process.execPath, [BIN, ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
