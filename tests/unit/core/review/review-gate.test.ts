/**
 * The approval gate and decisions through the API host, on a copy of the sample
 * workspace: approving is refused while claims are open, decisions are kept, and an
 * override needs a written reason that is recorded.
 */
import { cp } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../../src/core/api/api-host';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { SAMPLE_WORKSPACE } from '../../../../src/host/app-paths';
import type { ApiResponse } from '../../../../src/shared/contract';
import { tempDir } from '../../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
let host: ApiHost;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await cp(SAMPLE_WORKSPACE, dir, { recursive: true });
  ws = await Workspace.open(dir, { watch: false });
  host = createApiHost(ws);
});
afterEach(async () => {
  host.dispose();
  await ws.close();
  await cleanup();
});

async function call<M extends Parameters<ApiHost['call']>[0]>(method: M, payload: unknown) {
  const result = await host.call(method, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value;
}

const rotterdam = () => ws.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!;

describe('the approval gate', () => {
  it('refuses while claims are open, naming them; an override needs a reason and is recorded', async () => {
    const id = rotterdam().id;
    const check = (await call('review.check', { id })) as ApiResponse<'review.check'>;
    expect(check.open).toBeGreaterThan(0);
    const refused = await host.call('articles.setStatus', { id, baseRevision: check.article.revision, status: 'approved', by: 'Marta' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok) expect(refused.error.issues).toHaveLength(check.open);
    const blank = await host.call('articles.setStatus', { id, baseRevision: check.article.revision, status: 'approved', by: 'Marta', override: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'refused' } });
    const approved = (await call('articles.setStatus', { id, baseRevision: check.article.revision, status: 'approved', by: 'Marta', override: 'Desk head signed off the remaining figures' })) as ApiResponse<'articles.setStatus'>;
    expect(approved.summary.status).toBe('approved');
    const article = await ws.articles.get(id);
    expect(article.review.history?.at(-1)).toMatchObject({ from: 'in-review', to: 'approved', by: 'Marta', override: 'Desk head signed off the remaining figures' });
  });

  it('lets an article through once every open claim is verified, and a disputed one stops it again', async () => {
    const id = rotterdam().id;
    const check = (await call('review.check', { id })) as ApiResponse<'review.check'>;
    let revision = check.article.revision;
    const open = check.claims.filter((c) => c.status !== 'backed');
    for (const claim of open) {
      revision = ((await call('review.decide', { id, baseRevision: revision, claimId: claim.id, decision: 'verified', by: 'Marta', text: claim.text })) as ApiResponse<'review.decide'>).revision;
    }
    const again = (await call('review.check', { id })) as ApiResponse<'review.check'>;
    expect(again.open).toBe(0);
    expect(again.claims.find((c) => c.id === open[0]!.id)?.decision).toMatchObject({ decision: 'verified', by: 'Marta' });
    // A backed claim disputed by the reviewer blocks approval.
    const backed = again.claims.find((c) => c.status === 'backed')!;
    revision = ((await call('review.decide', { id, baseRevision: revision, claimId: backed.id, decision: 'disputed', by: 'Marta', comment: 'The source is a press release' })) as ApiResponse<'review.decide'>).revision;
    expect(await host.call('articles.setStatus', { id, baseRevision: revision, status: 'approved', by: 'Marta' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    revision = ((await call('review.decide', { id, baseRevision: revision, claimId: backed.id, decision: null, by: 'Marta' })) as ApiResponse<'review.decide'>).revision;
    const approved = (await call('articles.setStatus', { id, baseRevision: revision, status: 'approved', by: 'Marta' })) as ApiResponse<'articles.setStatus'>;
    expect(approved.summary.status).toBe('approved');
  });

  it('writes a report with every claim, escaped', async () => {
    const id = rotterdam().id;
    const md = (await call('review.report', { id, format: 'md' })) as ApiResponse<'review.report'>;
    expect(md.fileName).toMatch(/^rotterdam-.*-review\.md$/);
    expect(md.text).toMatch(/^# Review: Rotterdam/);
    const html = (await call('review.report', { id, format: 'html' })) as ApiResponse<'review.report'>;
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain('difficult but businesslike');
  });
});

describe('an approval past open claims, at export', () => {
  it('is not asked for again: the export gate accepts the claims and the manifest carries the reviewer’s reason', async () => {
    const { exportGate, buildBundle } = await import('../../../../src/core/export');
    const id = rotterdam().id;
    const before = await exportGate(ws, id);
    expect(before.problems.some((p) => p.code === 'open-claim')).toBe(true);
    const check = (await call('review.check', { id })) as ApiResponse<'review.check'>;
    await call('articles.setStatus', { id, baseRevision: check.article.revision, status: 'approved', by: 'Marta', override: 'Desk head signed off the figures' });
    const after = await exportGate(ws, id);
    expect(after.problems.filter((p) => p.code === 'open-claim' || p.code === 'disputed-claim')).toEqual([]);
    const bundle = await buildBundle(ws, id, { at: new Date('2026-11-28T09:00:00Z') });
    const manifest = JSON.parse(new TextDecoder().decode(bundle.files.find((f) => f.path === 'manifest.json')!.bytes));
    expect(manifest.approval).toMatchObject({ by: 'Marta', override: 'Desk head signed off the figures' });
  });
});

describe('the speaker of a quote', () => {
  it('is confirmed by a source whose author is that person, even when its text does not name them', async () => {
    const added = (await call('sources.add', {
      fields: { title: 'Statement by the mayor', type: 'document', author: [{ given: 'Rui', family: 'Moreira' }] },
      snapshot: { text: 'We will keep every village school open until the end of this mandate, whatever the review says.', origin: 'pasted' },
    })) as ApiResponse<'sources.add'>;
    if (added.status !== 'added') throw new Error('not added');
    const article = await ws.articles.create({ headline: 'Mayor promises schools', sourceIds: [added.source.id] });
    const { bodyOf } = await import('../../../helpers/temp');
    await ws.articles.save({ id: article.id, baseRevision: article.revision, body: bodyOf('“We will keep every village school open until the end of this mandate,” said Rui Moreira.') });
    const check = (await call('review.check', { id: article.id })) as ApiResponse<'review.check'>;
    expect(check.claims.find((c) => c.kind === 'quote')).toMatchObject({ status: 'backed', speakerConfirmed: true });
  });
});
