/**
 * Who the article says said a quote: "…,” said Anna Verhoeven", "…,” Ms Verhoeven said",
 * "Marieke Dekker, the alderman, told the committee", "Verhoeven said: “…”", "according to
 * the minister", "sagte Verhoeven", "selon Mme Verhoeven". A pronoun ("she said") stands
 * for the last person named as speaking earlier in the same block; a role ("the
 * minister") is kept but marked, and is not checked. Every search looks at a bounded
 * stretch of text, so a block of any size costs the same per quote.
 */

/** A speaker as the article names them. */
export interface Speaker {
  name: string;
  isRole: boolean;
}

const VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'wrote', 'writes', 'argued', 'argues', 'warned',
  'warns', 'insisted', 'insists', 'explained', 'explains', 'noted', 'notes', 'claimed', 'claims', 'asked', 'asks', 'replied',
  'replies', 'recalled', 'recalls', 'conceded', 'concedes', 'admitted', 'admits', 'acknowledged', 'announced', 'declared',
  'described', 'describes', 'called', 'calls', 'stressed', 'stresses', 'urged', 'urges', 'continued', 'agreed', 'put it',
  'sagte', 'sagt', 'sagten', 'erklärte', 'erklärt', 'betonte', 'betont', 'meinte', 'meint', 'schrieb', 'warnte', 'kritisierte',
  'fügte', 'ergänzte', 'a déclaré', 'a dit', 'déclare', 'dit', 'a expliqué', 'explique', 'affirme', 'a affirmé', 'a souligné',
  'souligne', 'estime', 'a estimé', 'ajoute', 'a ajouté', 'précise', 'a précisé', 'a-t-il dit', 'a-t-elle dit',
  'a-t-il déclaré', 'a-t-elle déclaré', 'a-t-il ajouté', 'a-t-elle ajouté', 'a-t-il expliqué', 'a-t-elle expliqué', 'insiste',
  'a insisté', 'répète', 'rappelle', 'a rappelé', 'a lancé', 'nannte', 'nennt', 'versprach', 'zei', 'zegt', 'disse', 'afirmou',
  'explicou',
];
const VERB = `(?:${VERBS.join('|')})`;
const ACCORDING = '(?:according to|laut|selon|d[\'’]après|volgens|segundo|aldus)';
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'er', 'sie', 'il', 'elle', 'ils', 'elles', 'hij', 'zij', 'ele', 'ela']);
/** Capitalized words that do not start a name. */
const NOT_NAME = new Set(
  ('The A An This That These Those It He She They We I You His Her Their Its Our But And Then Yet So On In At For By From With ' +
    'After Before When While Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Der Die Das Le La Les Un Une Il Elle Am Im Mit Auf Dans Selon Laut Lors Het De Een ' +
    'Officials Critics Residents Analysts Experts Police Many Some Most Others Everyone Nobody')
    .split(' '),
);
const HONORIFIC = "(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Herr|Frau|M\\.|Mme|Mlle|Sr|Sra|Dhr|Mevr)\\.?\\s+";
const PARTICLE = '(?:van der|van den|von der|van|von|de|der|den|du|da|do|dos|das|ter|ten|el|al|bin|di|del|della|la|le)';
const CAP = "\\p{Lu}[\\p{L}'’\\-]+";
const NAME = `(?:${HONORIFIC})?${CAP}(?:\\s+(?:${PARTICLE}\\s+)*${CAP}){0,3}`;
/** A role: a determiner and up to three lower-case words ("the minister", "a spokesperson for the port"). */
const ROLE = "(?:(?:[Tt]he|[Aa]n?|[Dd]er|[Dd]ie|[Dd]as|[Ll]es?|[Ll]a|[Uu]ne?|[Hh]et)\\s+|[Ll]['’])[\\p{Ll}][\\p{L}'’\\-]*(?:\\s+[\\p{Ll}][\\p{L}'’\\-]*){0,3}";
const PRONOUN = '(?:he|she|they|er|sie|il|elle|ele|ela)(?![\\p{L}])';
const SUBJECT = `(${NAME}|${ROLE}|\\p{L}+)`;
const APPOSITIVE = '(?:,[^,.!?;“”"«»„]{1,160},)?';

// After the quote: `, said X`, `, X said`, `, X, the role, told …`, `, according to X`.
const AFTER_VERB_FIRST = new RegExp(`^[\\s,.!?]*(?:(?:${VERB}|${ACCORDING})\\s+(${NAME}|${ROLE}|${PRONOUN})|so\\s+(${NAME}))`, 'u');
const AFTER_SUBJECT_FIRST = new RegExp(`^[\\s,.!?]*${SUBJECT}${APPOSITIVE}\\s+(?:(?:has|had|have|was|is|hat|a)\\s+)?${VERB}(?![\\p{L}])`, 'u');
// Before the quote, in its sentence: `X said:`, `X, the role, said the company had`, `said X:`, `according to X,`.
const BEFORE = new RegExp(`${SUBJECT}${APPOSITIVE}\\s+(?:(?:has|had|have|was|is|also|then|hat|a)\\s+)?${VERB}(?![\\p{L}])[^.!?“”"«»„]*$`, 'u');
const BEFORE_VERB_FIRST = new RegExp(`(?:${VERB}|${ACCORDING})\\s+(${NAME}|${ROLE})\\s*[:,]?\\s*$`, 'u');
const ANY_NAMED = new RegExp(`(${NAME})${APPOSITIVE}\\s+(?:(?:has|had|have|was|is|also|hat|a)\\s+)?${VERB}(?![\\p{L}])|(?:${VERB}|${ACCORDING})\\s+(${NAME})`, 'gu');
const LEAD_NAME = new RegExp(`^\\s*(${NAME})`, 'u');

