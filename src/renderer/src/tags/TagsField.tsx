/**
 * The article's tags in its header: each a chip with its remove button, and a box that
 * offers the workspace's tags as you type (most used first). Enter or a comma adds the
 * tag offered or typed; Backspace in the empty box removes the last one.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { foldForMatch } from '../shell/fuzzy-match';
import './TagsField.css';

const MAX_OFFERED = 8;

interface TagsFieldProps {
  tags: readonly string[];
  /** The workspace's tags, most used first. */
  vocabulary: ReadonlyArray<{ name: string; count: number }>;
  readOnly: boolean;
  onChange: (tags: string[]) => void;
}

export function TagsField({ tags, vocabulary, readOnly, onChange }: TagsFieldProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const typed = foldForMatch(text.trim());
  const offered = useMemo(() => {
    if (!typed) return [];
    const have = new Set(tags.map((t) => foldForMatch(t)));
    const starts: typeof vocabulary[number][] = [];
    const contains: typeof vocabulary[number][] = [];
    for (const tag of vocabulary) {
      const folded = foldForMatch(tag.name);
      if (have.has(folded)) continue;
      if (folded.startsWith(typed)) starts.push(tag);
      else if (folded.includes(typed)) contains.push(tag);
    }
    return [...starts, ...contains].slice(0, MAX_OFFERED);
  }, [typed, tags, vocabulary]);
  const showList = open && offered.length > 0;
  const activeIndex = Math.min(active, offered.length - 1);

  const add = (name: string) => {
    const tag = name.trim().replace(/\s+/g, ' ');
    setText('');
    setActive(0);
    if (!tag || tags.some((t) => foldForMatch(t) === foldForMatch(tag))) return;
    // A tag that exists already is taken as it is spelled there, so "Energy" joins "energy".
    const known = vocabulary.find((v) => foldForMatch(v.name) === foldForMatch(tag));
    onChange([...tags, known?.name ?? tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && offered.length) {
      event.preventDefault();
      setOpen(true);
      setActive((activeIndex + 1) % offered.length);
    } else if (event.key === 'ArrowUp' && offered.length) {
      event.preventDefault();
      setActive((activeIndex - 1 + offered.length) % offered.length);
    } else if (event.key === 'Enter' || event.key === ',' || event.key === 'Tab') {
      if (event.key === 'Tab' && !text.trim()) return;
      event.preventDefault();
      add(showList && offered[activeIndex] ? offered[activeIndex].name : text);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && tags.length) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="tags-field">
      <span className="tags-field__label" id={`${listId}-label`}>
        Tags
      </span>
      <ul className="tags-field__chips" aria-labelledby={`${listId}-label`}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>{tag}</span>
            {!readOnly && (
              <button type="button" className="tag-chip__remove" aria-label={`Remove tag ${tag}`} title={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className="tags-field__box">
          <input
            className="tags-field__input"
            role="combobox"
            aria-label="Add a tag"
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList ? `${listId}-${activeIndex}` : undefined}
            placeholder={tags.length ? 'Add a tag' : 'Add tags: energy, housing…'}
            value={text}
            onChange={(e) => {
              setText(e.target.value.replace(/,/g, ''));
              setOpen(true);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              if (text.trim()) add(text);
            }}
            autoComplete="off"
            spellCheck={false}
          />
          {showList && (
            <ul className="tags-field__offers" id={listId} role="listbox" aria-label="Tags in this workspace">
              {offered.map((tag, i) => (
                <li
                  key={tag.name}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={`tags-field__offer${i === activeIndex ? ' tags-field__offer--active' : ''}`}
                  // Before the input's blur, so the click chooses rather than adds what was typed.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    add(tag.name);
                  }}
                >
                  <span>{tag.name}</span>
                  <span className="tags-field__count">{tag.count}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
