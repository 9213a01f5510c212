import { describe, expect, it } from 'vitest';
import { changesOnly, comparableText, wordDiff } from '../../../src/renderer/src/versions/word-diff';

describe('the word diff of a version', () => {
  it('counts the words added and removed, word by word', () => {
    const diff = wordDiff('The night shift has nine crews.', 'The night shift has seven crews and a pilot.');
    expect(diff.removed).toBe(1);
    expect(diff.added).toBe(4);
    expect(diff.runs.filter((r) => r.kind === 'removed').map((r) => r.text.trim())).toEqual(['nine']);
  });

  it('keeps a few words around each change and cuts the long unchanged stretches', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const before = `${words(50, 'a')} old ${words(50, 'b')}`;
    const after = `${words(50, 'a')} new ${words(50, 'b')}`;
    const shown = changesOnly(wordDiff(before, after).runs, 3)
      .map((r) => (r.kind === 'same' ? r.text : `[${r.kind}:${r.text}]`))
      .join('');
    expect(shown).toBe('… a47 a48 a49 [removed:old][added:new] b0 b1 b2 …');
  });

  it('compares the headline and dek with the body', () => {
    expect(comparableText({ headline: 'H', dek: '' }, 'Body.')).toBe('H\n\nBody.');
  });
});
