/**
 * Numbers as newsrooms write them, read to a value: 99,000 (en), 99 000 and 99 000 with
 * no-break spaces (fr, SI), 99.000 (de, nl, pt), 1’000 (Swiss), 12.5 / 12,5. Which of
 * `.` and `,` is the decimal mark depends on the language of the text.
 */

/** `dot`: 1,234.5 (English); `comma`: 1.234,5 (German, French, Dutch, Portuguese, …). */
export type NumberStyle = 'dot' | 'comma';

const COMMA_DECIMAL = new Set(['de', 'fr', 'nl', 'pt', 'es', 'it', 'da', 'sv', 'nb', 'no', 'fi', 'pl', 'cs', 'ru', 'tr', 'ro', 'hu']);

/** The number style of a language tag ('de-CH' writes 1’000.50, which either style reads). */
export function numberStyleOf(language: string | null | undefined): NumberStyle {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return COMMA_DECIMAL.has(primary) ? 'comma' : 'dot';
}

/** Spaces that group thousands: space, no-break space, narrow no-break space, thin space. */
export const isGroupSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\u202f' || c === '\u2009';
const isApostrophe = (c: string | undefined) => c === '\u2019' || c === "'";
export const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** A number as written, read. */
export interface ParsedNumber {
  value: number;
  /** The step it was written to: 38,000 → 1000, 12.5 → 0.1, 7 → 1. */
  step: number;
}

/**
 * The length of the number written at `i` (digits with their group and decimal marks), or 0.
 * Spaces and apostrophes group only 3 digits after a group of 1 to 3 ("12 000", not "2016 120").
 */
export function numberLength(text: string, i: number): number {
  let j = i;
  while (isDigit(text[j])) j++;
  if (j === i) return 0;
  const firstGroup = j - i;
  for (;;) {
    const c = text[j];
    if ((isGroupSpace(c) || isApostrophe(c)) && firstGroup <= 3 && threeDigitsAt(text, j + 1)) {
      j += 4;
      continue;
    }
    if ((c === ',' || c === '.') && isDigit(text[j + 1])) {
      j += 1;
      while (isDigit(text[j])) j++;
      continue;
    }
    return j - i;
  }
}

const threeDigitsAt = (text: string, k: number) => isDigit(text[k]) && isDigit(text[k + 1]) && isDigit(text[k + 2]) && !isDigit(text[k + 3]);

/** Reads a number written as `numberLength` found it, in the text's style. */
export function parseNumber(raw: string, style: NumberStyle): ParsedNumber {
  // One pass: the digits, and the marks between them (a character loop; sources have thousands of numbers).
  // The digits are gathered a run at a time: a plain "2026" is its own digits.
  let digits = '';
  let runStart = 0;
  let grouped = false;
  let commas = 0;
  let points = 0;
  let lastMark = '';
  let lastMarkAt = -1;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 48 && c <= 57) continue;
    digits += raw.slice(runStart, k);
    runStart = k + 1;
    if (c === 44 || c === 46) {
      if (c === 44) commas++;
      else points++;
      lastMark = c === 44 ? ',' : '.';
      lastMarkAt = digits.length;
    } else grouped = true;
  }
  digits = runStart === 0 ? raw : digits + raw.slice(runStart);
  let decimalAt = -1;
  if (commas && points) decimalAt = lastMarkAt;
  else if (commas + points === 1) {
    const after = digits.length - lastMarkAt;
    if (grouped || after !== 3 || (style === 'dot') === (lastMark === '.')) decimalAt = lastMarkAt;
  }
  const integer = decimalAt < 0 ? digits : digits.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : digits.slice(decimalAt);
  const value = fraction ? Number(`${integer || '0'}.${fraction}`) : Number(integer || '0');
  if (fraction) return { value, step: 10 ** -fraction.length };
  let zeros = 0;
  while (zeros < integer.length - 1 && integer[integer.length - 1 - zeros] === '0') zeros++;
  return { value, step: 10 ** zeros };
}

