/**
 * Each sample article's bundle meets the standards a CMS or a wire checks it against:
 * ninjs 3.1 and CSL-JSON by their published schemas, schema.org JSON-LD with the fields
 * aggregators read, Markdown front matter a YAML reader takes, and a page with nothing
 * that runs or loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildBundle } from '../../../../src/core/export/build-bundle';
import type { Bundle } from '../../../../src/core/export/bundle-types';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { body, paragraph, text } from '../../../fixtures/export/body-nodes';
import { activeParts, AT, jsonOf, pageOf, sampleWorkspace, textOf, validators } from './export-helpers';

const AI_TYPE = 'https://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';

describe('bundles of the sample articles', () => {
  let workspace: Workspace;
  let cleanup: () => Promise<void>;
  const bundles: Array<{ slug: string; bundle: Bundle; ai: boolean; sourceIds: string[]; related: string[] }> = [];
  let check: Awaited<ReturnType<typeof validators>>;

  beforeAll(async () => {
    ({ workspace, cleanup } = await sampleWorkspace());
    check = await validators();
    for (const summary of workspace.articles.list().articles) {
      const article = await workspace.articles.get(summary.id);
      // The samples have open claims on purpose (the review's answer key): exported past the gate (the approved one passes it).
      const bundle = await buildBundle(workspace, summary.id, { at: AT, override: 'test export of the samples' });
      bundles.push({ slug: summary.slug, bundle, ai: article.meta.aiDisclosure !== '', sourceIds: article.meta.sourceIds, related: article.meta.related });
    }
  });
  afterAll(() => cleanup());

  it('covers the four samples, one of them AI content, with validators that do refuse bad files', () => {
    expect(bundles).toHaveLength(4);
    expect(bundles.filter((b) => b.ai)).toHaveLength(1);
    const ninjs = jsonOf(bundles[0]!.bundle, 'ninjs.json');
    expect(check.ninjs({ ...ninjs, versionCreated: 'yesterday' })).toBe(false);
    expect(check.ninjs({ ...ninjs, byline: 'not a ninjs field' })).toBe(false);
    expect(check.csl([{ id: 'x', type: 'not-a-type' }])).toBe(false);
    expect(check.csl([{ id: 'x', type: 'report', publisherr: 'typo' }])).toBe(false);
  });

  it('gives a ninjs.json valid against the ninjs 3.1 schema, with the article’s fields', () => {
    for (const { slug, bundle, ai, related } of bundles) {
      const ninjs = jsonOf(bundle, 'ninjs.json');
      expect(check.ninjs(ninjs), `${slug}: ${JSON.stringify(check.ninjs.errors)}`).toBe(true);
      expect(ninjs.uri).toBe(`urn:uuid:${bundle.articleId}`);
      expect(ninjs.type).toBe('text');
      expect(ninjs.versionCreated).toBe(AT.toISOString());
      expect(ninjs.language).toBe('en');
      const bodies = ninjs.bodies as Array<{ contentType: string; value: string }>;
      expect(bodies.map((b) => b.contentType)).toEqual(['text/html', 'text/plain']);
      expect(bodies[0]!.value).toContain('<h2>');
      expect(bodies[1]!.value).not.toContain('<');
      expect((ninjs.headlines as Array<{ value: string }>)[0]!.value.length).toBeGreaterThan(10);
      expect(typeof ninjs.by).toBe('string');
      expect((ninjs.subjects as Array<{ rel: string }>).some((s) => s.rel === 'section')).toBe(true);
      expect(((ninjs.associations as unknown[] | undefined) ?? []).length).toBe(related.length);
      expect(ninjs.digitalSourceType ? (ninjs.digitalSourceType as { uri: string }).uri : null).toBe(ai ? AI_TYPE : null);
    }
  });

  it('gives a sources.json valid against the CSL-JSON schema, one item per cited source, each with its snapshot beside it', () => {
    for (const { slug, bundle, sourceIds } of bundles) {
      const items = JSON.parse(textOf(bundle, 'sources.json')) as Array<{ id: string }>;
      expect(check.csl(items), `${slug}: ${JSON.stringify(check.csl.errors)}`).toBe(true);
      expect(items.map((i) => i.id)).toEqual(sourceIds);
      for (const id of sourceIds) expect(textOf(bundle, `sources/${id}.txt`).length).toBeGreaterThan(1000);
    }
  });

  it('puts schema.org JSON-LD in the head with the fields search engines read', () => {
    for (const { slug, bundle, ai } of bundles) {
      const { scripts } = pageOf(textOf(bundle, 'index.html'));
      expect(scripts).toHaveLength(1);
      const ld = JSON.parse(scripts[0]!.textContent ?? '') as Record<string, unknown>;
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type'], slug).toBe('AnalysisNewsArticle');
      for (const field of ['headline', 'description', 'datePublished', 'dateModified', 'articleSection', 'inLanguage']) expect(typeof ld[field], `${slug} ${field}`).toBe('string');
      expect((ld.author as Array<{ '@type': string; name: string }>).every((a) => a['@type'] === 'Person' && a.name)).toBe(true);
      expect(Array.isArray(ld.keywords)).toBe(true);
      expect(ld.wordCount).toBeGreaterThan(300);
      expect(ld.timeRequired).toMatch(/^PT\d+M$/);
      expect((ld.citation as unknown[]).length).toBeGreaterThan(0);
      expect(ld.isBasedOn).toEqual(ld.citation);
      expect(ld.digitalSourceType ?? null).toBe(ai ? AI_TYPE : null);
    }
  });

  it('gives an index.html with no script but the JSON-LD, no handler, no unsafe URL, nothing loaded from elsewhere', () => {
    for (const { slug, bundle } of bundles) {
      const html = textOf(bundle, 'index.html');
      expect(activeParts(html), slug).toEqual([]);
      const { document } = pageOf(html);
      expect(document.querySelector('h1')?.textContent?.length).toBeGreaterThan(10);
      expect(document.querySelector('.kicker')?.textContent).toMatch(/Analysis/);
      expect(document.querySelector('.byline')?.textContent).toMatch(/^By /);
      expect(document.querySelector('.meta')?.textContent).toMatch(/\d+ min read/);
      expect(document.querySelector('.sources li')).not.toBeNull();
    }
  });

  it('gives an article.md whose front matter a YAML reader takes, with the fields static site generators use', () => {
    for (const { slug, bundle } of bundles) {
      const markdown = textOf(bundle, 'article.md');
      const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
      expect(match, slug).not.toBeNull();
      const fields = parseYaml(match![1]!) as Record<string, unknown>;
      expect(typeof fields.title).toBe('string');
      expect(typeof fields.description).toBe('string');
      expect(fields.slug).toBe(slug);
      expect(Array.isArray(fields.tags) && Array.isArray(fields.authors)).toBe(true);
      expect(new Date(String(fields.date)).toISOString()).toMatch(/^20\d\d-/);
      expect(markdown).toMatch(/\n## /);
      expect(markdown).toMatch(/\n## Sources\n\n1\. /);
    }
  });

  it('ends with a manifest listing every other file with its size and sha-256', () => {
    for (const { slug, bundle } of bundles) {
      const manifest = jsonOf(bundle, 'manifest.json') as { files: Array<{ path: string; size: number }>; generator: { version: string }; gate?: { override: string } };
      expect(bundle.files.at(-1)!.path).toBe('manifest.json');
      expect(manifest.files.map((f) => f.path)).toEqual(bundle.files.slice(0, -1).map((f) => f.path));
      expect(manifest.generator.version).toMatch(/^\d+\.\d+\.\d+/);
      // The approved sample passes the gate: no override to record.
      expect(manifest.gate?.override ?? null).toBe(slug.startsWith('lindemeer-heating') ? null : 'test export of the samples');
    }
  });
});

describe('ninjs pubStatus', () => {
  let workspace: Workspace;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ workspace, cleanup } = await sampleWorkspace()));
  afterAll(() => cleanup());

  const pubStatusOf = async (id: string, override?: string) => {
    const ninjs = jsonOf(await buildBundle(workspace, id, { at: AT, override }), 'ninjs.json');
    const { ninjs: valid } = await validators();
    expect(valid(ninjs), JSON.stringify(valid.errors)).toBe(true);
    return ninjs.pubStatus;
  };

  it('is "usable" only for approved copy that passed the gate (or was approved past its claims with a reason), "withheld" otherwise', async () => {
    const draft = await workspace.articles.create({ headline: 'Council meets on Tuesday' }, body(paragraph(text('The council meets on Tuesday.'))));
    expect(await pubStatusOf(draft.id)).toBe('withheld');
    const blocked = await workspace.articles.create({ headline: 'Council meets on TK' }, body(paragraph(text('The council meets on TK.'))));
    expect(await pubStatusOf(blocked.id, 'Desk: the date is due by noon')).toBe('withheld');

    const inReview = await workspace.review.setStatus({ id: draft.id, baseRevision: draft.revision, status: 'in-review', by: 'Ana Lima' });
    expect(await pubStatusOf(draft.id)).toBe('withheld');
    await workspace.review.setStatus({ id: draft.id, baseRevision: inReview.revision, status: 'approved', by: 'Ana Lima' });
    expect(await pubStatusOf(draft.id)).toBe('usable');

    // Approved past its open claims with a recorded reason: the gate lets it through, and so does pubStatus.
    const rotterdam = workspace.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!;
    const { revision } = await workspace.articles.get(rotterdam.id);
    expect(await pubStatusOf(rotterdam.id, 'test export')).toBe('withheld');
    const reviewing = rotterdam.status === 'draft' ? await workspace.review.setStatus({ id: rotterdam.id, baseRevision: revision, status: 'in-review', by: 'Ana Lima' }) : { revision };
    await workspace.review.setStatus({ id: rotterdam.id, baseRevision: reviewing.revision, status: 'approved', by: 'Ana Lima', override: 'Figures confirmed by phone.' });
    expect(await pubStatusOf(rotterdam.id)).toBe('usable');
  });
});
