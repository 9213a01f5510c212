/**
 * Content words: what the words around a figure are about, in a form two texts can share
 * ("households" and "household", "fully" and "full"). Function words of the languages the
 * newsroom writes in are left out.
 */

const STOPWORDS = new Set(
  [
    // English
    'a an the and or but nor so yet of in on at to for from by with without into onto over under about above below between among',
    'through during before after since until till up down out off than then as per via vs is are was were be been being am do does',
    'did done has have had having will would shall should can could may might must it its it\'s this that these those there here',
    'he she they we i you him her them us me my your his their our who whom whose which what when where why how all any both each',
    'every few more most other some such no not only own same very just also still even again now once too much many more less',
    'least lot lots one ones while whether if because though although whereas against within across along around toward towards',
    'upon per cent percent',
    // German
    'der die das den dem des ein eine einer eines einem einen und oder aber nicht auch noch nur schon mit von zu zum zur im in am an',
    'auf aus bei nach vor über unter für gegen ohne um bis seit als wie so dass ist sind war waren wird werden wurde wurden hat haben',
    'hatte sein es er sie wir ich ihr man sich prozent',
    // French
    'le la les un une des du de d l au aux et ou mais ne pas plus que qui quoi dont où en dans sur sous pour par avec sans chez entre',
    'est sont était étaient été être a ont avait avoir il elle ils elles nous vous on se sa son ses leur leurs ce cette ces selon',
    'pour cent',
    // Dutch and Portuguese
    'het een van en op te dat die voor met zijn niet aan er om ook als bij uit zei volgens o os um uma e do da dos das no na nos nas',
    'em por para com sem que se mais ao à às foi são é',
  ]
    .join(' ')
    .split(/\s+/),
);

/** Words too common around figures to say what they are about: speech, time units, titles. */
const COMMON = new Set(
  [
    'said says say told according new last next first second third year years day days week weeks month months time times',
    'mr mrs ms dr sagte sagt laut jahr jahre jahren dit déclaré an ans année années disse segundo zei volgens',
  ]
    .join(' ')
    .split(/\s+/),
);

/** True for a word that says nothing about what a figure counts ("the", "of", "per", "said"). */
export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/** A light stem, enough to meet "households"/"household", "proposals"/"proposal", "fully"/"full". */
export function stem(norm: string): string {
  if (norm.length <= 3 || /\d/.test(norm)) return norm;
  if (norm.endsWith('ies') && norm.length > 4) return `${norm.slice(0, -3)}y`;
  if (norm.endsWith('ing') && norm.length > 5) return norm.slice(0, -3);
  if (norm.endsWith('ed') && norm.length > 4) return norm.slice(0, -2);
  if (norm.endsWith('ully')) return norm.slice(0, -1);
  if (norm.endsWith('ly') && norm.length > 4) return norm.slice(0, -2);
  if (norm.endsWith('es') && norm.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(norm)) return norm.slice(0, -2);
  if (norm.endsWith('s') && !norm.endsWith('ss') && norm.length > 3) return norm.slice(0, -1);
  return norm;
}

/** A content word's stem, or null for a function word, a common word or a lone letter. */
export function contentStem(norm: string): string | null {
  if (norm.length < 2 && !/\d/.test(norm)) return null;
  if (STOPWORDS.has(norm) || COMMON.has(norm)) return null;
  return stem(norm);
}
