/**
 * A new article from a document (`copydesk import <file>`): Markdown, plain text, a saved
 * web page or a Word document becomes a headline, a dek and a body built headlessly with
 * the article's own nodes, so the editor opens it as it opens any article. Nothing is
 * written here: bad input gets a message naming the file and what is wrong with it.
 */
import { basename, extname } from 'node:path';
import { $getRoot } from 'lexical';
import { createDocumentEditor, loadBody } from '../../../document/headless';
import { articleMetaSchema, lexicalBodySchema, type LexicalBody } from '../../../shared/article';
import { importFileTooLarge, MAX_IMPORT_FILE_BYTES } from '../../../shared/limits';
import { fail, ok, type Result } from '../../../shared/result';
import { $shapeImportedBody, clip, oneLine, type DocumentMeta } from './article-shape';
import { documentText, htmlText } from './document-text';
import { importDocx } from './docx-article';
import { importHtml } from './html-article';
import { importMarkdown } from './markdown-article';
import { importPlainText } from './text-article';

/** Largest document Copydesk imports, in bytes (src/shared/limits.ts). */
export const MAX_IMPORT_BYTES = MAX_IMPORT_FILE_BYTES;

/** The meta an imported document gives its new article; the rest is the new article's defaults. */
export interface ImportedArticleMeta {
  headline: string;
  dek: string;
  kicker?: string;
  bylines?: string[];
  language?: string;
}

/** An article made from a document, ready for `newArticleFile(meta)` and its body. */
export interface ImportedArticle {
  meta: ImportedArticleMeta;
  body: LexicalBody;
  /** What was left out or guessed, in words, for the user to check. */
  warnings: string[];
}

type Format = 'markdown' | 'text' | 'html' | 'docx';
const FORMATS: Record<string, Format> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
};

const MAX_KICKER = articleMetaSchema.shape.kicker.maxLength ?? 100;
const MAX_BYLINE = articleMetaSchema.shape.bylines.element.maxLength ?? 200;
/** The article model takes at most 20 bylines. */
const MAX_BYLINES = 20;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** The article in `bytes`, a document named `fileName` (its extension says which kind); or why not. */
export async function importArticle(fileName: string, bytes: Uint8Array): Promise<Result<ImportedArticle, string>> {
  const name = basename(fileName) || fileName;
  const extension = extname(name).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    const kind = extension ? `not ${extension} files` : 'and this file has no extension';
    return fail(`${name}: Copydesk imports Markdown (.md), plain text (.txt), web pages (.html) and Word documents (.docx), ${kind}`);
  }
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return fail(importFileTooLarge(name, bytes.byteLength));
  }
  if (bytes.byteLength === 0) return fail(`${name} is empty`);

  const editor = createDocumentEditor();
  const warnings: string[] = [];
  const stem = name.slice(0, name.length - extension.length);
  let meta: DocumentMeta;
  try {
    if (format === 'docx') {
      const read = await importDocx(name, bytes, editor, warnings, stem);
      if (!read.ok) return read;
      meta = read.value;
    } else {
      const text = format === 'html' ? htmlText(name, bytes) : documentText(name, bytes);
      if (!text.ok) return text;
      if (text.value.trim() === '') return fail(`${name} is empty (it holds only white space)`);
      if (format === 'html') {
        const read = importHtml(name, text.value, editor, warnings, stem);
        if (!read.ok) return read;
        meta = read.value;
      } else if (format === 'markdown') meta = importMarkdown(text.value, editor, warnings, stem);
      else meta = importPlainText(text.value, editor, stem);
    }
    const bodyText = editor.getEditorState().read(() => $getRoot().getTextContent().trim());
    if (bodyText === '' && !meta.headline?.trim() && !meta.dek?.trim()) return fail(`${name} has no text to import`);
    let shaped = { headline: '', dek: '', bylines: [] as string[] };
    editor.update(() => {
      shaped = $shapeImportedBody(meta, warnings);
    }, { discrete: true });
    const body = editor.getEditorState().toJSON() as unknown as LexicalBody;
    const checked = checkedBody(body);
    if (checked) return fail(`${name} cannot become an article body: ${checked}`);
    const { bylines, ...headlineAndDek } = shaped;
    return ok({ meta: { ...headlineAndDek, ...otherMeta({ ...meta, bylines: meta.bylines ?? bylines }, warnings) }, body, warnings });
  } catch (error) {
    return fail(`${name} could not be imported (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** What is wrong with the body for the article model or the editor, or null. */
function checkedBody(body: LexicalBody): string | null {
  const shape = lexicalBodySchema.safeParse(body);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'it is not a valid body';
  const loaded = loadBody(body);
  return loaded.ok ? null : loaded.error;
}

/** Kicker, bylines and language, fitted to the article model's limits. */
function otherMeta(meta: DocumentMeta, warnings: string[]): Omit<ImportedArticleMeta, 'headline' | 'dek'> {
  const other: Omit<ImportedArticleMeta, 'headline' | 'dek'> = {};
  const kicker = oneLine(meta.kicker ?? '');
  if (kicker) other.kicker = clip(kicker, MAX_KICKER);
  const bylines = (meta.bylines ?? []).map(oneLine).filter(Boolean);
  if (bylines.length > MAX_BYLINES) warnings.push(`only the first ${MAX_BYLINES} of ${bylines.length} bylines were kept`);
  if (bylines.length) other.bylines = bylines.slice(0, MAX_BYLINES).map((byline) => clip(byline, MAX_BYLINE));
  const language = oneLine(meta.language ?? '').replace(/_/g, '-');
  if (language && LANGUAGE_TAG.test(language) && language.length <= 35) other.language = language;
  else if (language) warnings.push(`the language "${clip(language, 40)}" is not a language tag; the workspace's default is used`);
  return other;
}
