/**
 * A bundle read back and checked, before anything is written: exactly the files its
 * manifest lists, each with the sha-256 the manifest gives; the article file as Copydesk
 * parses any article file (a body the editor cannot open is refused); the sources as
 * CSL-JSON with their snapshots.
 */
import { lstat, open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { loadBody } from '../../document/headless';
import type { ArticleFile } from '../../shared/article';
import { cslItemSchema, MAX_SNAPSHOT_CHARS, type CslItem } from '../../shared/source';
import { parseArticleBytes } from '../articles/article-file';
import { BUNDLE_FORMAT, snapshotPath } from './build-bundle';
import { refuse, type ReadLimits } from './bundle-entries';
import { readFolder } from './folder-reader';
import { readZip } from './zip-reader';
import { sha256Hex } from '../storage/sha256';
import { isAssetName, sniffImage } from '../../shared/assets';

export interface ReadBundle {
  article: ArticleFile;
  sources: Array<{ csl: CslItem; text: string | null }>;
  /** The images under assets/, by name (checked: an image kind, named by its sha-256). */
  assets: Map<string, Uint8Array>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(files: Map<string, Uint8Array>, name: string): string {
  const bytes = files.get(name);
  if (!bytes) throw refuse(`it has no ${name}.`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw refuse(`${name} is not UTF-8 text.`);
  }
}

function json(files: Map<string, Uint8Array>, name: string): unknown {
  try {
    return JSON.parse(text(files, name));
  } catch (error) {
    if (error instanceof SyntaxError) throw refuse(`${name} is not valid JSON.`);
    throw error;
  }
}

/** Every file the manifest lists is there with its sha-256, and nothing else is. */
function checkManifest(files: Map<string, Uint8Array>): void {
  const manifest = json(files, 'manifest.json') as { format?: unknown; files?: unknown };
  if (manifest?.format !== BUNDLE_FORMAT) throw refuse(`manifest.json is not a ${BUNDLE_FORMAT} manifest.`);
  if (!Array.isArray(manifest.files)) throw refuse('manifest.json lists no files.');
  const listed = new Set<string>(['manifest.json']);
  for (const entry of manifest.files as Array<{ path?: unknown; sha256?: unknown }>) {
    if (typeof entry?.path !== 'string' || typeof entry.sha256 !== 'string') throw refuse('manifest.json has a file without a path or a sha256.');
    const bytes = files.get(entry.path);
    if (!bytes) throw refuse(`${entry.path} is listed in the manifest but missing.`);
    if (sha256Hex(bytes) !== entry.sha256) throw refuse(`${entry.path} does not match its sha-256 in the manifest (changed or damaged).`);
    listed.add(entry.path);
  }
  for (const name of files.keys()) if (!listed.has(name)) throw refuse(`${name} is not listed in the manifest.`);
}

function parseBundle(files: Map<string, Uint8Array>): ReadBundle {
  checkManifest(files);
  const parsed = parseArticleBytes(files.get('article.json') ?? new Uint8Array());
  if (!parsed.ok) throw refuse(`article.json: ${parsed.error}.`);
  const loaded = loadBody(parsed.value.body);
  if (!loaded.ok) throw refuse(`the article's body cannot be opened by the editor (${loaded.error}).`);
  const items = json(files, 'sources.json');
  if (!Array.isArray(items)) throw refuse('sources.json is not a list of CSL-JSON items.');
  const sources = items.map((item, i) => {
    const checked = cslItemSchema.safeParse(item);
    if (!checked.success) throw refuse(`sources.json item ${i + 1}: ${checked.error.issues[0]?.path.join('.') || 'item'}: ${checked.error.issues[0]?.message ?? 'invalid'}.`);
    const path = snapshotPath(checked.data.id, i + 1);
    const snapshot = files.has(path) ? text(files, path) : null;
    if (snapshot !== null && snapshot.length > MAX_SNAPSHOT_CHARS) throw refuse(`${path} is longer than a snapshot may be.`);
    return { csl: checked.data, text: snapshot };
  });
  const assets = new Map<string, Uint8Array>();
  for (const [name, bytes] of files) {
    if (!name.startsWith('assets/')) continue;
    const extension = sniffImage(bytes);
    if (!isAssetName(name) || !extension || !name.endsWith(`/${sha256Hex(bytes)}.${extension}`)) throw refuse(`${name} is not an image named by its sha-256 (assets/<sha256>.<ext>).`);
    assets.set(name, bytes);
  }
  return { article: parsed.value, sources, assets };
}

/** Reads and checks a bundle (a zip file or a folder); nothing is written. */
export async function readBundle(zipOrFolder: string, limits: ReadLimits): Promise<ReadBundle> {
  const info = await lstat(zipOrFolder).catch(() => null);
  if (!info) throw refuse(`${zipOrFolder} does not exist.`);
  if (info.isSymbolicLink()) throw refuse(`${zipOrFolder} is a link; give the bundle itself.`);
  if (info.isDirectory()) return parseBundle(await readFolder(zipOrFolder, limits));
  if (!info.isFile()) throw refuse(`${zipOrFolder} is neither a zip file nor a folder.`);
  if (info.size > limits.maxTotalBytes) throw refuse(`${zipOrFolder} is larger than ${limits.maxTotalBytes} bytes.`);
  const handle = await open(zipOrFolder, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  let bytes: Uint8Array;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  if (bytes.length > limits.maxTotalBytes) throw refuse(`${zipOrFolder} is larger than ${limits.maxTotalBytes} bytes.`);
  return parseBundle(readZip(bytes, limits));
}
