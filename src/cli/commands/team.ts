/**
 * `copydesk sync` and `copydesk history <article>`: team sync from a terminal, for desks
 * that script their pipelines. Sync commits what changed, fetches, merges article by
 * article and pushes; exit 0 when it went through, 1 with the reason in words when not.
 */
import type { SyncResult, TeamCommit } from '../../shared/team';
import { resolveArticle, type Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';
import { countOf } from '../../shared/plural';

export async function syncWorkspace(session: Session, json: boolean): Promise<string> {
  const result = await session.call('team.sync', {});
  return json ? terminalJson(result, 2) : syncText(result);
}

function syncText(result: SyncResult): string {
  const { status } = result;
  const where = status.remote ? `${t(status.remote.name)} (${t(status.remote.url)})` : 'the remote';
  const lines = [`Synced ${t(status.branch ?? '')} with ${where}: ${t(result.message)}.`];
  for (const kept of result.keptBoth) {
    lines.push(`  both versions kept: “${t(kept.headline)}” (${t(kept.file)}), changed on both sides in ${t(kept.fields.join(', '))}${kept.theirsKeptAt ? `; the other version is in ${t(kept.theirsKeptAt)}` : ''}`);
  }
  return lines.join('\n');
}

export async function articleHistory(session: Session, name: string, json: boolean): Promise<string> {
  const article = await resolveArticle(session, name);
  const { commits } = await session.call('team.history', { id: article.id });
  if (json) return terminalJson({ article: { id: article.id, slug: article.slug, headline: article.headline }, commits }, 2);
  if (commits.length === 0) return `“${t(article.headline || article.slug)}” has no commits yet (the workspace is not shared, or its changes are not committed yet).`;
  return [`“${t(article.headline || article.slug)}”: ${countOf(commits.length, 'commit')}`, '', ...commits.map(line)].join('\n');
}

function line(commit: TeamCommit): string {
  return `${commit.at.slice(0, 16).replace('T', ' ')}  ${commit.commit.slice(0, 8)}  ${t(commit.by)} <${t(commit.email)}>  ${t(commit.message)}`;
}
