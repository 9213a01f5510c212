import { expect, it } from 'vitest';
import { foldForMatch, fuzzyMatch } from '../../../src/renderer/src/shell/fuzzy-match';

it('folds case and accents without moving positions', () => {
  expect(foldForMatch('Serra do Lume’s ÁREAS')).toBe('serra do lume’s areas');
  expect(foldForMatch('Straße').length).toBe('Straße'.length);
});

it('matches letters in order, whole words and runs first', () => {
  const text = foldForMatch('Rotterdam terminal strike talks narrow pay gap');
  expect(fuzzyMatch('rtdm strk', text)).not.toBeNull();
  expect(fuzzyMatch('strike', text)!.score).toBeGreaterThan(fuzzyMatch('stk', text)!.score);
  expect(fuzzyMatch('zeppelin', text)).toBeNull();
  // The positions mark the letters matched.
  expect(fuzzyMatch('pay', text)!.positions.map((i) => text[i]).join('')).toBe('pay');
  // A word's start beats the same letters inside a word.
  expect(fuzzyMatch('gap', foldForMatch('gap year'))!.score).toBeGreaterThan(fuzzyMatch('gap', foldForMatch('a bigapple'))!.score);
});
