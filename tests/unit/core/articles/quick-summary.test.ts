/**
 * The rebuild's quick summary agrees with the full parse on every sample article, and
 * steps aside (null) for anything the schema would refuse, so the full parse names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText, quickSummary, summarize } from '../../../../src/core/articles/article-file';
import { SAMPLE_WORKSPACE } from '../../../../src/host/app-paths';

const dir = path.join(SAMPLE_WORKSPACE, 'articles');
const samples = readdirSync(dir).map((name) => ({ slug: name.replace(/\.json$/, ''), text: readFileSync(path.join(dir, name), 'utf8') }));

describe('quickSummary', () => {
  it('gives the same summary as the full parse', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const { slug, text } of samples) {
      const full = parseArticleText(text);
      if (!full.ok) throw new Error(full.error);
      expect(quickSummary(text, slug)).toEqual({ id: full.value.id, summary: summarize(full.value, slug) });
    }
  });

  it('leaves whatever the schema refuses to the full parse', () => {
    const article = JSON.parse(samples[0]!.text);
    const variants = [
      { ...article, id: 'not-a-uuid' },
      { ...article, schemaVersion: 2 },
      { ...article, meta: { ...article.meta, headline: 42 } },
      { ...article, meta: { ...article.meta, status: 'published' } },
      { ...article, meta: { ...article.meta, tags: ['x'.repeat(101)] } },
      { ...article, meta: { ...article.meta, updatedAt: 'yesterday' } },
      { ...article, body: { root: { type: 'paragraph', children: [] } } },
      { ...article, review: {} },
    ];
    for (const variant of variants) {
      const text = JSON.stringify(variant);
      expect(quickSummary(text, 'x')).toBeNull();
      expect(parseArticleText(text).ok).toBe(false);
    }
    expect(quickSummary('{"schemaVersion": 1,', 'x')).toBeNull();
  });
});
