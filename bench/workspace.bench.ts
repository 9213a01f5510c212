/**
 * Workspace figures: autosave of one article. Opening and rebuilding a 10,000-article
 * workspace are measured with the library (library.bench.ts), on generated articles.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, closeSync, fsyncSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiHost } from '../src/core/api/api-host';
import { serializeArticle } from '../src/core/articles/article-file';
import { Workspace } from '../src/core/workspace/workspace';
import type { ArticleFile, LexicalBody } from '../src/shared/article';
import { median, percentile, scaled, type Figure } from './report';

const WORDS = 'the council said on monday that 99,000 households would receive the subsidy before winter while unions warned of delays'.split(' ');

export function bodyOfWords(words: number): LexicalBody {
  const children = [];
  let left = words;
  let i = 0;
  while (left > 0) {
    const n = Math.min(left, 60);
    const text = Array.from({ length: n }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' ');
    children.push(
      i % 8 === 7
        ? { type: 'heading', tag: 'h2', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text: text.slice(0, 40), format: 0, detail: 0, mode: 'normal', style: '' }] }
        : { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] },
    );
    left -= n;
    i++;
  }
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } };
}

export function articleFile(headline: string, words: number): ArticleFile {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    id: randomUUID(),
    meta: {
      headline,
      dek: 'A dek.',
      kicker: 'Analysis',
      section: 'Politics',
      bylines: ['Desk'],
      dateline: '',
      language: 'en',
      tags: ['bench'],
      status: 'draft',
      aiDisclosure: '',
      slugLocked: false,
      sourceIds: [],
      related: [],
      createdAt: now,
      updatedAt: now,
    },
    body: bodyOfWords(words),
    review: { decisions: [] },
  };
}

/** The baseline for autosave: temp file, fsync, rename, folder fsync of the same bytes. */
export function tempRename(file: string, bytes: string): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, bytes);
  const fd = openSync(temp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, file);
  const dir = openSync(path.dirname(file), 'r');
  fsyncSync(dir);
  closeSync(dir);
}

async function autosave(root: string, words: number, rounds: number): Promise<Figure> {
  const ws = await Workspace.open(path.join(root, `autosave-${words}`), { watch: false, indexWriteDelayMs: 60_000 });
  const handle = createApiHost(ws).call;
  const created = await ws.articles.create({ headline: `Autosave ${words}` });
  let revision = created.revision;
  // Three bodies, as an editor's successive states; built before timing starts.
  const bodies = [0, 1, 2].map((extra) => bodyOfWords(words + extra));
  const file = path.join(root, `baseline-${words}.json`);
  const payloads = bodies.map((body) => serializeArticle({ ...articleFile('baseline', 0), body }));
  const times: number[] = [];
  const base: number[] = [];
  // Each save and its baseline write take turns, so both meet the disk as it is at that moment
  // (on a shared machine, fsync times drift within seconds).
  for (let i = 0; i < rounds + 5; i++) {
    let started = performance.now();
    // Through the API handler, as the renderer's save arrives: validation, then the write.
    const result = await handle('articles.save', { id: created.id, baseRevision: revision, body: bodies[i % 3] });
    if (!result.ok) throw new Error(result.error.message);
    revision = (result.value as { revision: string }).revision;
    if (i >= 5) times.push(performance.now() - started);
    started = performance.now();
    tempRename(file, payloads[i % 3]!);
    if (i >= 5) base.push(performance.now() - started);
  }
  await ws.close();
  return {
    what: `autosave, ${words.toLocaleString('en-US')}-word article (median of ${rounds}; p95 ${percentile(times, 95).toFixed(1)} ms)`,
    measured: median(times),
    baseline: median(base),
    baselineLabel: 'temp file + fsync + rename',
    budget: 3,
    budgetOverBaseline: true,
  };
}

export async function workspaceFigures(): Promise<Figure[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-'));
  try {
    return [await autosave(root, 2_000, scaled(60, 20)), await autosave(root, 20_000, scaled(30, 10))];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

