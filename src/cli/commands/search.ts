/** `copydesk search "<query>"` and `copydesk tags [list | rename FROM TO]`: the library from a terminal. */
import { CommandError, EXIT, usageError, type Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';
import { countOf } from '../../shared/plural';

/** Waits until the search index covers the whole library (built in memory when the app has not saved one). */
async function whenIndexed(session: Session): Promise<void> {
  for (;;) {
    const status = await session.call('search.status', {});
    if (status.state === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Marks the highlighted parts of a snippet with asterisks, for a terminal. */
function marked(text: string, highlights: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [from, to] of highlights) {
    out += `${t(text.slice(at, from))}*${t(text.slice(from, to))}*`;
    at = to;
  }
  return out + t(text.slice(at));
}

/** Prints the best hits; exits 1 when nothing matched (like grep). */
export async function searchArticles(session: Session, query: string, options: { json: boolean; limit: number | undefined }): Promise<string> {
  if (!query.trim()) throw usageError('search needs a query: copydesk search "words" (or tag:x status:draft section:x byline:x lang:x).');
  await whenIndexed(session);
  const result = await session.call('search.query', { query, limit: options.limit ?? 20 });
  const { articles } = await session.call('articles.list', {});
  const byId = new Map(articles.map((a) => [a.id, a]));
  const hits = result.hits.map((hit) => ({ ...hit, slug: byId.get(hit.id)?.slug ?? '', headline: byId.get(hit.id)?.headline ?? '' }));
  const output = options.json
    ? terminalJson({ query, total: result.total, hits }, 2)
    : [
        `${countOf(result.total, 'article matches', 'articles match')} ${t(JSON.stringify(query))}${result.total > hits.length ? ` (the best ${hits.length} shown)` : ''}`,
        ...hits.flatMap((hit) => ['', `  articles/${t(hit.slug)}.json  ${t(hit.headline) || '(untitled)'}`, `    ${marked(hit.snippet.text, hit.snippet.highlights)}`]),
      ].join('\n');
  if (result.total === 0) throw new CommandError(output, EXIT.problem, true);
  return output;
}

export async function listTags(session: Session, json: boolean): Promise<string> {
  const { tags } = await session.call('tags.list', {});
  if (json) return terminalJson({ tags }, 2);
  if (!tags.length) return 'No article has a tag yet.';
  const width = Math.max(...tags.map((tag) => String(tag.count).length));
  return tags.map((tag) => `${String(tag.count).padStart(width)}  ${t(tag.name)}`).join('\n');
}

/** Renames (or merges) a tag across the workspace; exits 1 when some article could not be changed. */
export async function renameTag(session: Session, from: string, to: string, json: boolean): Promise<string> {
  const result = await session.call('tags.rename', { from, to });
  const lines = json
    ? [terminalJson({ from, to, ...result }, 2)]
    : [
        `${result.merged ? 'Merged' : 'Renamed'} "${t(from)}" ${result.merged ? 'into' : 'to'} "${t(to)}" on ${countOf(result.changed.length, 'article')}:`,
        ...result.changed.map((c) => `  articles/${t(c.slug)}.json  ${t(c.headline) || '(untitled)'}`),
        ...(result.failed.length ? ['', `${result.failed.length} could not be changed (left as they are):`, ...result.failed.map((f) => `  ${t(f.headline) || f.id}: ${t(f.reason)}`)] : []),
      ];
  if (result.failed.length) throw new CommandError(lines.join('\n'), EXIT.problem, true);
  return lines.join('\n');
}
