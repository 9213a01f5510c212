import { describe, expect, it } from 'vitest';
import { bodyMarkdown } from '../../../../src/core/export/body-markdown';
import { TEXT_FORMAT, type BodyNode } from '../../../../src/core/export/body-nodes';

const text = (value: string, format = 0): BodyNode => ({ type: 'text', text: value, format });
const paragraph = (...children: BodyNode[]): BodyNode => ({ type: 'paragraph', children });
const markdownOf = (...children: BodyNode[]): string => bodyMarkdown({ type: 'root', children: [paragraph(...children)] }, () => 1).trim();

describe('Markdown of the formats it has no syntax for', () => {
  it('writes digits in subscript and superscript as their Unicode forms', () => {
    expect(markdownOf(text('Emissions of CO'), text('2', TEXT_FORMAT.subscript), text(' fell.'))).toBe('Emissions of CO₂ fell.');
    expect(markdownOf(text('Rents of €14 per m'), text('2', TEXT_FORMAT.superscript), text('.'))).toBe('Rents of €14 per m².');
    expect(markdownOf(text('As reported'), text('12', TEXT_FORMAT.superscript))).toBe('As reported¹²');
  });

  it('keeps other sub- and superscripts and underline as inline HTML, with the words escaped', () => {
    expect(markdownOf(text('the 1'), text('st', TEXT_FORMAT.superscript), text(' round'))).toBe('the 1<sup>st</sup> round');
    expect(markdownOf(text('V'), text('max', TEXT_FORMAT.subscript))).toBe('V<sub>max</sub>');
    expect(markdownOf(text('a '), text('<b>', TEXT_FORMAT.superscript))).toBe('a <sup>\\<b\\></sup>');
    expect(markdownOf(text('read '), text('this', TEXT_FORMAT.underline), text(' first'))).toBe('read <u>this</u> first');
  });

  it('combines with bold and italic, and leaves code alone', () => {
    expect(markdownOf(text('x'), text('2', TEXT_FORMAT.superscript | TEXT_FORMAT.bold))).toBe('x**²**');
    expect(markdownOf(text('key', TEXT_FORMAT.underline | TEXT_FORMAT.italic))).toBe('*<u>key</u>*');
    expect(markdownOf(text('H2O', TEXT_FORMAT.code | TEXT_FORMAT.subscript))).toBe('`H2O`');
  });
});
