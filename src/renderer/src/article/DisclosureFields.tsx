/**
 * The article's language and its AI disclosure, under the byline: the language as a choice
 * (it sets the spellchecker's and the typography's rules), and how AI took part as a choice
 * (none, AI-assisted, AI-generated from sources: the IPTC digital source type in export),
 * with a note shown to readers.
 */
import { AI_USE_CHOICES, aiUseOf, DEFAULT_AI_NOTES, type AiUse } from '../../../shared/ai-use';
import type { ArticleMeta } from '../../../shared/article';
import { WordUndoInput } from './WordUndoInput';
import './DisclosureFields.css';

/** Languages a newsroom writes in most; any other already set stays offered. */
const LANGUAGES: Array<[string, string]> = [
  ['en', 'English'],
  ['en-GB', 'English (UK)'],
  ['en-US', 'English (US)'],
  ['fr', 'French'],
  ['de', 'German'],
  ['nl', 'Dutch'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['pt', 'Portuguese'],
  ['pl', 'Polish'],
  ['sv', 'Swedish'],
  ['da', 'Danish'],
  ['uk', 'Ukrainian'],
  ['ar', 'Arabic'],
];

interface DisclosureFieldsProps {
  meta: ArticleMeta;
  readOnly: boolean;
  onLanguage: (language: string) => void;
  onAiUse: (use: AiUse) => void;
  onAiNote: (note: string) => void;
}

export function DisclosureFields({ meta, readOnly, onLanguage, onAiUse, onAiNote }: DisclosureFieldsProps) {
  const use = aiUseOf(meta);
  const languages = LANGUAGES.some(([code]) => code === meta.language) || !meta.language ? LANGUAGES : [...LANGUAGES, [meta.language, meta.language] as [string, string]];
  return (
    <div className="disclosure-fields">
      <label className="disclosure-fields__item">
        <span>Language</span>
        <select value={meta.language || 'en'} disabled={readOnly} onChange={(e) => onLanguage(e.target.value)}>
          {languages.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="disclosure-fields__item">
        <span>AI</span>
        <select value={use} disabled={readOnly} onChange={(e) => onAiUse(e.target.value as AiUse)}>
          {AI_USE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {use !== 'none' && (
        <label className="disclosure-fields__note">
          <span>Disclosure shown to readers</span>
          <WordUndoInput value={meta.aiDisclosure} onValue={onAiNote} readOnly={readOnly} placeholder={DEFAULT_AI_NOTES[use]} />
        </label>
      )}
    </div>
  );
}
