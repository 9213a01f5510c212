/**
 * The library's language filter names languages as an editor reads them, and keeps a tag
 * it cannot name as written.
 */
import { describe, expect, it } from 'vitest';
import { languageName } from '../../../src/renderer/src/format';

describe('languageName', () => {
  it('names the languages of the sample workspace and regional variants in English', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('fr')).toBe('French');
    expect(languageName('pt')).toBe('Portuguese');
    expect(languageName('nl')).toBe('Dutch');
    expect(languageName('en-GB')).toBe('British English');
  });

  it('keeps unknown or malformed tags as written', () => {
    expect(languageName('xx')).toBe('xx');
    expect(languageName('zz-ZZ')).toBe('zz-ZZ');
    expect(languageName('en_US')).toBe('en_US');
    expect(languageName('')).toBe('');
  });
});
