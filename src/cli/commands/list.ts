/** `copydesk list`: every article and every file that cannot be read. */
import type { Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';
import { countOf } from '../../shared/plural';

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

export async function listArticles(session: Session, json: boolean): Promise<string> {
  const { articles, damaged } = await session.call('articles.list', {});
  if (json) return terminalJson({ workspace: session.root, articles, damaged }, 2);
  // Everything from the workspace is shown through terminalText: its files are not ours.
  const lines = [`${countOf(articles.length, 'article')} in ${t(session.root)}`, ''];
  for (const a of articles) {
    lines.push(`${pad(t(a.status), 10)} ${t(a.updatedAt.slice(0, 16).replace('T', ' '))}  ${pad(String(a.words), 6)} articles/${t(a.slug)}.json  ${t(a.headline) || '(untitled)'}`);
  }
  if (damaged.length) {
    lines.push('', `${countOf(damaged.length, 'file')} cannot be read (left as they are):`);
    for (const d of damaged) lines.push(`  ${t(d.file)}: ${t(d.reason)}`);
  }
  return lines.join('\n');
}
