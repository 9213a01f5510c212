import { describe, expect, it } from 'vitest';
import { pastePlan, pasteRefusal } from '../../../src/renderer/src/editor/paste/paste-limit';
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

  it('refuses 10 MB of markup and text, naming its size and the limit, and saying what to do', () => {
    const html = '<p>' + 'word '.repeat((10 * 1024 * 1024) / 5) + '</p>';
    expect(pasteRefusal(html, 'word '.repeat((10 * 1024 * 1024) / 5))).toBe(
      'The pasted text is 10 MB; the limit for one paste is 256 KB. Nothing was pasted: paste it in smaller parts, or import the document as an article.',
    );
  });

  it('measures the markup when there is some, else the plain text', () => {
    const big = 'x'.repeat(MAX_PASTE_CHARS + 1);
    expect(pasteRefusal('<p>short</p>', big)).toBeNull();
    expect(pasteRefusal('  ', big)).toContain('The pasted text is 262,145 bytes; the limit for one paste is 256 KB.');
    expect(pasteRefusal(big, '')).toContain('the limit for one paste is 256 KB');
  });

  it('takes the plain text of markup over the limit, and says the formatting was left out', () => {
    const big = '<p style="margin:0">' + 'word '.repeat(MAX_PASTE_CHARS / 5) + '</p>';
    const plan = pastePlan(big, 'word word word');
    expect(plan.kind).toBe('text');
    expect(plan.kind === 'text' && plan.note).toMatch(/^The pasted formatting is .*, over the 256 KB one paste can keep, so the text went in as plain paragraphs\./);
    expect(pastePlan('<p>short</p>', 'short')).toEqual({ kind: 'markup' });
    expect(pastePlan('', 'short')).toEqual({ kind: 'text', note: null });
  });
});

describe('the text pasted as a source snapshot', () => {
  it('is refused over 5,000,000 characters before it is sent, with the limit named', () => {
    expect(snapshotTextProblem('a'.repeat(MAX_SNAPSHOT_CHARS))).toBeNull();
    expect(snapshotTextProblem('a'.repeat(MAX_SNAPSHOT_CHARS + 1))).toMatch(/^The snapshot's text is 5,000,001 characters; the limit is 5,000,000 characters\. Nothing was added/);
  });
});