/** A value as a stable string: 2.1 × 1e6 is 2100000, not 2100000.0000000005. */
export function canonicalValue(value: number): string {
  if (Number.isSafeInteger(value) && Math.abs(value) < 1e12) return String(value);
  // A value written in 12 significant digits or fewer is already what rounding to 12 gives back.
  const plain = String(value);
  if (!plain.includes('e') && significantDigits(plain) <= 12) return plain;
  return String(Number(value.toPrecision(12)));
}

/** Digits of a number as `String` writes it, leading zeros aside ("0.0125" → 3). */
function significantDigits(written: string): number {
  let count = 0;
  for (let k = 0; k < written.length; k++) {
    const c = written.charCodeAt(k);
    if (c < 48 || c > 57) continue;
    if (count === 0 && c === 48) continue;
    count++;
  }
  return count;
}

/** Number words read as figures (cheap ones): two to twenty. "One" is left out: it is mostly a pronoun. */
export const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, zehn: 10, zwölf: 12, zwanzig: 20,
  deux: 2, trois: 3, quatre: 4, cinq: 5, dix: 10, douze: 12, vingt: 20,
};

/** Fractions read as shares, in percent. */
export const FRACTION_WORDS: Record<string, number> = {
  half: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fifth: 20, fifths: 20, tenth: 10, tenths: 10,
};

/** Scale words and suffixes after a number; `m` and `k` count only after a currency. */
export const SCALES: Array<{ pattern: RegExp; factor: number; needsCurrency?: boolean }> = [
  { pattern: /^(?:trillions?|tn)\b/i, factor: 1e12 },
  { pattern: /^(?:billions?|bn|milliards?|mrd\.?|milliarden|milliarde|mil milhões|miljard)(?![\p{L}])/iu, factor: 1e9 },
  { pattern: /^(?:millions?|mn|mio\.?|millionen|million|milhões|milhão|miljoen|mln)(?![\p{L}])/iu, factor: 1e6 },
  { pattern: /^(?:thousand|tausend|mille)(?![\p{L}])/iu, factor: 1e3 },
  { pattern: /^[mM](?![\p{L}\p{N}])/u, factor: 1e6, needsCurrency: true },
  { pattern: /^[kK](?![\p{L}\p{N}])/u, factor: 1e3, needsCurrency: true },
];

/** Currency written before the number. */
export const CURRENCY_BEFORE: Array<[RegExp, string]> = [
  [/(?:US\$|\$US|USD)\s?$/, 'USD'],
  [/R\$\s?$/, 'BRL'],
  [/(?:€|EUR)\s?$/, 'EUR'],
  [/(?:£|GBP)\s?$/, 'GBP'],
  [/(?:CHF|Fr\.)\s?$/, 'CHF'],
  [/(?:¥|JPY)\s?$/, 'JPY'],
  [/\$\s?$/, 'USD'],
];

/** Currency written after the number (and its scale). */
export const CURRENCY_AFTER: Array<[RegExp, string]> = [
  [/^(?:€|euros?|Euros?|EUR|(?:d['’]|de )euros?)(?![\p{L}])/u, 'EUR'],
  [/^(?:US dollars?|dollars?|USD|\$)(?![\p{L}])/u, 'USD'],
  [/^(?:£|pounds?(?: sterling)?|GBP)(?![\p{L}])/u, 'GBP'],
  [/^(?:CHF|Franken|francs? suisses?|Swiss francs?)(?![\p{L}])/u, 'CHF'],
  [/^(?:reais|BRL)(?![\p{L}])/u, 'BRL'],
];

/** Percent written after the number (`points` for percentage points), or a multiple (`times`). */
export const PERCENT_AFTER: Array<[RegExp, 'percent' | 'points' | 'times']> = [
  [/^(?:times|fois|vezes|keer)(?![\p{L}])/u, 'times'],
  [/^(?:percentage points?|Prozentpunkte?n?|points? de pourcentage|pontos percentuais|procentpunten|pp)(?![\p{L}])/u, 'points'],
  [/^(?:%|per ?cent|Prozent|pour ?cent|por cento|procent|pct\.?)(?![\p{L}])/u, 'percent'],
];
