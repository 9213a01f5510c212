import { expect, it } from 'vitest';
import { snippetParts } from '../../../src/renderer/src/search/snippet-parts';

it('splits a snippet into plain and marked runs, in order', () => {
  expect(snippetParts({ text: 'the harbour pilots said', highlights: [[12, 18], [4, 11]] })).toEqual([
    { text: 'the ', marked: false },
    { text: 'harbour', marked: true },
    { text: ' ', marked: false },
    { text: 'pilots', marked: true },
    { text: ' said', marked: false },
  ]);
});

it('clips overlapping and out-of-range highlights instead of failing', () => {
  expect(snippetParts({ text: 'pilots', highlights: [[0, 4], [2, 6], [5, 99], [40, 50]] })).toEqual([
    { text: 'pilo', marked: true },
    { text: 'ts', marked: true },
  ]);
  expect(snippetParts({ text: '', highlights: [[0, 3]] })).toEqual([]);
});
