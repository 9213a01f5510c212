/**
 * Promise 7, for reads: what another program leaves in a workspace (FIFOs, devices,
 * links, huge files, bytes that are not text) is refused with a reason, at once, without
 * reading what it leads to. Real files in a temp folder; each case runs through both the
 * synchronous and the asynchronous read, which must give the same answer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readUserFile, readUserFileSync, type FileRead, type ReadOptions } from '../../../../src/core/storage/read-file';
import { bundleForNode } from '../../../helpers/child';
import { tempDir } from '../../../helpers/temp';

let scratch: { dir: string; cleanup: () => Promise<void> };
let childScript: string;
beforeAll(async () => {
  scratch = await tempDir('copydesk-read-child-');
  childScript = await bundleForNode(path.join(__dirname, 'fixtures', 'read-child.ts'), scratch.dir);
});
afterAll(() => scratch.cleanup());

let dir: string;
let cleanup: () => Promise<void>;
let root: string;
let outside: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  root = path.join(dir, 'workspace');
  outside = path.join(dir, 'elsewhere');
  await mkdir(path.join(root, 'articles'), { recursive: true });
  await mkdir(outside);
});
afterEach(() => cleanup());

const article = (name: string) => path.join(root, 'articles', name);

/** Reads through both paths, checks they agree, and returns the answer. */
async function readBoth(file: string, options: Partial<ReadOptions> = {}): Promise<FileRead> {
  const sync = readUserFileSync(file, { root, ...options });
  const async = await readUserFile(file, { root, ...options });
  expect(async).toEqual(sync);
  return sync;
}

