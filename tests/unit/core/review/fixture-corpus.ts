/**
 * The review corpus of tests/fixtures/review: fictional sources (plain text) and articles
 * written in a small markup (blank line between blocks, `## ` a subhead, `> ` a block
 * quotation, `| a | b |` lines a table whose first row is its header, `{{source-id|text}}` an
 * attribution), turned into Lexical bodies; and the
 * answer key, which names every claim each article holds and what the check must say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckSource, ClaimStatus } from '../../../../src/core/review/review-types';
import type { LexicalBody } from '../../../../src/shared/article';

export const CORPUS = path.resolve(__dirname, '../../../fixtures/review');

export interface ExpectedClaim {
  kind: 'quote' | 'figure' | 'attribution';
  text: string;
  status: ClaimStatus;
  /** The source the result must name (for wrong-source: the one that holds it). */
  source?: string | null;
}

export interface CorpusArticle {
  file: string;
  language: string;
  attached: string[];
  claims: ExpectedClaim[];
  body: LexicalBody;
}

const textNode = (text: string) => ({ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' });
const element = (type: string, children: object[], extra: object = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });

/** Inline content: text, with `{{source|text}}` as attribution nodes. */
function inline(text: string): object[] {
  const nodes: object[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{\{([^|}]+)\|([^}]+)\}\}/g)) {
    if (m.index > at) nodes.push(textNode(text.slice(at, m.index)));
    nodes.push(element('attribution', [textNode(m[2]!)], { sourceId: m[1]!, locator: '' }));
    at = m.index + m[0].length;
  }
  if (at < text.length) nodes.push(textNode(text.slice(at)));
  return nodes;
}

/** A body from the markup. */
export function bodyFromMarkup(markup: string): LexicalBody {
  const blocks = markup
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      if (b.startsWith('## ')) return element('heading', inline(b.slice(3)), { tag: 'h2' });
      if (b.startsWith('> ')) return element('quote', inline(b.slice(2)));
      if (b.startsWith('|')) {
        const rows = b.split('\n').map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
        const cell = (text: string, header: boolean) => element('tablecell', [element('paragraph', inline(text), { textFormat: 0, textStyle: '' })], { headerState: header ? 1 : 0, colSpan: 1, rowSpan: 1, width: null, backgroundColor: null });
        return element('table', rows.map((cells, r) => element('tablerow', cells.map((text) => cell(text, r === 0)), { height: null })));
      }
      return element('paragraph', inline(b), { textFormat: 0, textStyle: '' });
    });
  return { root: { ...element('root', blocks), type: 'root' } } as LexicalBody;
}

interface AnswerFile {
  sources: Array<{ id: string; title: string; file: string; language?: string }>;
  articles: Array<Omit<CorpusArticle, 'body'>>;
}

export function loadCorpus(): { sources: CheckSource[]; articles: CorpusArticle[] } {
  const answers = JSON.parse(readFileSync(path.join(CORPUS, 'answers.json'), 'utf8')) as AnswerFile;
  const sources = answers.sources.map((s) => {
    const source: CheckSource = { id: s.id, title: s.title, snapshot: readFileSync(path.join(CORPUS, 'sources', s.file), 'utf8') };
    if (s.language) source.language = s.language;
    return source;
  });
  const articles = answers.articles.map((a) => ({ ...a, body: bodyFromMarkup(readFileSync(path.join(CORPUS, 'articles', a.file), 'utf8')) }));
  return { sources, articles };
}
