/**
 * What the library tests set up as a script would: articles created through the API with
 * their fields and text, and their files read back from disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bodyOf, callApi } from './page-helpers';

export interface NewArticle {
  headline: string;
  paragraphs?: string[];
  tags?: string[];
  section?: string;
  bylines?: string[];
  dek?: string;
}

/** Creates an article with its fields and body; returns its id. */
export async function createArticle(app: Page, article: NewArticle): Promise<string> {
  const { paragraphs = [], ...meta } = article;
  const created = await callApi<{ id: string; revision: string }>(app, 'articles.create', { meta });
  if (paragraphs.length) await callApi(app, 'articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf(paragraphs) });
  return created.id;
}

/** Every article file of the workspace, parsed, by id. */
export async function articlesOnDisk(workspace: string): Promise<Map<string, { meta: { headline: string; tags: string[]; related: string[] } }>> {
  const dir = path.join(workspace, 'articles');
  const files = new Map<string, { meta: { headline: string; tags: string[]; related: string[] } }>();
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const parsed = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    files.set(parsed.id, parsed);
  }
  return files;
}
