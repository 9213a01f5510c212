/**
 * Export figures: a publish-ready bundle (gate and review check, every file rendered and
 * sanitized, written and fsynced, zipped, renamed into place) of a 5,000-word article
 * citing 30 sources of 50 KB, beside node:zlib deflating the same bytes in the same run;
 * and the zip step alone beside the same baseline. The text is generated from a seed, so
 * every run exports the same thing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { buildBundle, writeBundle } from '../src/core/export';
import { zipBundle } from '../src/core/export/zip-writer';
import { Workspace } from '../src/core/workspace/workspace';
import { median, type Figure } from './report';

const WORDS = ['harbour', 'council', 'budget', 'roster', 'tender', 'subsidy', 'village', 'school', 'plant', 'contract', 'union', 'minister', 'report', 'figure', 'shift', 'canal', 'lease', 'region', 'grant', 'survey'];
const SMALL = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'for', 'on', 'with', 'was', 'by', 'at', 'as'];

/** mulberry32: a small seeded random generator. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const parts = Array.from({ length: words }, () => (next() < 0.4 ? SMALL[Math.floor(next() * SMALL.length)]! : WORDS[Math.floor(next() * WORDS.length)]!));
  if (next() < 0.3) parts.push(`${Math.floor(next() * 90_000).toLocaleString('en-US')}`);
  return `${parts[0]![0]!.toUpperCase()}${parts.join(' ').slice(1)}.`;
}

const textNode = (text: string, format = 0) => ({ type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' });
const blockOf = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, ...extra, children });

/** A body of about `words` words: subheads every eighth paragraph, quotes, and attributions to the sources. */
function articleBody(next: () => number, words: number, sourceIds: string[]) {
  const children: unknown[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    if (i % 8 === 7) {
      children.push(blockOf('heading', [textNode(sentence(next, 5))], { tag: 'h2' }));
      continue;
    }
    const sentences = Array.from({ length: 5 }, () => sentence(next, 14));
    count += sentences.join(' ').split(' ').length;
    const inline: unknown[] = [textNode(`${sentences.slice(0, 3).join(' ')} `), textNode('“A quoted line,” ', 2)];
    inline.push(blockOf('attribution', [textNode(sentences[3]!)], { sourceId: sourceIds[i % sourceIds.length], locator: `para ${i}` }));
    inline.push(textNode(` ${sentences[4]}`, i % 5 === 0 ? 1 : 0));
    children.push(blockOf(i % 11 === 10 ? 'quote' : 'paragraph', inline, i % 11 === 10 ? {} : { textFormat: 0, textStyle: '' }));
  }
  return { root: { type: 'root' as const, version: 1, direction: null, format: '', indent: 0, children: children as Array<{ type: string }> } };
}

export async function exportFigures(): Promise<Figure[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'copydesk-export-bench-'));
  const workspace = await Workspace.open(path.join(root, 'workspace'), { watch: false });
  try {
    const next = random(20261201);
    const sourceIds: string[] = [];
    for (let s = 0; s < 30; s++) {
      let text = '';
      while (text.length < 50_000) text += `${sentence(next, 18)} `;
      const added = await workspace.sources.add({ fields: { type: 'report', title: `Source ${s + 1}: ${sentence(next, 6)}`, issued: '2026-11-06', URL: `https://example.org/source/${s}` }, snapshot: { text, origin: 'pasted' }, allowDuplicate: true });
      if (added.status === 'added') sourceIds.push(added.source.id);
    }
    const article = await workspace.articles.create(
      { headline: 'What the harbour deal does and does not promise', dek: sentence(next, 30), kicker: 'Analysis', section: 'Economy', bylines: ['Ana Lima'], tags: ['port', 'labour'], sourceIds },
      articleBody(next, 5_000, sourceIds),
    );
    const at = new Date('2026-12-01T09:30:00Z');
    const outDir = path.join(root, 'exports');
    const override = 'benchmark';
    const rounds = 9;
    const full: number[] = [];
    const zips: number[] = [];
    const baseline: number[] = [];
    let bundle = await buildBundle(workspace, article.id, { at, override });
    await writeBundle(bundle, outDir, { zip: true });
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      bundle = await buildBundle(workspace, article.id, { at, override });
      await writeBundle(bundle, outDir, { zip: true });
      full.push(performance.now() - t);
      t = performance.now();
      zipBundle(bundle.files, at);
      zips.push(performance.now() - t);
      t = performance.now();
      for (const file of bundle.files) deflateRawSync(file.bytes);
      baseline.push(performance.now() - t);
    }
    const bytes = bundle.files.reduce((sum, f) => sum + f.bytes.length, 0);
    const words = (JSON.parse(new TextDecoder().decode(bundle.files.find((f) => f.path === 'ninjs.json')!.bytes)) as { bodies: Array<{ wordCount: number }> }).bodies[0]!.wordCount;
    const label = `${(bytes / 1024 / 1024).toFixed(1)} MB in ${bundle.files.length} files, ${words} words`;
    return [
      { what: `export bundle: 5,000 words, 30 sources of 50 KB — build, write, zip (median of ${rounds})`, measured: median(full), baseline: median(baseline), baselineLabel: `node:zlib deflating the same bytes, ${label}`, budget: 300 },
      { what: `export bundle: the zip step alone (median of ${rounds})`, measured: median(zips), baseline: median(baseline), baselineLabel: 'node:zlib deflating the same bytes', budget: 1.25, budgetIsRatio: true },
    ];
  } finally {
    await workspace.close();
    await rm(root, { recursive: true, force: true });
  }
}
