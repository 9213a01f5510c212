/**
 * Images in the workspace through the API host: stored once under assets/<sha256>.<ext>,
 * typed by their bytes, refused with a reason (SVG, not an image, too large) and nothing
 * written; read back checked against their name.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHandler } from '../../../../src/core/api/api-host';
import { sha256Hex } from '../../../../src/core/storage/sha256';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { MAX_ASSET_BYTES } from '../../../../src/shared/assets';
import { tinyPng } from '../../../helpers/images';
import { tempDir } from '../../../helpers/temp';

let ws: Workspace;
let call: ApiHandler;
let root: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  root = t.dir;
  ws = await Workspace.open(t.dir, { watch: false });
  call = createApiHost(ws).call;
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

const put = (fileName: string, bytes: Buffer) => call('assets.put', { fileName, data: bytes.toString('base64') });

describe('workspace images', () => {
  it('stores an image once, named by the sha-256 of its bytes and typed by its content', async () => {
    const png = tinyPng();
    const first = await put('photo.jpg', png);
    const name = `assets/${sha256Hex(png)}.png`;
    expect(first).toEqual({ ok: true, value: { asset: name, type: 'image/png', size: png.length, existed: false } });
    expect(await put('again.png', png)).toMatchObject({ ok: true, value: { asset: name, existed: true } });
    expect(await readdir(path.join(root, 'assets'))).toEqual([`${sha256Hex(png)}.png`]);
    const got = await call('assets.get', { asset: name });
    expect(got.ok && Buffer.from((got.value as { data: string }).data, 'base64').equals(png)).toBe(true);
  });

  it('refuses SVG, text named .png and images over the cap, with the reason, writing nothing', async () => {
    const svg = await put('logo.svg', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'));
    expect(svg).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!svg.ok && svg.error.message).toMatch(/SVG.*scripts.*PNG/);
    const fake = await put('fake.png', Buffer.from('just some text, not a picture'));
    expect(!fake.ok && fake.error.message).toMatch(/not a PNG, JPEG, GIF, WebP or AVIF/);
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(MAX_ASSET_BYTES)]);
    const big = await put('huge.png', huge);
    expect(!big.ok && big.error.message).toMatch(/limited to 15 MB/);
    expect(await readdir(path.join(root, 'assets'))).toEqual([]);
  });

  it('says an image is missing, and refuses one whose bytes no longer match its name', async () => {
    const png = tinyPng();
    const name = `assets/${sha256Hex(png)}.png`;
    expect(await call('assets.get', { asset: name })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('assets.get', { asset: '../articles/x.json' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await put('p.png', png);
    await writeFile(path.join(root, name), Buffer.concat([png, Buffer.from('tampered')]));
    const tampered = await call('assets.get', { asset: name });
    expect(!tampered.ok && tampered.error.message).toMatch(/no longer match its name/);
  });
});