/** A candidate subject as a speaker: a name (leading non-name words dropped), a role, a pronoun (null). */
function asSpeaker(raw: string | undefined): Speaker | 'pronoun' | null {
  if (!raw) return null;
  const words = raw.trim().split(/\s+/);
  if (words.length === 1 && PRONOUNS.has(words[0]!.toLowerCase())) return 'pronoun';
  if (/^\p{Ll}/u.test(words[0]!) || /^(?:The|A|An|Der|Die|Das|Le|La|Les|L['’]|Un|Une|Het)$/.test(words[0]!)) {
    if (words.length === 1) return null;
    return { name: raw.trim().replace(/^\p{Lu}/u, (c) => c.toLowerCase()), isRole: true };
  }
  while (words.length && NOT_NAME.has(words[0]!)) words.shift();
  if (!words.length || !/^\p{Lu}/u.test(words[0]!)) return null;
  return { name: words.join(' '), isRole: false };
}

const SENTENCE_END = /[.!?][”"’»]?\s+(?=[“"‘«„\p{Lu}])/gu;

/** Start of the sentence holding `offset` (looking back at most 400 characters). */
function sentenceStart(text: string, offset: number): number {
  const from = Math.max(0, offset - 400);
  let start = from;
  SENTENCE_END.lastIndex = 0;
  const window = text.slice(from, offset);
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) start = from + m.index + m[0].length;
  return start;
}

/** The last person named as speaking in `text` before `offset` (within 2,000 characters). */
function lastNamedSpeaker(text: string, offset: number): Speaker | null {
  const window = text.slice(Math.max(0, offset - 2000), offset);
  let found: Speaker | null = null;
  ANY_NAMED.lastIndex = 0;
  for (let m = ANY_NAMED.exec(window); m; m = ANY_NAMED.exec(window)) {
    const speaker = asSpeaker(m[1] ?? m[2]);
    if (speaker && speaker !== 'pronoun' && !speaker.isRole) found = speaker;
  }
  return found;
}

/**
 * The speaker of the quote whose marks run from `open` to `close` in `text`: named after
 * it, or before it in its sentence; a pronoun stands for `previous` (the last quote's
 * speaker in the block) or the last person named as speaking before it.
 */
export function speakerOf(text: string, open: number, close: number, previous: Speaker | null): Speaker | null {
  const after = text.slice(close + 1, close + 240);
  // A quote that ends its own sentence (“… yesterday.”) takes an attribution after it only when that ends the sentence too.
  const sentenceDone = /[.!?]\s*$/.test(text.slice(Math.max(0, close - 3), close));
  const fits = (m: RegExpExecArray) => !sentenceDone || /^\s*(?:[.!?]|$)/.test(after.slice(m.index + m[0].length));
  const verbFirst = AFTER_VERB_FIRST.exec(after);
  let found = verbFirst && fits(verbFirst) ? asSpeaker(verbFirst[1] ?? verbFirst[2]) : null;
  if (!found) {
    const subjectFirst = AFTER_SUBJECT_FIRST.exec(after);
    if (subjectFirst && fits(subjectFirst)) found = asSpeaker(subjectFirst[1]);
  }
  if (!found) {
    const before = text.slice(sentenceStart(text, open), open);
    found = asSpeaker(BEFORE.exec(before)?.[1]) ?? asSpeaker(BEFORE_VERB_FIRST.exec(before)?.[1]);
  }
  if (found === 'pronoun' || !found) {
    if (found === 'pronoun' || previous) return previous ?? lastNamedSpeaker(text, open);
    return null;
  }
  return found;
}

/**
 * The speaker a block quotation is introduced by: the previous block ends with a colon
 * and names someone at the start of its last sentence ("Mr Bakels set out the case in a
 * letter to staff:"), or names them as speaking.
 */
export function leadInSpeaker(previousText: string | undefined): Speaker | null {
  if (!previousText || !/:\s*$/.test(previousText)) return null;
  const sentence = previousText.slice(sentenceStart(previousText, previousText.length));
  const lead = LEAD_NAME.exec(sentence);
  const speaker = asSpeaker(lead?.[1]);
  if (speaker && speaker !== 'pronoun') return speaker;
  if (speaker === 'pronoun') return lastNamedSpeaker(previousText, previousText.length);
  return null;
}

/** Whether the words between two quotes are an attribution that interrupts one quotation (", she said, "). */
export function isInterruption(between: string): boolean {
  if (between.length > 160 || /[.!?;“”"«»„]/.test(between)) return false;
  if (!/,\s*$/.test(between)) return false;
  return new RegExp(`(?:^|\\s)(?:${VERB}|${ACCORDING})(?:\\s|,|$)`, 'u').test(between);
}

/** The family name a source must mention: the last word of a name ("Youssef El Amrani" → "Amrani"). */
export function surnameOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return (words.at(-1) ?? name).replace(/['’]s$/, '');
}
