/**
 * The pre-export gate names what stops publication, each problem with its code; a bundle
 * is refused while there are problems unless a written reason overrides them, and that
 * reason and the problems go into the manifest. An article with every claim backed or
 * verified passes with nothing to override.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportGate } from '../../../../src/core/export/article-state';
import { buildBundle } from '../../../../src/core/export/build-bundle';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { ApiError } from '../../../../src/shared/errors';
import { body, paragraph, text } from '../../../fixtures/export/body-nodes';
import { AT, jsonOf, sampleWorkspace } from './export-helpers';

const codes = async (workspace: Workspace, id: string) => (await exportGate(workspace, id)).problems.map((p) => p.code).sort();

describe('the export gate', () => {
  let workspace: Workspace;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ workspace, cleanup } = await sampleWorkspace()));
  afterEach(() => cleanup());

  it('names a missing headline, TKs and editor notes, broken related links and sources not in the library', async () => {
    const article = await workspace.articles.create(
      { headline: '  ', related: ['00000000-0000-4000-8000-000000000000'], sourceIds: ['a-source-that-was-deleted'] },
      body(paragraph(text('The council will vote on TK. [[check the date with the clerk]]'))),
    );
    const { problems } = await exportGate(workspace, article.id);
    expect(problems.map((p) => p.code).sort()).toEqual(['broken-related', 'editor-note', 'editor-note', 'missing-source', 'no-headline']);
    expect(problems.find((p) => p.code === 'broken-related')!.message).toContain('00000000-0000-4000-8000-000000000000');
    expect(problems.filter((p) => p.code === 'editor-note').map((p) => p.message).join(' ')).toMatch(/“TK”.*check the date with the clerk/);
  });

  it('names a kicker that mentions AI when there is no disclosure, and not once a disclosure is set', async () => {
    const article = await workspace.articles.create({ headline: 'A headline', kicker: 'AI Analysis' }, body(paragraph(text('Nothing to check here.'))));
    expect(await codes(workspace, article.id)).toEqual(['ai-undisclosed']);
    await workspace.articles.save({ id: article.id, baseRevision: article.revision, meta: { aiDisclosure: 'Drafted by a model from the sources; checked by the desk.' } });
    expect(await codes(workspace, article.id)).toEqual([]);
    const plain = await workspace.articles.create({ headline: 'Another', kicker: 'Fair analysis' }, body(paragraph(text('Nothing.'))));
    expect(await codes(workspace, plain.id)).toEqual([]);
  });

  it('names claims that are neither backed nor verified, and disputed ones, until reviewers decide them', async () => {
    const id = workspace.articles.list().articles.find((a) => a.slug.startsWith('what-lindemeer'))!.id;
    const check = await workspace.review.check(id);
    const unbacked = check.claims.filter((c) => c.status !== 'backed');
    expect(unbacked.length).toBeGreaterThan(2);
    expect((await exportGate(workspace, id)).problems.filter((p) => p.code === 'open-claim')).toHaveLength(unbacked.length);
    const decide = async (claimId: string, decision: 'verified' | 'disputed' | 'needs-source') => {
      const { revision } = await workspace.articles.get(id);
      await workspace.review.decide({ id, baseRevision: revision, claimId, decision, by: 'Reviewer', comment: 'checked' });
    };
    await decide(unbacked[0]!.id, 'disputed');
    await decide(unbacked[1]!.id, 'needs-source');
    for (const claim of unbacked.slice(2)) await decide(claim.id, 'verified');
    const { problems } = await exportGate(workspace, id);
    expect(problems.map((p) => p.code).sort()).toEqual(['disputed-claim', 'open-claim']);
    expect(problems.find((p) => p.code === 'disputed-claim')!.message).toContain(unbacked[0]!.text.slice(0, 20));
    // Both verified: nothing stops it, so no override is needed and none is recorded.
    await decide(unbacked[0]!.id, 'verified');
    await decide(unbacked[1]!.id, 'verified');
    expect((await exportGate(workspace, id)).problems).toEqual([]);
    const bundle = await buildBundle(workspace, id, { at: AT, override: 'not needed' });
    expect(jsonOf(bundle, 'manifest.json').gate).toBeUndefined();
    expect(bundle.files.map((f) => f.path)).toContain('review.md');
  });

  it('refuses a bundle while problems remain, unless a written reason is given, which the manifest keeps', async () => {
    const article = await workspace.articles.create({ headline: '', kicker: 'AI' }, body(paragraph(text('TK'))));
    const refused = await buildBundle(workspace, article.id, { at: AT }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('refused');
    expect((refused as ApiError).issues?.map((i) => i.path).sort()).toEqual(['ai-undisclosed', 'editor-note', 'no-headline']);
    expect(await buildBundle(workspace, article.id, { at: AT, override: '   ' }).catch((e: unknown) => (e as ApiError).code)).toBe('refused');
    const bundle = await buildBundle(workspace, article.id, { at: AT, override: 'Desk chief: publishing the placeholder on purpose' });
    const gate = jsonOf(bundle, 'manifest.json').gate as { override: string; problems: Array<{ code: string }> };
    expect(gate.override).toBe('Desk chief: publishing the placeholder on purpose');
    expect(gate.problems.map((p) => p.code).sort()).toEqual(['ai-undisclosed', 'editor-note', 'no-headline']);
  });

  it('says an approval past open claims let them through, by whom, with the reason, and which claims', async () => {
    const id = workspace.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!.id;
    const open = (await exportGate(workspace, id)).problems.filter((p) => p.code === 'open-claim' || p.code === 'disputed-claim');
    expect(open.length).toBeGreaterThan(2);
    expect((await exportGate(workspace, id)).approval).toBeNull();
    let { revision } = await workspace.articles.get(id);
    if ((await workspace.articles.get(id)).meta.status === 'draft') ({ revision } = await workspace.review.setStatus({ id, baseRevision: revision, status: 'in-review', by: 'Ana Lima' }));
    await workspace.review.setStatus({ id, baseRevision: revision, status: 'approved', by: 'Ana Lima', override: '  Figures confirmed by phone.  ' });
    const gate = await exportGate(workspace, id);
    expect(gate.problems).toEqual([]);
    expect(gate.approval).toMatchObject({ by: 'Ana Lima', reason: 'Figures confirmed by phone.' });
    expect(gate.approval!.problems.map((p) => p.message)).toEqual(open.map((p) => p.message));
  });

  it('puts review.md in a draft bundle exported past the gate, with the open claims it went past', async () => {
    const id = workspace.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!.id;
    const article = await workspace.articles.get(id);
    expect(article.review.decisions).toEqual([]);
    expect(article.review.history ?? []).toEqual([]);
    const bundle = await buildBundle(workspace, id, { at: AT, override: 'Desk: publishing with the claims open' });
    const review = bundle.files.find((f) => f.path === 'review.md');
    expect(review, 'review.md').toBeDefined();
    const report = new TextDecoder().decode(review!.bytes);
    const open = (await exportGate(workspace, id)).problems.filter((p) => p.code === 'open-claim');
    expect(open.length).toBeGreaterThan(0);
    expect(report).toContain(`, ${open.length} open.`);
    expect((jsonOf(bundle, 'manifest.json').files as Array<{ path: string }>).map((f) => f.path)).toContain('review.md');
  });

  it('lets the sample’s approved article through: approval is refused while claims are open, so its claims are settled by recorded decisions', async () => {
    const approved = workspace.articles.list().articles.filter((a) => a.status === 'approved');
    expect(approved.map((a) => a.slug)).toEqual(['lindemeer-heating-subsidy-reaches-fewer-than-half-of-eligible-households']);
    for (const summary of approved) {
      const article = await workspace.articles.get(summary.id);
      expect((await workspace.review.check(summary.id)).open).toBe(0);
      expect(article.review.history?.at(-1)).toMatchObject({ to: 'approved' });
      expect(article.review.history?.at(-1)?.override).toBeUndefined();
      expect(await exportGate(workspace, summary.id)).toEqual({ problems: [], approval: null });
    }
  });
});
