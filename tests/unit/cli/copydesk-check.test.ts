/**
 * `copydesk check` as a user runs it: the built command in a child process on a copy of
 * the sample workspace, whose README is an answer key.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { SAMPLE_WORKSPACE } from '../../../src/host/app-paths';
import type { ApiResponse } from '../../../src/shared/contract';
import { copydesk, ensureBuiltCommand } from '../../helpers/copydesk-bin';
import { tempDir } from '../../helpers/temp';
import { body, paragraph, text } from '../../fixtures/export/body-nodes';


const ROTTERDAM = 'rotterdam-terminal-strike-talks-narrow-pay-gap-but-stall-on-shift-rosters';
let scratch: { dir: string; cleanup: () => Promise<void> };
let workspace: string;
beforeAll(async () => {
  await ensureBuiltCommand();
  scratch = await tempDir('copydesk-check-');
  workspace = path.join(scratch.dir, 'desk');
  await cp(SAMPLE_WORKSPACE, workspace, { recursive: true });
});
afterAll(() => scratch.cleanup());

describe('copydesk check', () => {
  it('prints exactly the documented JSON, and exits 1 while claims are not backed or verified', async () => {
    const result = await copydesk('check', ROTTERDAM, '--json', '--workspace', workspace);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { article: object; claims: Array<Record<string, unknown>>; warnings: string[] };
    expect(Object.keys(json)).toEqual(['article', 'claims', 'warnings']);
    expect(Object.keys(json.article)).toEqual(['id', 'slug', 'headline']);
    expect(json.claims.length).toBeGreaterThan(10);
    for (const claim of json.claims) {
      expect(Object.keys(claim)).toEqual(['id', 'kind', 'text', 'status', 'sourceId', 'passage', 'decision']);
      expect(['quote', 'figure', 'attribution']).toContain(claim.kind);
      expect(['backed', 'close', 'not-found', 'wrong-source', 'speaker-unconfirmed']).toContain(claim.status);
    }
    // The answer key: the negotiator's "difficult but businesslike" is a near quote.
    expect(json.claims.find((c) => String(c.text).startsWith('difficult but businesslike'))).toMatchObject({ kind: 'quote', status: 'close' });
    expect(json.claims.find((c) => c.text === '1,240')).toMatchObject({ kind: 'figure', status: 'backed' });
  });

  it('exits 0 once every open claim is verified, and writes the report', async () => {
    const ws = await Workspace.open(workspace, { watch: false });
    const host = createApiHost(ws);
    try {
      const article = ws.articles.list().articles.find((a) => a.slug === ROTTERDAM)!;
      const checked = await host.call('review.check', { id: article.id });
      if (!checked.ok) throw new Error(checked.error.message);
      const check = checked.value as ApiResponse<'review.check'>;
      let revision = check.article.revision;
      for (const claim of check.claims.filter((c) => c.status !== 'backed')) {
        const decided = await host.call('review.decide', { id: article.id, baseRevision: revision, claimId: claim.id, decision: 'verified', by: 'Marta Quintela', comment: 'Checked by phone' });
        if (!decided.ok) throw new Error(decided.error.message);
        revision = (decided.value as ApiResponse<'review.decide'>).revision;
      }
    } finally {
      host.dispose();
      await ws.close();
    }
    const report = path.join(scratch.dir, 'review.html');
    const result = await copydesk('check', ROTTERDAM, '--report', report, '--workspace', workspace);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const html = await readFile(report, 'utf8');
    expect(html).toContain('Marta Quintela');
    expect(html).not.toMatch(/<script/i);
  });

  it('counts in words that agree: “1 claim”, not “1 claims”', async () => {
    const ws = await Workspace.open(workspace, { watch: false });
    let slug: string;
    try {
      const article = await ws.articles.create({ headline: 'One figure' }, body(paragraph(text('The council has 45 members.'))));
      slug = article.slug;
    } finally {
      await ws.close();
    }
    const result = await copydesk('check', slug, '--workspace', workspace);
    expect(result.stdout).toMatch(/^“One figure”: 1 claim, 1 not backed or verified\n/);
  });

  it('says where each claim is, so that three “14”s can be told apart', async () => {
    const ws = await Workspace.open(workspace, { watch: false });
    let slug: string;
    try {
      const article = await ws.articles.create(
        { headline: 'Fourteen, three times' },
        body(paragraph(text('The council has 14 members.')), paragraph(text('Nobody disputes that. The budget grew by 14 percent.')), paragraph(text('Of the schools, 14 will close.'))),
      );
      slug = article.slug;
    } finally {
      await ws.close();
    }
    const { stdout } = await copydesk('check', slug, '--workspace', workspace);
    const places = stdout.split('\n').filter((line) => /^ +paragraph \d+: /.test(line)).map((line) => line.trim());
    expect(places).toEqual(['paragraph 1: The council has 14 members.', 'paragraph 2: The budget grew by 14 percent.', 'paragraph 3: Of the schools, 14 will close.']);
  });

  it('says what is wrong with bad usage, with exit 2', async () => {
    expect(await copydesk('check', 'no-such-article', '--workspace', workspace)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no article "no-such-article"/) });
    expect(await copydesk('check', ROTTERDAM, '--report', 'out.pdf', '--workspace', workspace)).toMatchObject({ code: 2, stderr: expect.stringMatching(/\.md or \.html/) });
    expect(await copydesk('check', '--workspace', workspace)).toMatchObject({ code: 2 });
  });
});
