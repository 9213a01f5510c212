/**
 * What the export tests share: the sample workspace copied into a temp folder and opened,
 * the standards' validators (Ajv with the published schemas), the page's own checks made
 * with linkedom (independent of the exporter's), and small readers of a bundle's files.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parseHTML } from 'linkedom';
import { SAMPLE_WORKSPACE, PROJECT_ROOT } from '../../../../src/host/app-paths';
import type { Bundle } from '../../../../src/core/export/bundle-types';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { tempDir } from '../../../helpers/temp';

export const AT = new Date('2026-12-01T09:30:00.000Z');

/** The sample workspace in a fresh temp folder, opened without watchers. */
export async function sampleWorkspace(): Promise<{ workspace: Workspace; dir: string; root: string; cleanup: () => Promise<void> }> {
  const temp = await tempDir('copydesk-export-');
  const dir = path.join(temp.dir, 'workspace');
  await cp(SAMPLE_WORKSPACE, dir, { recursive: true });
  const workspace = await Workspace.open(dir, { watch: false });
  return {
    workspace,
    dir,
    root: temp.dir,
    cleanup: async () => {
      await workspace.close();
      await temp.cleanup();
    },
  };
}

const standards = path.join(PROJECT_ROOT, 'resources', 'standards');
const readJson = async (file: string) => JSON.parse(await readFile(path.join(standards, file), 'utf8')) as Record<string, unknown>;

/** ninjs 3.1 (JSON Schema 2020-12, with the GeoJSON schema it refers to) and CSL-JSON (draft-07), formats checked. */
export async function validators() {
  const ajv2020 = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv2020);
  ajv2020.addSchema(await readJson('ninjs/GeoJSON-schema.json'));
  const ninjs = ajv2020.compile(await readJson('ninjs/ninjs-schema_3.1.json'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const csl = ajv.compile(await readJson('csl/csl-data.json'));
  return { ninjs, csl };
}

export const fileOf = (bundle: Bundle, name: string): Uint8Array => {
  const file = bundle.files.find((f) => f.path === name);
  if (!file) throw new Error(`the bundle has no ${name}`);
  return file.bytes;
};
export const textOf = (bundle: Bundle, name: string): string => new TextDecoder().decode(fileOf(bundle, name));
export const jsonOf = (bundle: Bundle, name: string): Record<string, unknown> => JSON.parse(textOf(bundle, name)) as Record<string, unknown>;
export const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface Element {
  tagName: string;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  parentElement: Element | null;
}

/** The page read as a browser would see it, for the tests' own checks. */
export function pageOf(html: string) {
  const { document } = parseHTML(html) as unknown as { document: { querySelectorAll(s: string): ArrayLike<Element>; querySelector(s: string): Element | null } };
  const all = Array.from(document.querySelectorAll('*'));
  const scripts = all.filter((e) => e.tagName.toLowerCase() === 'script');
  return { document, all, scripts };
}

const SAFE = /^(https?:\/\/|mailto:|#)/i;
const LOADING_TAGS = ['img', 'iframe', 'frame', 'object', 'embed', 'link', 'video', 'audio', 'source', 'track', 'image', 'base', 'form', 'input', 'svg', 'math', 'picture'];

/** What a page holds that could run or load: everything it should not. */
export function activeParts(html: string): string[] {
  const { all, scripts } = pageOf(html);
  const found: string[] = [];
  for (const script of scripts) {
    if (script.getAttribute('type') !== 'application/ld+json' || script.parentElement?.tagName.toLowerCase() !== 'head') found.push('script');
  }
  if (scripts.length !== 1) found.push(`${scripts.length} scripts`);
  for (const element of all) {
    const tag = element.tagName.toLowerCase();
    if (LOADING_TAGS.includes(tag)) found.push(`<${tag}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (/^on/i.test(name)) found.push(`${name} on <${tag}>`);
      if (name === 'style') found.push(`style on <${tag}>`);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background'].includes(name.toLowerCase()) && !SAFE.test(value.trim())) found.push(`${name}=${value} on <${tag}>`);
    }
    if (tag === 'style' && /url\(|@import/i.test(element.textContent ?? '')) found.push('a style that loads');
  }
  return found;
}

/** Every file under a folder (relative paths), for "nothing was written elsewhere". */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

/**
 * The files under a workspace that hold its data: what .copydesk/ keeps for itself (the
 * index, the search index, the write lock and their temporary files, all written in the
 * background whenever the workspace likes) left out, its history and trash kept in.
 */
export async function dataFilesUnder(root: string): Promise<string[]> {
  return (await filesUnder(root)).filter((name) => {
    const inside = /(?:^|\/)\.copydesk\/(.*)$/.exec(name);
    return !inside || /^(history|trash)(\/|$)/.test(inside[1]!);
  });
}
