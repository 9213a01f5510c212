/**
 * The keyboard-shortcut panel, made from the command table (src/shared/commands.ts) so it
 * can never disagree with the menu or the keys: every command with a shortcut, by group,
 * as this machine writes it. Opened by the `keyboard-shortcuts` command (Ctrl/Cmd+/) and
 * by "?" typed outside a text field.
 */
import { useEffect, useState } from 'react';
import { COMMANDS, shortcutLabel, type CommandGroup } from '../../../shared/commands';
import { acceleratorHere, belongsHere, IS_MAC, useCommand } from './command-registry';
import { Dialog } from './Dialog';
import './KeyboardShortcuts.css';

const GROUPS: Array<[CommandGroup, string]> = [
  ['file', 'Articles and files'],
  ['edit', 'Editing'],
  ['format', 'Formatting (in the body)'],
  ['insert', 'Inserting (in the body)'],
  ['view', 'Moving around'],
  ['article', 'Article'],
  ['help', 'Help'],
];

/** Keys the body answers that are not commands of their own. */
const BODY_KEYS: Array<[string, string]> = [
  ['Tab / Shift+Tab', 'Indent or outdent a list item'],
  ['## then Space', 'Subhead, as in Markdown'],
  ['> then Space', 'Quote'],
  [IS_MAC ? '⌘Z / ⇧⌘Z' : 'Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
];

/** Whether a key press lands in something that takes text. */
function inTextField(target: EventTarget | null): boolean {
  const element = target instanceof HTMLElement ? target : null;
  if (!element) return false;
  return element.isContentEditable || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || (element.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((element as HTMLInputElement).type));
}

export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  useCommand('keyboard-shortcuts', () => setOpen(true));
  useEffect(() => {
    // "?" is a character, not an accelerator: it opens the panel only where typing it means nothing.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || inTextField(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" subtitle="Also in the command palette, with every command." onClose={() => setOpen(false)} closeOnBackdrop className="shortcuts-dialog">
      <div className="shortcuts">
        {GROUPS.map(([group, title]) => {
          const commands = COMMANDS.filter((c) => c.group === group && c.accelerator && belongsHere(c));
          if (!commands.length) return null;
          return (
            <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
              <h3 id={`shortcuts-${group}`}>{title}</h3>
              <dl>
                {commands.map((c) => (
                  <div key={c.id} className="shortcuts__row">
                    <dt>{c.label.replace(/…$/, '')}</dt>
                    <dd>
                      <kbd>{shortcutLabel(acceleratorHere(c), IS_MAC)}</kbd>
                      {'alternate' in c && c.alternate ? (
                        <>
                          {' or '}
                          <kbd>{shortcutLabel(c.alternate, IS_MAC)}</kbd>
                        </>
                      ) : null}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section className="shortcuts__group" aria-labelledby="shortcuts-body">
          <h3 id="shortcuts-body">In the body</h3>
          <dl>
            {BODY_KEYS.map(([keys, what]) => (
              <div key={keys} className="shortcuts__row">
                <dt>{what}</dt>
                <dd>
                  <kbd>{keys}</kbd>
                </dd>
              </div>
            ))}
            <div className="shortcuts__row">
              <dt>This panel</dt>
              <dd>
                <kbd>?</kbd> outside a text field
              </dd>
            </div>
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
