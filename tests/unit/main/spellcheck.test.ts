/** Spellcheck never reaches the network: the plan for each platform, and what it hands a session (a recorder here). */
import { describe, expect, it } from 'vitest';
import { applySpellcheck, dictionaryLanguage, planSpellcheck, type SpellcheckSession } from '../../../src/main/spellcheck';

function recorder() {
  const calls: Array<[string, unknown]> = [];
  const session: SpellcheckSession = {
    setSpellCheckerDictionaryDownloadURL: (url) => void calls.push(['url', url]),
    setSpellCheckerEnabled: (enabled) => void calls.push(['enabled', enabled]),
    setSpellCheckerLanguages: (languages) => void calls.push(['languages', languages]),
  };
  return { session, calls };
}

const dir = '/opt/Copydesk/resources/dictionaries';

describe('spellcheck', () => {
  it('names languages from Chromium dictionary files', () => {
    expect(dictionaryLanguage('en-US-10-1.bdic')).toBe('en-US');
    expect(dictionaryLanguage('pt-BR-3-0.bdic')).toBe('pt-BR');
    expect(dictionaryLanguage('nl-3-0.bdic')).toBe('nl');
    expect(dictionaryLanguage('README.md')).toBeNull();
    expect(dictionaryLanguage('en-US.dic')).toBeNull();
  });

  for (const platform of ['linux', 'win32'] as const) {
    it(`is off on ${platform} when no dictionary is shipped, and still points Chromium at the local folder`, () => {
      const plan = planSpellcheck({ platform, dictionaryDir: dir, dictionaryFiles: ['README.md'], preferred: ['en-GB'] });
      expect(plan).toMatchObject({ enabled: false, checker: 'none', languages: [], summary: 'Spelling: off (no offline dictionary installed)' });
      expect(plan.dictionaryUrl).toMatch(/^file:\/\/\/.*dictionaries\/$/);
      const { session, calls } = recorder();
      applySpellcheck(session, plan, platform);
      expect(calls).toEqual([
        ['url', plan.dictionaryUrl],
        ['enabled', false],
      ]);
    });

    it(`checks the user's own shipped languages on ${platform}, from the local folder only`, () => {
      const files = ['en-US-10-1.bdic', 'en-GB-10-1.bdic', 'nl-3-0.bdic', 'de-DE-3-0.bdic'];
      const plan = planSpellcheck({ platform, dictionaryDir: dir, dictionaryFiles: files, preferred: ['nl-NL', 'en-GB'] });
      expect(plan).toMatchObject({ enabled: true, checker: 'hunspell', languages: ['en-GB', 'en-US', 'nl'] });
      expect(plan.summary).toBe('Spelling: en-GB, en-US, nl (offline)');
      // None preferred: every shipped one.
      expect(planSpellcheck({ platform, dictionaryDir: dir, dictionaryFiles: files, preferred: ['ja-JP'] }).languages).toEqual(['de-DE', 'en-GB', 'en-US', 'nl']);
      const { session, calls } = recorder();
      applySpellcheck(session, plan, platform);
      expect(calls[0]).toEqual(['url', plan.dictionaryUrl]);
      expect(calls).toContainEqual(['languages', ['en-GB', 'en-US', 'nl']]);
    });
  }

  it('uses the system checker on macOS, with no language list and no download', () => {
    const plan = planSpellcheck({ platform: 'darwin', dictionaryDir: dir, dictionaryFiles: [], preferred: ['en-GB'] });
    expect(plan).toMatchObject({ enabled: true, checker: 'system', summary: 'Spelling: the languages set in macOS' });
    const { session, calls } = recorder();
    applySpellcheck(session, plan, 'darwin');
    expect(calls).toEqual([
      ['url', plan.dictionaryUrl],
      ['enabled', true],
    ]);
  });

  it('never names a web address for dictionaries', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const files of [[], ['en-US-10-1.bdic']]) {
        expect(planSpellcheck({ platform, dictionaryDir: dir, dictionaryFiles: files, preferred: [] }).dictionaryUrl.startsWith('file:')).toBe(true);
      }
    }
  });
});
