/**
 * A byline as a page prints it ("By Ana Lima and Tom Berg", "Ana Lima, Reporter") as CSL
 * names: a person as given and family name, a desk or an agency as a literal.
 */
import type { CslName } from '../../../shared/source';

/** Words that make a name a body rather than a person. */
const BODY_WORDS = /\b(staff|desk|team|newsroom|agency|agencies|news|press|wire|service|editors|editorial|board|authority|ministry|council|office|bureau|reporters|correspondents)\b/i;
/** A job title printed after a name ("Ana Lima, Political Reporter"). */
const ROLE = /^(the\s+)?((senior|chief|staff|political|foreign|economics|business|science|data|deputy|special|contributing)\s+)*(reporter|writer|correspondent|editor|journalist|columnist|analyst|producer|photographer)s?$/i;
/** Family-name particles that belong with the family name ("da Silva", "van der Berg"). */
const PARTICLES = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter', 'ten', 'bin', 'al']);

/** The names of a byline, in order, each once. */
export function bylineNames(byline: string): CslName[] {
  const text = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(written\s+|reported\s+|words\s+)?by\s+/i, '')
    // A date or a place after a separator is not a name.
    .split(/\s+[|•·—–]\s+|\s+-\s+/)[0]!
    .trim();
  if (!text || /^https?:\/\//i.test(text)) return [];
  const names: CslName[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\s*(?:,|;|&|\band\b|\bwith\b)\s*/i)) {
    const part = raw.replace(/^by\s+/i, '').replace(/\s+in\s+\p{Lu}.*$/u, '').replace(/[.:]+$/, '').trim();
    if (!part || ROLE.test(part) || /@|\d|https?:/.test(part) || part.length > 120) continue;
    const key = part.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(personOrBody(part));
  }
  return names;
}

/** One name: a person ("Ana da Silva" → given Ana, family da Silva) or a literal. */
export function personOrBody(name: string): CslName {
  const words = name.split(' ').filter(Boolean);
  if (words.length < 2 || words.length > 5 || BODY_WORDS.test(name) || words.some((w) => /^[^\p{L}]/u.test(w))) return { literal: name };
  let cut = words.length - 1;
  while (cut > 1 && PARTICLES.has(words[cut - 1]!.toLowerCase())) cut--;
  return { given: words.slice(0, cut).join(' '), family: words.slice(cut).join(' ') };
}
