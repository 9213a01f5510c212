import { describe, expect, it } from 'vitest';
import { countWords, plainTextFromBody, readingMinutes } from '../../../src/document/plain-text';
import { bodyOf } from '../../helpers/temp';

describe('plain text from Lexical JSON', () => {
  it('joins blocks with blank lines and keeps inline text together', () => {
    const body = bodyOf('First paragraph.', 'Second one.');
    const first = body.root.children[0]!;
    first.children.push({ type: 'text', version: 1, text: ' Bold bit.', format: 1, detail: 0, mode: 'normal', style: '' });
    expect(plainTextFromBody(body)).toBe('First paragraph. Bold bit.\n\nSecond one.');
  });

  it('reads nested lists and headings', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Subhead' }] },
          { type: 'list', children: [{ type: 'listitem', children: [{ type: 'text', text: 'one' }] }, { type: 'listitem', children: [{ type: 'text', text: 'two' }] }] },
        ],
      },
    };
    expect(plainTextFromBody(body)).toBe('Subhead\n\none\n\ntwo');
  });

  it('is empty for an empty or missing body', () => {
    expect(plainTextFromBody(null)).toBe('');
    expect(plainTextFromBody(bodyOf())).toBe('');
  });
});

describe('word count and reading time', () => {
  it('counts words as a reader does', () => {
    expect(countWords('“Difficult but businesslike,” said the negotiator.')).toBe(6);
    expect(countWords('99,000 households and 448 drones; 12.5% up')).toBe(7);
    expect(countWords("the union's long-running dispute")).toBe(4);
    expect(countWords('   ')).toBe(0);
    expect(countWords('Ελλάδα: νέα μέτρα — São Paulo’s café')).toBe(6);
    expect(countWords('end. Next, sentence -- dash')).toBe(4);
    expect(countWords('𝐁old 🚀 rocket')).toBe(2);
  });

  it('rounds reading time to whole minutes at 230 words a minute, at least one', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });
});
