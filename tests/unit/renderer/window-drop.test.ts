// @vitest-environment happy-dom
/** What a dropped file becomes, decided before anything is read. */
import { describe, expect, it } from 'vitest';
import { dropSummary, dropTargetOf, handledElsewhere, planDrop } from '../../../src/renderer/src/shell/window-drop';

const MB = 1024 * 1024;

describe('a drop on the window', () => {
  it('makes articles of documents anywhere, sources of documents and reference files over the sources', () => {
    const files = ['notes.md', 'Copy.TXT', 'page.html', 'memo.docx', 'report.pdf', 'zotero.bib', 'photo.jpg'].map((name) => ({ name, size: 10 }));
    expect(planDrop(files, 'articles', 20 * MB).map((step) => step.kind)).toEqual(['article', 'article', 'article', 'article', 'refused', 'refused', 'refused']);
    expect(planDrop(files, 'sources', 20 * MB).map((step) => step.kind)).toEqual([
      'source-document',
      'source-document',
      'source-document',
      'source-document',
      'source-document',
      'source-references',
      'refused',
    ]);
  });

  it('refuses a file over the import limit before reading it', () => {
    expect(planDrop([{ name: 'huge.md', size: 21 * MB }], 'articles', 20 * MB)).toEqual([{ kind: 'refused', fileName: 'huge.md', reason: 'is larger than 20 MB' }]);
  });

  it('knows the sources panel and the source library from the rest of the window', () => {
    document.body.innerHTML = `
      <main class="main"><p id="body">text</p>
        <aside id="sources-panel" class="sources-panel"><ul><li id="card">a source</li></ul></aside>
        <div class="source-library"><span id="row">row</span></div>
        <label class="file-drop"><input type="file" id="field"></label>
        <div role="dialog"><p id="in-dialog">dialog</p></div>
      </main>`;
    const byId = (id: string) => document.getElementById(id);
    expect(dropTargetOf(byId('body'))).toBe('articles');
    expect(dropTargetOf(byId('card'))).toBe('sources');
    expect(dropTargetOf(byId('row'))).toBe('sources');
    expect(handledElsewhere(byId('field'))).toBe(true);
    expect(handledElsewhere(byId('in-dialog'))).toBe(true);
    expect(handledElsewhere(byId('body'))).toBe(false);
  });

  it('says what it did in one line', () => {
    expect(dropSummary({ articles: ['Harbour pilots warn'], sources: 0, refused: [] })).toBe('Imported “Harbour pilots warn” as a draft.');
    expect(dropSummary({ articles: ['a', 'b'], sources: 2, refused: [{ fileName: 'x.jpg', reason: 'is not a document' }] })).toBe(
      'Imported 2 articles as drafts. Added 2 sources to the library. x.jpg is not a document.',
    );
  });
});
