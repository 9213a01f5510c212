/**
 * The article's fields above the body: the workflow line (status and its actions, passed
 * in), kicker and section (with the ones already in use offered), the article menu,
 * headline, dek, bylines and dateline, tags (with the workspace's offered), and the AI
 * disclosure when there is one.
 */
import { useState, type ReactNode } from 'react';
import type { ArticleMeta } from '../../../shared/article';
import type { FieldSuggestions } from '../library/suggestions';
import { TagsField } from '../tags/TagsField';
import { bylinesFromText } from './article-meta';
import { AutoGrowTextarea } from './AutoGrowTextarea';
import { DisclosureFields } from './DisclosureFields';
import { FieldCount } from './FieldCount';
import { WordUndoInput } from './WordUndoInput';
import './ArticleHeader.css';

/** The fields a person edits here; the status has its own call. */
export type HeaderField = 'kicker' | 'section' | 'headline' | 'dek' | 'bylines' | 'dateline' | 'tags' | 'language' | 'aiUse' | 'aiDisclosure';

/** Soft limits: past them the count turns red; nothing is cut. */
export const HEADLINE_SOFT_LIMIT = 80;
export const DEK_SOFT_LIMIT = 300;

interface ArticleHeaderProps {
  meta: ArticleMeta;
  /** Frozen while the app switches away from the article, or locked as approved copy. */
  readOnly: boolean;
  autoFocusHeadline: boolean;
  suggestions: FieldSuggestions;
  onEdit: <K extends HeaderField>(field: K, value: ArticleMeta[K]) => void;
  /** The status and what can be done with it, above the kicker. */
  workflow: ReactNode;
  /** The article menu, at the end of the kicker's row. */
  actions: ReactNode;
}

/** Moves the caret to a field of the article pane, by its accessible name. */
function focusField(label: string): void {
  document.querySelector<HTMLElement>(`.article-pane [aria-label="${label}"]`)?.focus();
}

export function ArticleHeader({ meta, readOnly, autoFocusHeadline, suggestions, onEdit, workflow, actions }: ArticleHeaderProps) {
  // Typed as text ("Ana Lima, Tom Berg") and stored as a list.
  const [bylineText, setBylineText] = useState(meta.bylines.join(', '));
  return (
    <header className="article-header">
      {workflow}
      <div className="article-header__row">
        <WordUndoInput
          className="field-kicker"
          list="copydesk-kickers"
          aria-label="Kicker"
          placeholder="Kicker"
          value={meta.kicker}
          readOnly={readOnly}
          onValue={(value) => onEdit('kicker', value)}
        />
        <span className="dot">·</span>
        <WordUndoInput
          className="field-section"
          list="copydesk-sections"
          aria-label="Section"
          placeholder="Section"
          value={meta.section}
          readOnly={readOnly}
          onValue={(value) => onEdit('section', value)}
        />
        {actions}
      </div>
      <AutoGrowTextarea
        className="field-headline"
        ariaLabel="Headline"
        placeholder="Headline"
        value={meta.headline}
        readOnly={readOnly}
        autoFocus={autoFocusHeadline}
        onChange={(value) => onEdit('headline', value)}
        language={meta.language}
        onEnter={() => focusField('Dek')}
        describedBy="headline-count"
      />
      <FieldCount id="headline-count" label="Headline" length={meta.headline.length} limit={HEADLINE_SOFT_LIMIT} />
      <AutoGrowTextarea
        className="field-dek"
        ariaLabel="Dek"
        placeholder="Dek: one paragraph that tells the reader why this matters"
        value={meta.dek}
        readOnly={readOnly}
        onChange={(value) => onEdit('dek', value)}
        language={meta.language}
        onEnter={() => focusField('Article body')}
        describedBy="dek-count"
      />
      <FieldCount id="dek-count" label="Dek" length={meta.dek.length} limit={DEK_SOFT_LIMIT} />
      <div className="article-header__byline">
        <span>By</span>
        <WordUndoInput
          className="field-byline"
          aria-label="Bylines"
          placeholder="Reporter, Reporter"
          value={bylineText}
          readOnly={readOnly}
          onValue={(value) => {
            setBylineText(value);
            onEdit('bylines', bylinesFromText(value));
          }}
        />
        <span className="dot">·</span>
        <WordUndoInput
          className="field-dateline"
          aria-label="Dateline"
          placeholder="Dateline"
          value={meta.dateline}
          readOnly={readOnly}
          onValue={(value) => onEdit('dateline', value)}
        />
      </div>
      <TagsField tags={meta.tags} vocabulary={suggestions.tags} readOnly={readOnly} onChange={(tags) => onEdit('tags', tags)} />
      <DisclosureFields
        meta={meta}
        readOnly={readOnly}
        onLanguage={(language) => onEdit('language', language)}
        onAiUse={(use) => onEdit('aiUse', use)}
        onAiNote={(note) => onEdit('aiDisclosure', note)}
      />
      <datalist id="copydesk-kickers">
        {suggestions.kickers.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <datalist id="copydesk-sections">
        {suggestions.sections.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </header>
  );
}
