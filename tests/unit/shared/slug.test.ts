import { describe, expect, it } from 'vitest';
import { isSafeSlug, slugify, uniqueSlug } from '../../../src/shared/slug';

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
  it('adds a number when taken, comparing case-insensitively', () => {
    expect(uniqueSlug('talks', new Set())).toBe('talks');
    expect(uniqueSlug('talks', new Set(['talks']))).toBe('talks-2');
    expect(uniqueSlug('talks', new Set(['Talks', 'talks-2']))).toBe('talks-3');
  });
});
