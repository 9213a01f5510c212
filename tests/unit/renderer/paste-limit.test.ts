import { describe, expect, it } from 'vitest';
import { pasteRefusal } from '../../../src/renderer/src/editor/paste/paste-limit';
import { snapshotTextProblem } from '../../../src/renderer/src/sources/source-fields';
import { MAX_PASTE_CHARS, MAX_SNAPSHOT_CHARS } from '../../../src/shared/limits';

describe('the paste limit', () => {
  it('is 256 KB of markup (or of plain text when there is no markup)', () => {
    expect(MAX_PASTE_CHARS).toBe(256 * 1024);
  });

  it('takes a paste at the limit', () => {
    expect(pasteRefusal('<p>' + 'a'.repeat(MAX_PASTE_CHARS - 7) + '</p>', 'a')).toBeNull();
    expect(pasteRefusal('', 'a\n'.repeat(MAX_PASTE_CHARS / 2))).toBeNull();
  });

  it('refuses 10 MB of markup, naming its size and the limit, and saying what to do', () => {
    const html = '<p>' + 'word '.repeat((10 * 1024 * 1024) / 5) + '</p>';
    expect(pasteRefusal(html, 'short')).toBe(
      'The pasted text is 10 MB; the limit for one paste is 256 KB. Nothing was pasted: paste it in smaller parts, or import the document as an article.',
    );
  });

  it('measures the markup when there is some, else the plain text', () => {
    const big = 'x'.repeat(MAX_PASTE_CHARS + 1);
    expect(pasteRefusal('<p>short</p>', big)).toBeNull();
    expect(pasteRefusal('  ', big)).toContain('The pasted text is 262,145 bytes; the limit for one paste is 256 KB.');
    expect(pasteRefusal(big, '')).toContain('the limit for one paste is 256 KB');
  });
});

describe('the text pasted as a source snapshot', () => {
  it('is refused over 5,000,000 characters before it is sent, with the limit named', () => {
    expect(snapshotTextProblem('a'.repeat(MAX_SNAPSHOT_CHARS))).toBeNull();
    expect(snapshotTextProblem('a'.repeat(MAX_SNAPSHOT_CHARS + 1))).toMatch(/^The snapshot's text is 5,000,001 characters; the limit is 5,000,000 characters\. Nothing was added/);
  });
});
