/**
 * A Word document into an article, through mammoth: the Title (or the first Heading 1) is
 * the headline, the Subtitle (or the first paragraph) the dek; headings under the title
 * are subheads, Quote paragraphs one block quote, Word's lists nested lists, hyperlinks
 * links, bold and italic kept. The documents are built by the test (docx-builder.ts).
 */
import { describe, expect, it } from 'vitest';
import { importArticle, type ImportedArticle } from '../../../../../src/core/articles/import/import-article';
import { countWords, plainTextFromBody } from '../../../../../src/document/plain-text';
import { expectArticleBody, formattedRuns, links, outline } from './body-outline';
import { buildDocx, hyperlink, listParagraph, paragraph, run } from './docx-builder';

async function imported(fileName: string, bytes: Uint8Array): Promise<ImportedArticle> {
  const result = await importArticle(fileName, bytes);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const TENDER = buildDocx(
  [
    paragraph(run('Ferry tender delayed again'), 'Title'),
    paragraph(run('The province postpones its decision to June, the third delay this year.'), 'Subtitle'),
    paragraph([run('The tender for the '), run('island ferry', { bold: true }), run(' was due in March. The '), hyperlink('rId5', 'notice'), run(' gives no reason.')]),
    paragraph(run('Why it slipped'), 'Heading1'),
    paragraph(run('“We need more time to compare the bids,” the clerk said.'), 'Quote'),
    paragraph(run('— Jan Smit, provincial clerk'), 'Quote'),
    paragraph(run('The bids'), 'Heading2'),
    listParagraph(run('Two operators bid'), 1),
    listParagraph(run('one with a hybrid vessel'), 1, 1),
    listParagraph(run('A third withdrew'), 1),
    paragraph([run('Costs rose by '), run('12 percent', { italic: true }), run(' since the call.')]),
    paragraph(run('Beyond the harbour'), 'Heading4'),
    paragraph(run('Fares are not affected.')),
  ],
  { rId5: 'https://example.org/province/notice' },
);

describe('importArticle: a .docx file', () => {
  it('takes the headline from the Title and the dek from the Subtitle', async () => {
    const { meta } = await imported('tender.docx', TENDER);
    expect(meta).toEqual({ headline: 'Ferry tender delayed again', dek: 'The province postpones its decision to June, the third delay this year.' });
  });

  it('maps Heading 1 and 2 under the Title to h2 and h3, Quote paragraphs to one quote, lists to nested lists', async () => {
    const { body } = await imported('tender.docx', TENDER);
    expectArticleBody(body);
    expect(outline(body)).toEqual([
      'paragraph The tender for the island ferry was due in March. The notice gives no reason.',
      'h2 Why it slipped',
      'quote “We need more time to compare the bids,” the clerk said.\n— Jan Smit, provincial clerk',
      'h3 The bids',
      'list:bullet',
      '- Two operators bid',
      '  list:bullet',
      '  - one with a hybrid vessel',
      '- A third withdrew',
      'paragraph Costs rose by 12 percent since the call.',
      'h3 Beyond the harbour',
      'paragraph Fares are not affected.',
    ]);
    expect(formattedRuns(body)).toEqual(['1:island ferry', '2:12 percent']);
    expect(links(body)).toEqual(['notice -> https://example.org/province/notice']);
  });

  it('without a Title, the first Heading 1 is the headline and the paragraph after it the dek; no word is lost', async () => {
    const docx = buildDocx([
      paragraph(run('Lock gates replaced'), 'Heading1'),
      paragraph(run('Ships pass the Westsluis again after nine weeks.')),
      paragraph(run('The new gates weigh 48 tonnes each.')),
      paragraph(run('What it cost'), 'Heading2'),
      paragraph(run('The work cost €3.1 million.')),
    ]);
    const { meta, body } = await imported('lock.docx', docx);
    expect(meta).toEqual({ headline: 'Lock gates replaced', dek: 'Ships pass the Westsluis again after nine weeks.' });
    expect(outline(body)).toEqual(['paragraph The new gates weigh 48 tonnes each.', 'h2 What it cost', 'paragraph The work cost €3.1 million.']);
    expect(countWords(meta.headline) + countWords(meta.dek) + countWords(plainTextFromBody(body))).toBe(26);
  });

  it('without a Title, several Heading 1s are sections under the first', async () => {
    const docx = buildDocx([
      paragraph(run('Storm damage counted'), 'Heading1'),
      paragraph(run('Repairs will take the summer.')),
      paragraph(run('The quays'), 'Heading1'),
      paragraph(run('The east quay'), 'Heading2'),
      paragraph(run('Two cranes fell.')),
    ]);
    const { body } = await imported('storm.docx', docx);
    expect(outline(body)).toEqual(['h2 The quays', 'h3 The east quay', 'paragraph Two cranes fell.']);
  });
});
