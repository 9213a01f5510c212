/**
 * `copydesk search` and `copydesk tags`, run as a user runs them (the built command, a
 * real child process) on a copy of the sample newsroom.
 */
import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../../../src/host/app-paths';
import { copydesk, ensureBuiltCommand } from '../../helpers/copydesk-bin';
import { tempDir } from '../../helpers/temp';

// Each test runs the command several times, each a fresh process.
const SLOW = 120_000;

let scratch: { dir: string; cleanup: () => Promise<void> };
let workspace: string;
beforeAll(async () => {
  await ensureBuiltCommand();
  scratch = await tempDir('copydesk-cli-library-');
  workspace = path.join(scratch.dir, 'desk');
  await cp(path.join(SAMPLE_WORKSPACE, 'articles'), path.join(workspace, 'articles'), { recursive: true });
  await cp(path.join(SAMPLE_WORKSPACE, 'sources'), path.join(workspace, 'sources'), { recursive: true });
}, SLOW);
afterAll(() => scratch.cleanup());

describe('copydesk search', () => {
  it('prints the matching articles with a marked snippet, and JSON with --json', async () => {
    const text = await copydesk('search', 'rotterd', '--workspace', workspace);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^1 article matches "rotterd"/);
    expect((await copydesk('search', 'lindemeer', '--workspace', workspace)).stdout).toMatch(/^2 articles match "lindemeer"/);
    expect(text.stdout).toMatch(/articles\/rotterdam-terminal-strike[^\n]*\.json {2}Rotterdam terminal strike talks/);
    // A match in the headline alone shows the dek; a match in the text is marked in its passage.
    const passage = await copydesk('search', 'backlog', '--workspace', workspace);
    expect(passage.stdout).toMatch(/\*backlog\*/);
    const json = await copydesk('search', 'status:draft', '--json', '--workspace', workspace);
    const parsed = JSON.parse(json.stdout) as { total: number; hits: Array<{ id: string; slug: string; snippet: { text: string } }> };
    expect(parsed.total).toBeGreaterThan(0);
    expect(parsed.hits[0]!.slug).not.toBe('');
  }, SLOW);

  it('exits 1 when nothing matches and 2 on bad usage, writing nothing', async () => {
    const none = await copydesk('search', 'zzzqqqxxx', '--workspace', workspace);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^0 articles match/);
    expect((await copydesk('search', '--workspace', workspace)).code).toBe(2);
    expect((await copydesk('search', 'x', '--limit', 'many', '--workspace', workspace)).stderr).toMatch(/--limit must be a whole number/);
    // Searching reads only: nothing appears under .copydesk/.
    expect(await readdir(workspace)).toEqual(['articles', 'sources']);
  }, SLOW);
});

describe('copydesk tags', () => {
  it('lists tags with counts, renames one across the workspace, and refuses an unknown one', async () => {
    const before = await copydesk('tags', '--json', '--workspace', workspace);
    const tags = (JSON.parse(before.stdout) as { tags: Array<{ name: string; count: number }> }).tags;
    expect(tags.length).toBeGreaterThan(0);
    const tag = tags[0]!;
    const renamed = await copydesk('tags', 'rename', tag.name, 'renamed-by-cli', '--workspace', workspace);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toMatch(new RegExp(`^Renamed "${tag.name}" to "renamed-by-cli" on ${tag.count} article`));
    const after = await copydesk('tags', 'list', '--workspace', workspace);
    expect(after.stdout).toMatch(new RegExp(`${tag.count}  renamed-by-cli`));
    const files = await readdir(path.join(workspace, 'articles'));
    let carrying = 0;
    for (const name of files) if ((JSON.parse(await readFile(path.join(workspace, 'articles', name), 'utf8')) as { meta: { tags: string[] } }).meta.tags.includes('renamed-by-cli')) carrying++;
    expect(carrying).toBe(tag.count);
    const unknown = await copydesk('tags', 'rename', 'no-such-tag', 'x', '--workspace', workspace);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No article carries the tag "no-such-tag"/);
    expect((await copydesk('tags', 'rename', 'only-one', '--workspace', workspace)).code).toBe(2);
  }, SLOW);
});
