/**
 * The layer rules are enforced by the linter: a renderer file reaching for Node or the
 * core, or a core file importing Electron, fails `npm run lint`.
 */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

async function lintProbe(relativeFile: string, source: string): Promise<string> {
  const file = path.join(ROOT, relativeFile);
  await writeFile(file, source);
  try {
    await run(path.join(ROOT, 'node_modules/.bin/oxlint'), ['--deny-warnings', file], { cwd: ROOT });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  } finally {
    await rm(file, { force: true });
  }
}

describe('layer rules', () => {
  it('keep Node and the core out of the renderer', async () => {
    const out = await lintProbe('src/renderer/src/__layer_probe.ts', "import { readFile } from 'node:fs';\nimport { Workspace } from '../../core/workspace';\nexport const probe = [readFile, Workspace];\n");
    expect(out).toMatch(/node:fs/);
    expect(out).toMatch(/core\/workspace/);
  });

  it('keep Electron out of the core and Node out of the contract', async () => {
    expect(await lintProbe('src/core/__layer_probe.ts', "import { app } from 'electron';\nexport const probe = app;\n")).toMatch(/electron/);
    expect(await lintProbe('src/shared/__layer_probe.ts', "import path from 'node:path';\nexport const probe = path;\n")).toMatch(/node:path/);
  });

  it('let a layer use what it may', async () => {
    expect(await lintProbe('src/core/__layer_probe.ts', "import path from 'node:path';\nimport { slugify } from '../shared/slug';\nexport const probe = [path, slugify];\n")).toBe('');
  });
});
