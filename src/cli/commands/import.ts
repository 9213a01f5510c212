/** `copydesk import <file>`: a new article from a document, built headlessly by the host. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { usageError, type Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function importArticle(session: Session, file: string, json: boolean): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw usageError(`${t(file)} ${info ? 'is not a file' : 'does not exist'}.`);
  if (info.size > MAX_FILE_BYTES) throw usageError(`${t(file)} is ${(info.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB an import may have.`);
  const data = (await readFile(file)).toString('base64');
  const { article, warnings } = await session.call('articles.import', { fileName: path.basename(file), data });
  if (json) return terminalJson({ id: article.id, slug: article.slug, headline: article.meta.headline, warnings }, 2);
  return [
    `Imported “${t(article.meta.headline || 'Untitled')}” as articles/${t(article.slug)}.json`,
    ...warnings.map((w) => `Note: ${t(w)}`),
    article.id,
  ].join('\n');
}
