import { describe, expect, it } from 'vitest';
import { plainParagraphs } from '../../../src/renderer/src/editor/paste/plain-paragraphs';
import wire from '../../fixtures/paste/wire.txt?raw';

describe('plain text pasted as paragraphs', () => {
  it('reads wire copy: blank lines and indents start paragraphs, wrapped lines join, no empty paragraph', () => {
    expect(plainParagraphs(wire)).toEqual([
      'HARBOUR-STRIKE/ (UPDATE 2)',
      'Dockers accept new roster, ending three-week strike',
      'ROTTERDAM, March 12 (Wire) - Dockers at the port voted on Monday to accept a new night-shift roster, ending a three-week stoppage that left 42 ships waiting at anchor, the union said.',
      'The deal caps night shifts at four a week and raises the night premium to 35 percent from 30 percent, according to a copy seen by Wire.',
      '"Difficult but businesslike," the union\'s lead negotiator said of the talks.',
      '(Reporting by A. Verhoeven; Editing by J. Moreau)',
    ]);
  });

  it('keeps a line a paragraph when the text is not wrapped, and skips blank lines and Windows line ends', () => {
    expect(plainParagraphs('One.\r\nTwo.\r\n\r\n\r\nThree.\r\n')).toEqual(['One.', 'Two.', 'Three.']);
    expect(plainParagraphs('\n\n   \n')).toEqual([]);
  });
});
