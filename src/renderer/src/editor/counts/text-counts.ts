/** Words, characters and reading time of a text, as the status bar shows them. */
import { countWords, readingMinutes } from '../../../../document/plain-text';

export interface TextCounts {
  words: number;
  /** Characters with spaces, line breaks not counted. */
  characters: number;
  minutes: number;
}

export function textCounts(text: string): TextCounts {
  const words = countWords(text);
  let characters = 0;
  for (const char of text) if (char !== '\n') characters++;
  return { words, characters, minutes: readingMinutes(words) };
}

export const NO_COUNTS: TextCounts = { words: 0, characters: 0, minutes: 0 };
