import { describe, expect, it } from 'vitest';
import { fixTypography, smartenTyped } from '../../../src/document/typography';

const typed = (text: string, language = 'en') => {
  const edit = smartenTyped(text, text.length, language);
  return edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.start + edit.length) : text;
};

describe('typography as the writer types', () => {
  it('opens and closes quotes by what comes before, in the article’s language', () => {
    expect(typed('"')).toBe('“');
    expect(typed('said "')).toBe('said “');
    expect(typed('said “yes"')).toBe('said “yes”');
    expect(typed('dit "', 'fr')).toBe('dit «\u202f');
    expect(typed('dit «\u202foui"', 'fr-CA')).toBe('dit «\u202foui\u202f»');
    expect(typed('sagte "', 'de')).toBe('sagte „');
    expect(typed('sagte „ja"', 'de')).toBe('sagte „ja“');
  });

  it('sets apostrophes, dashes and ellipses', () => {
    expect(typed("don'")).toBe('don’');
    expect(typed("the '")).toBe('the ‘');
    expect(typed('wait--')).toBe('wait—');
    expect(typed('attendez--', 'fr')).toBe('attendez–');
    expect(typed('north - ')).toBe('north – ');
    expect(typed('and so...')).toBe('and so…');
    expect(typed('plain')).toBe('plain');
  });
});

describe('French spacing before ; : ! ?', () => {
  it('makes the space typed before the mark a no-break one: narrow before ; ! ?, full before :', () => {
    expect(typed('Vraiment ?', 'fr')).toBe('Vraiment\u202f?');
    expect(typed('Enfin !', 'fr-CA')).toBe('Enfin\u202f!');
    expect(typed('le vote ;', 'fr')).toBe('le vote\u202f;');
    expect(typed('il a dit :', 'fr')).toBe('il a dit\u00a0:');
    expect(typed('«\u202fNon ?', 'fr')).toBe('«\u202fNon\u202f?');
  });

  it('leaves times, addresses, doubled marks, other languages and a lone space alone', () => {
    expect(typed('à 10:', 'fr')).toBe('à 10:');
    expect(typed('Vraiment?', 'fr')).toBe('Vraiment?');
    expect(typed('Really ?', 'en')).toBe('Really ?');
    expect(typed('Wirklich ?', 'de')).toBe('Wirklich ?');
    expect(typed(' ?', 'fr')).toBe(' ?');
    expect(typed('deux  ?', 'fr')).toBe('deux  ?');
  });

  it('is set over a pasted French text, and nowhere else', () => {
    expect(fixTypography('Pourquoi ? Parce que : le prix ; enfin ! À 10:30.', 'fr')).toBe('Pourquoi\u202f? Parce que\u00a0: le prix\u202f; enfin\u202f! À 10:30.');
    expect(fixTypography('Why ? Because : price', 'en')).toBe('Why ? Because : price');
  });
});

describe('typography over a pasted text', () => {
  it('fixes a whole text at once', () => {
    expect(fixTypography(`"It's done," she said -- and left... 'Really?'`, 'en')).toBe('“It’s done,” she said — and left… ‘Really?’');
    expect(fixTypography('Il a dit "oui".', 'fr')).toBe('Il a dit «\u202foui\u202f».');
    expect(fixTypography('Er sagte "ja".', 'de')).toBe('Er sagte „ja“.');
  });
});
