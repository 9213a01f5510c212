/**
 * The review report says where each claim is (its paragraph and the sentence around it,
 * shortened), so that three claims with the same words can be told apart; in the Markdown
 * each source passage is a real quote, its `>` at the start of a line nested in its item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentenceOf } from '../../../../src/core/review/claim-context';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { body, paragraph, text } from '../../../fixtures/export/body-nodes';
import { sampleWorkspace } from '../export/export-helpers';

describe('the review report', () => {
  let workspace: Workspace;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ workspace, cleanup } = await sampleWorkspace()));
  afterAll(() => cleanup());

  it('tells three “14” claims apart by their paragraph and sentence, in Markdown and in HTML', async () => {
    const article = await workspace.articles.create(
      { headline: 'Fourteen, three times' },
      body(
        paragraph(text('The council has 14 members. It meets monthly.')),
        paragraph(text('Nobody disputes that. The budget grew by 14 percent this year, the treasurer said.')),
        paragraph(text('Of the schools, 14 will close.')),
      ),
    );
    const md = (await workspace.review.report(article.id, 'md')).text;
    const items = md.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(items).toEqual([
      '1. **Not found** — figure “14” (paragraph 1)',
      '2. **Not found** — figure “14 percent” (paragraph 2)',
      '3. **Not found** — figure “14” (paragraph 3)',
    ]);
    expect(md).toContain('   - In the text: The council has 14 members.\n');
    expect(md).toContain('   - In the text: The budget grew by 14 percent this year, the treasurer said.\n');
    expect(md).toContain('   - In the text: Of the schools, 14 will close.\n');
    const html = (await workspace.review.report(article.id, 'html')).text;
    expect(html).toContain('Paragraph 2: The budget grew by 14 percent this year, the treasurer said.');
  });

  it('writes each passage as a quote on a line of its own, nested in its item (also from item 10 on)', async () => {
    const id = workspace.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!.id;
    const lines = (await workspace.review.report(id, 'md')).text.split('\n');
    expect(lines.some((line) => line.includes('Passage: >'))).toBe(false);
    const passages = lines.flatMap((line, i) => (/^ +- Passage:$/.test(line) ? [i] : []));
    expect(passages.length).toBeGreaterThan(10);
    for (const i of passages) {
      const bullet = lines[i]!.indexOf('-');
      // The quote starts a line, indented to the bullet's text (its `- ` width), so it nests under it.
      expect(lines[i + 1]).toMatch(new RegExp(`^ {${bullet + 2}}> \\S`));
    }
    // Item 10 and on: the details are indented by four, the width of "10. ".
    const tenth = lines.findIndex((line) => line.startsWith('10. '));
    expect(lines[tenth + 1]).toMatch(/^ {4}- In the text: /);
  });
});

describe('the sentence around a claim', () => {
  it('is the sentence that holds it, a quote that ends its sentence included, long sides shortened at a word', () => {
    const line = 'Before. She called it “difficult but businesslike.” Then she left.';
    const start = line.indexOf('difficult');
    expect(sentenceOf(line, start, line.indexOf('.”') + 1)).toBe('She called it “difficult but businesslike.”');
    const long = `${'word '.repeat(30)}the figure 14 is here ${'and more '.repeat(20)}end.`;
    const at = long.indexOf('14');
    const shown = sentenceOf(long, at, at + 2);
    expect(shown).toMatch(/^….* 14 .*…$/);
    expect(shown.length).toBeLessThan(140);
  });
});
