/**
 * Spellcheck that never reaches the network. On Windows and Linux Chromium spellchecks with
 * Hunspell dictionaries (`.bdic` files) that it downloads from a remote server unless told
 * otherwise; Copydesk tells it to look in a local folder instead (the dictionaries the app
 * ships in resources/dictionaries, copied where Chromium reads them first), and turns
 * spellcheck off when that folder has none. macOS uses the system's own checker.
 *
 * The plan is pure (tested without Electron); `applySpellcheck` only hands it to a session.
 */
import { pathToFileURL } from 'node:url';

/** How spelling is checked in this app, and what the menu says about it. */
export interface SpellcheckPlan {
  enabled: boolean;
  checker: 'system' | 'hunspell' | 'none';
  /** Languages checked, as Chromium names them (`en-US`); empty with the system checker, which picks its own. */
  languages: string[];
  /** The local folder Chromium is sent to for dictionaries: a file: URL, never a web address. */
  dictionaryUrl: string;
  /** The line the Edit menu shows. */
  summary: string;
}

export interface SpellcheckInput {
  platform: NodeJS.Platform;
  /** The folder of shipped dictionaries (resources/dictionaries). */
  dictionaryDir: string;
  /** File names found in that folder. */
  dictionaryFiles: readonly string[];
  /** The user's languages, most preferred first (app.getPreferredSystemLanguages()). */
  preferred: readonly string[];
}

/** `en-US-10-1.bdic` → `en-US`: Chromium names its dictionary files by language and format version. */
export function dictionaryLanguage(fileName: string): string | null {
  const match = /^([a-z]{2,3}(?:-[A-Z]{2})?)-\d+-\d+\.bdic$/.exec(fileName);
  return match ? match[1]! : null;
}

export function planSpellcheck(input: SpellcheckInput): SpellcheckPlan {
  const dictionaryUrl = pathToFileURL(input.dictionaryDir.endsWith('/') || input.dictionaryDir.endsWith('\\') ? input.dictionaryDir : `${input.dictionaryDir}/`).href;
  if (input.platform === 'darwin') {
    return { enabled: true, checker: 'system', languages: [], dictionaryUrl, summary: 'Spelling: the languages set in macOS' };
  }
  const shipped = [...new Set(input.dictionaryFiles.map(dictionaryLanguage).filter((l): l is string => l !== null))].sort();
  if (shipped.length === 0) {
    return { enabled: false, checker: 'none', languages: [], dictionaryUrl, summary: 'Spelling: off (no offline dictionary installed)' };
  }
  // The user's own languages first (exact, then by base language), else every shipped one.
  const base = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const wanted = shipped.filter((language) => input.preferred.some((p) => p === language || base(p) === base(language)));
  const languages = wanted.length ? wanted : shipped;
  return { enabled: true, checker: 'hunspell', languages, dictionaryUrl, summary: `Spelling: ${languages.join(', ')} (offline)` };
}

/** The part of Electron's Session used here. */
export interface SpellcheckSession {
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
}

/** Hands the plan to a session. The download URL is set first and always, so nothing can fetch from the web. */
export function applySpellcheck(session: SpellcheckSession, plan: SpellcheckPlan, platform: NodeJS.Platform): void {
  session.setSpellCheckerDictionaryDownloadURL(plan.dictionaryUrl);
  session.setSpellCheckerEnabled(plan.enabled);
  // On macOS the system picks the languages; Electron refuses a list there.
  if (platform !== 'darwin' && plan.enabled) session.setSpellCheckerLanguages(plan.languages);
}