function refusal(read: FileRead): string {
  if (read.ok) throw new Error('the file was read');
  if (read.error.kind !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(read.error)}`);
  return read.error.reason;
}

describe('readUserFile and readUserFileSync', () => {
  it('read a file with the mtime and size of the bytes read', async () => {
    const text = '{"headline":"Talks in Rotterdam — “difficult but businesslike”"}';
    await writeFile(article('talks.json'), text);
    const read = await readBoth(article('talks.json'));
    const info = await stat(article('talks.json'));
    if (!read.ok) throw new Error('not read');
    // The text is decoded when first asked for: read it as a caller does.
    const { bytes, mtimeMs, size } = read.value;
    expect({ bytes, text: read.value.text, mtimeMs, size }).toEqual({ bytes: Buffer.from(text), text, mtimeMs: info.mtimeMs, size: info.size });
  });

  it('read an empty file as empty text', async () => {
    await writeFile(article('empty.json'), '');
    expect(await readBoth(article('empty.json'))).toMatchObject({ ok: true, value: { text: '', size: 0 } });
  });

  it('say a file is missing, and a file in a missing folder too', async () => {
    expect(await readBoth(article('gone.json'))).toEqual({ ok: false, error: { kind: 'missing' } });
    expect(await readBoth(path.join(root, 'sources', 'gone.json'))).toEqual({ ok: false, error: { kind: 'missing' } });
  });

  it.each(['sync', 'async'])('refuse a FIFO instead of waiting for a writer (%s, in a child)', (mode) => {
    execFileSync('mkfifo', [article('fifo.json')]);
    // No writer ever opens the FIFO: a read that waited for one would wait forever, so the
    // child is killed after 20 s. The limit only bounds how long a failure takes; a slow
    // machine cannot make a correct read fail.
    const child = spawnSync(process.execPath, [childScript, mode, article('fifo.json'), root], { timeout: 20_000, encoding: 'utf8' });
    expect(child.signal, 'the read blocked until the child was killed').toBeNull();
    expect(JSON.parse(child.stdout)).toEqual({ ok: false, error: { kind: 'refused', reason: 'it is a named pipe (FIFO), not a file' } });
  });

  it('refuse a socket', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(article('socket.json'), resolve));
    try {
      expect(refusal(await readBoth(article('socket.json')))).toBe('it is a socket, not a file');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuse a folder', async () => {
    await mkdir(article('folder.json'));
    expect(refusal(await readBoth(article('folder.json')))).toBe('it is a folder, not a file');
  });

  it('refuse a link to /dev/zero as a link, not for what the device turns out to be', async () => {
    await symlink('/dev/zero', article('zero.json'));
    expect(refusal(await readBoth(article('zero.json')))).toBe('it is a link to a file outside the workspace (/dev/zero); Copydesk does not follow it');
  });

  it('refuse a link to a file outside the workspace, and never show what it holds', async () => {
    const secret = path.join(outside, 'passwords.txt');
    await writeFile(secret, 'root:SECRET-OUTSIDE-LINE\n');
    await symlink(secret, article('passwd.json'));
    const read = await readBoth(article('passwd.json'));
    expect(JSON.stringify(read)).not.toContain('SECRET-OUTSIDE');
    expect(refusal(read)).toMatch(/^it is a link to a file outside the workspace \(.*elsewhere\/passwords\.txt\); Copydesk does not follow it$/);
  });

  it('refuse a link to another file inside the workspace too, saying where it points', async () => {
    // Read through, such a link would also be saved through: one article under two names.
    await writeFile(article('original.json'), '{"inside":true}');
    await symlink('original.json', article('alias.json'));
    expect(refusal(await readBoth(article('alias.json')))).toBe(
      `it is a link to ${path.join('articles', 'original.json')}; Copydesk does not follow links, even inside the workspace (put the file itself in place of the link)`,
    );
  });

  it('refuse a link that leads nowhere, and a link to itself', async () => {
    await symlink(path.join(outside, 'nothing.json'), article('dangling.json'));
    expect(refusal(await readBoth(article('dangling.json')))).toMatch(/^it is a link to .*nothing\.json, which does not exist/);
    await symlink('loop.json', article('loop.json'));
    expect(refusal(await readBoth(article('loop.json')))).toMatch(/link that points to itself/);
  });

  it('refuse a file inside a folder that is a link out of the workspace, and read through a folder link that stays inside', async () => {
    await writeFile(path.join(outside, 'a.json'), 'SECRET-FOLDER');
    await symlink(outside, path.join(root, 'sources'));
    const read = await readBoth(path.join(root, 'sources', 'a.json'));
    expect(JSON.stringify(read)).not.toContain('SECRET-FOLDER');
    expect(refusal(read)).toMatch(/^the folder sources is a link to .*elsewhere, outside the workspace; Copydesk does not follow it$/);

    await mkdir(path.join(root, 'drafts'));
    await writeFile(path.join(root, 'drafts', 'b.json'), 'inside');
    await symlink('drafts', path.join(root, 'linked-drafts'));
    expect(await readBoth(path.join(root, 'linked-drafts', 'b.json'))).toMatchObject({ ok: true, value: { text: 'inside' } });
  });

  it('notice a folder swapped for a link out of the workspace between two scans', async () => {
    await writeFile(article('a.json'), 'first');
    expect(readUserFileSync(article('a.json'), { root })).toMatchObject({ ok: true, value: { text: 'first' } });
    // The scan yields to the event loop between slices; a folder checked before is checked again after.
    await new Promise((resolve) => setImmediate(resolve));
    await rename(path.join(root, 'articles'), path.join(root, 'articles-moved'));
    await writeFile(path.join(outside, 'a.json'), 'SECRET-SWAPPED');
    await symlink(outside, path.join(root, 'articles'));
    const read = readUserFileSync(article('a.json'), { root });
    expect(JSON.stringify(read)).not.toContain('SECRET-SWAPPED');
    expect(refusal(read)).toMatch(/^the folder articles is a link to .*elsewhere, outside the workspace/);
  });

  it('refuse a path that is not inside the root at all, but read a name that merely begins with two dots', async () => {
    await writeFile(path.join(outside, 'x.json'), 'SECRET');
    expect(refusal(await readBoth(path.join(root, '..', 'elsewhere', 'x.json')))).toMatch(/^it lies outside the workspace/);
    await writeFile(path.join(root, '..draft.json'), 'mine');
    expect(await readBoth(path.join(root, '..draft.json'))).toMatchObject({ ok: true, value: { text: 'mine' } });
  });

  it('refuse a file over the cap without reading it, naming its size and the cap', async () => {
    await writeFile(article('big.json'), Buffer.alloc(100 * 1024, 0x61));
    expect(refusal(await readBoth(article('big.json'), { maxBytes: 64 * 1024 }))).toBe('it is 100 KB, more than the 64 KB Copydesk reads from one file');
    await writeFile(article('at-cap.json'), Buffer.alloc(64 * 1024, 0x61));
    expect(await readBoth(article('at-cap.json'), { maxBytes: 64 * 1024 })).toMatchObject({ ok: true, value: { size: 64 * 1024 } });
  });

  it('report bytes that are not UTF-8 as not text, keeping the bytes and naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from('{"headline":\n"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]); // Latin-1 é
    await writeFile(article('latin1.json'), bytes);
    const read = await readBoth(article('latin1.json'));
    expect(read).toEqual({
      ok: false,
      error: {
        kind: 'not-text',
        reason: expect.stringMatching(/^it is not UTF-8 text: line 2 has a byte that is not/),
        bytes,
        mtimeMs: (await stat(article('latin1.json'))).mtimeMs,
        size: bytes.length,
      },
    });
    // Valid multi-byte text is text; a sequence cut short at the end is not.
    await writeFile(article('fine.json'), 'naïve “quotes” 🗞️');
    expect(await readBoth(article('fine.json'))).toMatchObject({ ok: true, value: { text: 'naïve “quotes” 🗞️' } });
    await writeFile(article('cut.json'), Buffer.from('ok\n\n🗞').subarray(0, -1));
    expect(await readBoth(article('cut.json'))).toMatchObject({ ok: false, error: { kind: 'not-text', reason: expect.stringMatching(/line 3/) } });
  });

  it.skipIf(process.platform === 'win32')('say a file Copydesk may not read is unreadable', async () => {
    await writeFile(article('locked.json'), '{}');
    await chmod(article('locked.json'), 0o000);
    const expected = { ok: false, error: { kind: 'unreadable', reason: 'Copydesk is not allowed to read it (check its permissions)' } };
    if (process.getuid?.() !== 0) {
      expect(await readBoth(article('locked.json'))).toEqual(expected);
      return;
    }
    // Permissions do not stop root (as these tests run here): read as the user nobody instead.
    await chmod(dir, 0o755);
    await chmod(scratch.dir, 0o755);
    for (const mode of ['sync', 'async']) {
      const child = spawnSync(process.execPath, [childScript, mode, article('locked.json'), root], { uid: 65534, gid: 65534, timeout: 20_000, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual(expected);
    }
  });
});
