import { describe, expect, it } from 'vitest';
import { isSafeSlug, slugify, slugKey, uniqueSlug } from '../../../src/shared/slug';

describe('slugify', () => {
  it('turns a headline into a lowercase, hyphenated slug', () => {
    expect(slugify('Rotterdam strike talks: pay gap narrows, rosters stall')).toBe('rotterdam-strike-talks-pay-gap-narrows-rosters-stall');
  });

  it('keeps letters of every script and their accents', () => {
    expect(slugify('Ελλάδα: νέα μέτρα')).toBe('ελλάδα-νέα-μέτρα');
    expect(slugify('São Paulo’s café économie')).toBe('são-paulo-s-café-économie');
    expect(slugify('Café')).toBe(slugify('Cafe\u0301'));
  });

  it('never yields a path: separators, dots and traversal become hyphens or nothing', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('..')).toBe('untitled');
    expect(slugify('.')).toBe('untitled');
    expect(slugify('a\\b/c')).toBe('a-b-c');
    expect(slugify('ends with a dot.')).toBe('ends-with-a-dot');
    expect(slugify('nul\u0000byte')).toBe('nul-byte');
  });

  it('avoids Windows device names', () => {
    expect(slugify('CON')).toBe('con-article');
    expect(slugify('nul')).toBe('nul-article');
    expect(slugify('LPT1')).toBe('lpt1-article');
    expect(slugify('Console wars')).toBe('console-wars');
  });

  it('is never empty and never longer than 80 characters, cut at a word', () => {
    expect(slugify('')).toBe('untitled');
    expect(slugify('!!!')).toBe('untitled');
    const long = slugify('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
    expect(long.endsWith('word')).toBe(true);
  });

  it('produces only safe slugs', () => {
    for (const headline of ['../../etc/passwd', 'CON', '..', 'Ελλάδα', '448 drones, 99,000 households', 'x'.repeat(300)]) {
      expect(isSafeSlug(slugify(headline))).toBe(true);
    }
    expect(isSafeSlug('../x')).toBe(false);
    expect(isSafeSlug('con')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  const keys = (...slugs: string[]) => new Set(slugs.map(slugKey));
  it('adds a number when taken, comparing as case-insensitive file systems do', () => {
    expect(uniqueSlug('talks', keys())).toBe('talks');
    expect(uniqueSlug('talks', keys('talks'))).toBe('talks-2');
    expect(uniqueSlug('talks', keys('Talks', 'talks-2'))).toBe('talks-3');
    expect(uniqueSlug('café', keys('cafe\u0301'))).toBe('café-2');
  });
});

describe('long headlines in any script', () => {
  it('stay within 150 bytes of UTF-8, so the file name and its temp name fit in 255', () => {
    const thai = slugify('ก'.repeat(200));
    expect(new TextEncoder().encode(thai).length).toBeLessThanOrEqual(150);
    const hindi = slugify('नमस्ते दुनिया '.repeat(30));
    expect(new TextEncoder().encode(hindi).length).toBeLessThanOrEqual(150);
    expect(hindi.endsWith('-')).toBe(false);
    expect(isSafeSlug(hindi)).toBe(true);
  });
});
