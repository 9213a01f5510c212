/** `copydesk import <file>`: a new article from a document, built headlessly by the host. */
import path from 'node:path';
import { readInputFile } from '../input-file';
import type { Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';

export async function importArticle(session: Session, file: string, json: boolean): Promise<string> {
  const data = (await readInputFile(file, 'an import')).toString('base64');
  const { article, warnings } = await session.call('articles.import', { fileName: path.basename(file), data });
  if (json) return terminalJson({ id: article.id, slug: article.slug, headline: article.meta.headline, dek: article.meta.dek, warnings }, 2);
  const dek = article.meta.dek.length > 100 ? `${article.meta.dek.slice(0, 99)}…` : article.meta.dek;
  return [
    `Imported “${t(article.meta.headline || 'Untitled')}” as articles/${t(article.slug)}.json`,
    ...(dek ? [`Dek: “${t(dek)}”`] : []),
    ...warnings.map((w) => `Note: ${t(w)}`),
    article.id,
  ].join('\n');
}
