/**
 * A text's language, guessed from its commonest short words, for how it writes numbers
 * (12.5 or 12,5; 99,000 or 99.000) when the article or source does not say.
 */

const MARKERS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'said'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'auf', 'sagte'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'pour', 'dans', 'qui'],
  nl: ['de', 'het', 'een', 'en', 'van', 'niet', 'zijn', 'voor', 'met', 'zei'],
  pt: ['o', 'os', 'que', 'do', 'da', 'não', 'uma', 'para', 'com', 'em'],
  es: ['el', 'los', 'que', 'del', 'las', 'por', 'una', 'para', 'con', 'es'],
};

const LOOKUP = new Map<string, string[]>();
for (const [language, words] of Object.entries(MARKERS)) {
  for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}

/** The longest marker word: longer words are not looked up (no string is made for them). */
const LONGEST = Math.max(...[...LOOKUP.keys()].map((w) => w.length));
/** Letters of the sample's words: a-z, à-ö, ø-ÿ. */
const isSampleLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0xf6) || (c >= 0xf8 && c <= 0xff);

/** The language whose common words `text` uses most (reading at most its first 4,000 characters), or null. */
export function guessLanguage(text: string): string | null {
  const counts = new Map<string, number>();
  const sample = text.slice(0, 4_000).toLowerCase();
  for (let i = 0; i < sample.length; ) {
    if (!isSampleLetter(sample.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < sample.length && isSampleLetter(sample.charCodeAt(end))) end++;
    const languages = end - i <= LONGEST ? LOOKUP.get(sample.slice(i, end)) : undefined;
    if (languages) for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
    i = end;
  }
  let best: string | null = null;
  let bestCount = 2;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}
