/**
 * `copydesk export` and `copydesk import-bundle` as a user runs them: the built command in
 * a child process on a copy of the sample workspace.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../../../src/host/app-paths';
import { copydesk, ensureBuiltCommand } from '../../helpers/copydesk-bin';
import { tempDir } from '../../helpers/temp';

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

const ROTTERDAM = 'rotterdam-terminal-strike-talks-narrow-pay-gap-but-stall-on-shift-rosters';
let scratch: { dir: string; cleanup: () => Promise<void> };
let workspace: string;
beforeAll(async () => {
  await ensureBuiltCommand();
  scratch = await tempDir('copydesk-export-');
  workspace = path.join(scratch.dir, 'desk');
  await cp(SAMPLE_WORKSPACE, workspace, { recursive: true });
});
afterAll(() => scratch.cleanup());

describe('copydesk export', () => {
  it('is refused by the gate with its reasons (exit 1), writes nothing, and goes through with a written reason', async () => {
    const out = path.join(scratch.dir, 'bundles');
    const refused = await copydesk('export', ROTTERDAM, '--out', out, '--workspace', workspace);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/the gate refused it/);
    expect(refused.stdout).toMatch(/difficult but businesslike/);
    expect(existsSync(path.join(out, ROTTERDAM))).toBe(false);
    const at = '2026-11-28T09:00:00Z';
    const done = await copydesk('export', ROTTERDAM, '--out', out, '--zip', '--at', at, '--override', 'Figures confirmed by the desk', '--workspace', workspace);
    expect(done.code, done.stderr).toBe(0);
    const files = (await readdir(path.join(out, ROTTERDAM))).sort();
    expect(files).toEqual(expect.arrayContaining(['index.html', 'article.md', 'ninjs.json', 'sources.json', 'manifest.json']));
    const manifest = JSON.parse(await readFile(path.join(out, ROTTERDAM, 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toContain('Figures confirmed by the desk');
    const first = await sha(path.join(out, `${ROTTERDAM}.zip`));
    await copydesk('export', ROTTERDAM, '--out', out, '--zip', '--at', at, '--override', 'Figures confirmed by the desk', '--workspace', workspace);
    expect(await sha(path.join(out, `${ROTTERDAM}.zip`))).toBe(first);
  });

  it('brings a bundle back as a new draft with its sources', async () => {
    const zip = path.join(scratch.dir, 'bundles', `${ROTTERDAM}.zip`);
    const imported = await copydesk('import-bundle', zip, '--workspace', workspace);
    expect(imported.code, imported.stderr).toBe(0);
    // Its one source is the library's own: said as none added, one already there.
    expect(imported.stdout).toMatch(/^Imported as articles\/rotterdam-[^\n]*\.json \(a draft\), with 1 source: 0 added to the library, 1 already there\.\n/);
    // Into a workspace without it, the source is added.
    const elsewhere = path.join(scratch.dir, 'elsewhere');
    await mkdir(path.join(elsewhere, 'articles'), { recursive: true });
    const fresh = await copydesk('import-bundle', zip, '--workspace', elsewhere);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(/\(a draft\), with 1 source: 1 added to the library, 0 already there\.\n/);
  });

  it('says what is wrong with bad usage, with exit 2', async () => {
    const file = path.join(scratch.dir, 'not-a-folder');
    await writeFile(file, 'x');
    expect(await copydesk('export', 'no-such-article', '--out', path.join(scratch.dir, 'o'), '--workspace', workspace)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no article "no-such-article"/) });
    expect(await copydesk('export', ROTTERDAM, '--out', file, '--workspace', workspace)).toMatchObject({ code: 2, stderr: expect.stringMatching(/is a file/) });
    expect(await copydesk('export', ROTTERDAM, '--workspace', workspace)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out DIR/) });
    expect(await copydesk('export', ROTTERDAM, '--out', path.join(scratch.dir, 'o'), '--at', 'yesterday', '--workspace', workspace)).toMatchObject({ code: 2 });
    expect(await copydesk('import-bundle', path.join(scratch.dir, 'missing.zip'), '--workspace', workspace)).toMatchObject({ code: 2 });
  });
});
