import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { tempDir } from '../../../helpers/temp';
import { bareRemote, clonedWorkspace, edit, git, startedWorkspace } from './team-helpers';

const cleanups: Array<() => Promise<void>> = [];
const open: Workspace[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
  for (const c of cleanups.splice(0)) await c();
});

async function twoClones() {
  const { dir, cleanup } = await tempDir('copydesk-team-');
  cleanups.push(cleanup);
  const remote = bareRemote(dir);
  const { workspace: writer, ids } = await startedWorkspace(path.join(dir, 'writer'), remote, 3);
  const reviewer = await clonedWorkspace(remote, path.join(dir, 'reviewer'));
  open.push(writer, reviewer);
  return { dir, remote, writer, reviewer, ids };
}

const textOf = async (w: Workspace, id: string) => {
  const a = await w.articles.get(id);
  return { headline: a.meta.headline, dek: a.meta.dek, paragraphs: a.body.root.children.map((b) => ((b as unknown as { children: Array<{ text: string }> }).children[0]?.text ?? '')), article: a };
};

describe('team sync between two clones of one bare repository', () => {
  it('starts a workspace: a commit with a .gitignore for local state, pushed to the remote', async () => {
    const { remote, writer, reviewer } = await twoClones();
    expect(readFileSync(path.join(writer.layout.root, '.gitignore'), 'utf8')).toMatch(/^\.copydesk\/$/m);
    expect(git(remote, 'log', '--format=%an %s', 'main')).toMatch(/^Writer Start team sync/m);
    expect(git(remote, 'ls-tree', '-r', '--name-only', 'main')).not.toMatch(/\.copydesk/);
    // What else the folder held when it was shared is shared with it, so the next sync is not refused for it.
    expect(git(remote, 'ls-tree', '-r', '--name-only', 'main')).toMatch(/^NOTES\.md$/m);
    await expect(reviewer.team.sync()).resolves.toMatchObject({ message: 'Up to date' });
    const status = await writer.team.status();
    expect(status).toMatchObject({ mode: 'git', branch: 'main', remote: { name: 'origin', url: remote }, ahead: 0, behind: 0, pending: 0 });
  });

  it('brings every non-conflicting change across: different articles, and different fields and blocks of one article', async () => {
    const { writer, reviewer, ids } = await twoClones();
    const [a, b, c] = ids as [string, string, string];
    await edit(writer, a, { meta: { headline: 'Writer changed A' } });
    await edit(reviewer, b, { meta: { dek: 'Reviewer changed B' } });
    // One article, both sides: the writer its headline and first block, the reviewer its dek and last block.
    await edit(writer, c, { meta: { headline: 'C by writer', tags: ['port'] }, paragraphs: ['Writer first.', 'Second paragraph of 3.', 'Third paragraph of 3.'] });
    await edit(reviewer, c, { meta: { dek: 'C dek by reviewer', tags: ['strike'] }, paragraphs: ['First paragraph of 3.', 'Second paragraph of 3.', 'Reviewer third.'] });
    await writer.team.commitNow('Edit: writer');
    await reviewer.team.commitNow('Edit: reviewer');

    const first = await writer.team.sync();
    expect(first).toMatchObject({ sent: 1, received: 0 });
    const second = await reviewer.team.sync();
    expect(second.merged).toBe(true);
    expect(second.keptBoth).toEqual([]);
    await writer.team.sync();

    for (const w of [writer, reviewer]) {
      expect((await textOf(w, a)).headline).toBe('Writer changed A');
      expect((await textOf(w, b)).dek).toBe('Reviewer changed B');
      const merged = await textOf(w, c);
      expect(merged).toMatchObject({ headline: 'C by writer', dek: 'C dek by reviewer', paragraphs: ['Writer first.', 'Second paragraph of 3.', 'Reviewer third.'] });
      expect([...merged.article.meta.tags].sort()).toEqual(['port', 'strike']);
    }
    const [wStatus, rStatus] = [await writer.team.status(), await reviewer.team.status()];
    expect([wStatus.ahead, wStatus.behind, rStatus.ahead, rStatus.behind]).toEqual([0, 0, 0, 0]);
    // Never a conflict marker in a workspace file.
    for (const w of [writer, reviewer]) {
      for (const name of readdirSync(w.layout.articles)) expect(readFileSync(path.join(w.layout.articles, name), 'utf8')).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    }
  });

  it('merges review decisions by claim and keeps both sides\' status history', async () => {
    const { writer, reviewer, ids } = await twoClones();
    const id = ids[0]!;
    const art = await reviewer.articles.get(id);
    await reviewer.review.decide({ id, baseRevision: art.revision, claimId: 'quote:one', decision: 'verified', by: 'Reviewer' });
    const w = await writer.articles.get(id);
    await writer.review.decide({ id, baseRevision: w.revision, claimId: 'figure:two', decision: 'disputed', by: 'Writer' });
    await writer.team.commitNow('w');
    await reviewer.team.commitNow('r');
    await writer.team.sync();
    await reviewer.team.sync();
    await writer.team.sync();
    for (const side of [writer, reviewer]) {
      const decisions = (await side.articles.get(id)).review.decisions.map((d) => `${d.claimId}=${d.decision}`).sort();
      expect(decisions).toEqual(['figure:two=disputed', 'quote:one=verified']);
    }
  });

  it('a same-field conflict keeps both versions: ours in the file, theirs in the versions and in git, and loses neither', async () => {
    const { writer, reviewer, ids } = await twoClones();
    const id = ids[1]!;
    await edit(writer, id, { meta: { headline: 'Headline from the writer' } });
    await edit(reviewer, id, { meta: { headline: 'Headline from the reviewer' } });
    await writer.team.commitNow('w');
    await reviewer.team.commitNow('r');
    await writer.team.sync();
    const result = await reviewer.team.sync();
    expect(result.keptBoth).toHaveLength(1);
    expect(result.keptBoth[0]).toMatchObject({ articleId: id, fields: ['meta.headline'] });
    expect((await textOf(reviewer, id)).headline).toBe('Headline from the reviewer');
    const versions = await reviewer.articles.versions(id);
    const theirs = versions.find((v) => v.kind === 'sync-theirs');
    expect(theirs?.headline).toBe('Headline from the writer');

    // The writer takes the merge; their own headline goes to their versions, not lost.
    const back = await writer.team.sync();
    expect((await textOf(writer, id)).headline).toBe('Headline from the reviewer');
    expect(back.keptBoth.map((k) => k.articleId)).toEqual([id]);
    expect((await writer.articles.versions(id)).find((v) => v.kind === 'sync-theirs')?.headline).toBe('Headline from the writer');
    // And git has both.
    const log = git(writer.layout.root, 'log', '-p', '--full-history', '--format=%s', '--', 'articles');
    expect(log, log.slice(0, 3000)).toContain('Headline from the writer');
    expect(log).toContain('Headline from the reviewer');
  });

  it('lists an article\'s commits with who and when, and who last changed each article', async () => {
    const { writer, reviewer, ids } = await twoClones();
    const id = ids[0]!;
    const art = await reviewer.articles.get(id);
    await reviewer.review.setStatus({ id, baseRevision: art.revision, status: 'in-review', by: 'Reviewer' });
    await reviewer.team.commitNow('Send to review: Article 1');
    await reviewer.team.sync();
    await writer.team.sync();
    const history = await writer.team.history(id);
    expect(history[0]).toMatchObject({ by: 'Reviewer', email: 'reviewer@example.org', message: 'Send to review: Article 1' });
    expect(history.at(-1)).toMatchObject({ by: 'Writer', message: 'Start team sync' });
    const presence = await writer.team.presence();
    expect(presence.find((p) => p.slug === art.slug)).toMatchObject({ by: 'Reviewer' });
  });
});
