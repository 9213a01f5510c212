/**
 * The `copydesk` command, run as a user runs it (a real child process), and the read-only
 * opening it relies on.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../../../src/host/app-paths';
import { Workspace } from '../../../src/core/workspace/workspace';
import { tempDir } from '../../helpers/temp';
import { terminalControls } from './terminal-controls';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);
const copydesk = (...args: string[]) => run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/index.ts'), ...args], { cwd: ROOT });

let scratch: { dir: string; cleanup: () => Promise<void> };
let workspace: string;
beforeAll(async () => {
  scratch = await tempDir('copydesk-cli-');
  workspace = path.join(scratch.dir, 'desk');
  await cp(path.join(SAMPLE_WORKSPACE, 'articles'), path.join(workspace, 'articles'), { recursive: true });
  await writeFile(path.join(workspace, 'articles', 'broken.json'), '{"schemaVersion": 1,');
});
afterAll(() => scratch.cleanup());

describe('copydesk list', () => {
  it('lists articles and unreadable files, even while the app holds the workspace', async () => {
    const app = await Workspace.open(workspace, { watch: false });
    try {
      const { stdout } = await copydesk('list', '--json', '--workspace', workspace);
      const listed = JSON.parse(stdout) as { articles: Array<{ headline: string }>; damaged: Array<{ file: string }> };
      expect(listed.articles.map((a) => a.headline)).toContain('Rotterdam terminal strike talks narrow pay gap but stall on shift rosters');
      expect(listed.damaged.map((d) => d.file)).toEqual(['articles/broken.json']);
      const table = await copydesk('list', '--workspace', workspace);
      expect(table.stdout).toMatch(/^4 articles in /);
      expect(table.stdout).toMatch(/cannot be read[\s\S]*articles\/broken\.json: the file is not valid JSON/);
    } finally {
      await app.close();
    }
  });

  it('says clearly what is wrong with a bad command or folder, and exits 2', async () => {
    await expect(copydesk('frobnicate')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/no command "frobnicate"/) });
    await expect(copydesk('list', '--workspace', path.join(scratch.dir, 'nowhere'))).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not a Copydesk workspace/),
    });
    expect(existsSync(path.join(scratch.dir, 'nowhere'))).toBe(false);
  });
});

describe('copydesk list, with files written to attack the terminal', () => {
  it('prints headlines, file names and reasons as inert text', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const ws = await Workspace.open(dir, { watch: false });
      const { slug } = await ws.articles.create({ headline: 'Placeholder' });
      await ws.close();
      // Written as another program would: the bytes on disk carry the escape sequences.
      const headline = 'Title \u001b]0;pwned\u0007 clip \u001b]52;c;ZXZpbA==\u0007 clear \u001b[2J csi \u009b2J bidi \u202eevil\nnext line\tend';
      const file = path.join(dir, 'articles', `${slug}.json`);
      const text = (await readFile(file, 'utf8')).replace('"headline": "Placeholder"', `"headline": ${JSON.stringify(headline)}`);
      expect(text).toContain('\\u001b]0;pwned');
      await writeFile(file, text);
      await writeFile(path.join(dir, 'articles', 'named \u001b]0;owned\u0007 \u001b[2J.json'), 'not JSON \u001b]52;c;ZXZpbA==\u0007');

      const { stdout } = await copydesk('list', '--workspace', dir);
      const lines = stdout.split('\n');
      expect(lines.pop()).toBe('');
      for (const line of lines) expect(terminalControls(line), line).toEqual([]);
      // Shown, not dropped: the headline stays on its one row, the damaged file on its own.
      expect(lines.filter((l) => l.includes('pwned'))).toEqual([expect.stringMatching(/Title .*pwned.* clip .*ZXZpbA==.* clear .*\[2J csi .*2J bidi evil next line end$/)]);
      expect(lines.filter((l) => l.includes('owned') && !l.includes('pwned'))).toEqual([expect.stringMatching(/^ {2}articles\/named .*owned.*\.json: /)]);

      // --json is for programs: the same strings, with every control written as an escape.
      const json = await copydesk('list', '--json', '--workspace', dir);
      expect(terminalControls(json.stdout.replaceAll('\n', ''))).toEqual([]);
      expect((JSON.parse(json.stdout) as { articles: Array<{ headline: string }> }).articles[0]?.headline).toBe(headline);
    } finally {
      await cleanup();
    }
  });
});

describe('read-only opening', () => {
  it('writes nothing and refuses every change', async () => {
    const { dir, cleanup } = await tempDir();
    await cp(path.join(SAMPLE_WORKSPACE, 'articles'), path.join(dir, 'articles'), { recursive: true });
    const before = await readdir(dir);
    const ws = await Workspace.open(dir, { readOnly: true });
    const [first] = ws.articles.list().articles;
    await expect(ws.articles.create({ headline: 'No' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(ws.articles.save({ id: first!.id, baseRevision: 'x', meta: { dek: 'no' } })).rejects.toMatchObject({ code: 'read-only' });
    await expect(ws.articles.delete(first!.id)).rejects.toMatchObject({ code: 'read-only' });
    expect((await ws.articles.get(first!.id)).meta.headline).toBe(first!.headline);
    await ws.close();
    expect(await readdir(dir)).toEqual(before);
    await cleanup();
  });
});
