/**
 * The editor's context menu, built from the parameters of Electron's `context-menu` event:
 * spelling suggestions and "Add to Dictionary" over a misspelled word, the link actions
 * over a link (opened in the system browser only when its scheme is safe), cut, copy and
 * paste as the page allows them. Plain data, so it is tested without Electron.
 */
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { safeLinkUrl } from '../shared/safe-url';

/** The fields of ContextMenuParams the menu reads. */
export type ContextMenuInput = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'linkURL' | 'editFlags'>;

export interface ContextMenuActions {
  replaceMisspelling: (word: string) => void;
  addToDictionary: (word: string) => void;
  /** Opens a link whose scheme was checked (http, https, mailto). */
  openLink: (url: string) => void;
  copyLink: (url: string) => void;
}

type Item = MenuItemConstructorOptions;

/** The menu for one right-click, or an empty list when there is nothing to offer. */
export function buildContextMenuTemplate(params: ContextMenuInput, actions: ContextMenuActions, spellcheckEnabled: boolean): Item[] {
  const groups: Item[][] = [];

  if (params.isEditable && params.misspelledWord && spellcheckEnabled) {
    const word = params.misspelledWord;
    const suggestions = params.dictionarySuggestions.slice(0, 6);
    groups.push([
      ...(suggestions.length
        ? suggestions.map((suggestion): Item => ({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) }))
        : [{ label: 'No Spelling Suggestions', enabled: false }]),
      { label: `Add “${word}” to Dictionary`, click: () => actions.addToDictionary(word) },
    ]);
  }

  if (params.linkURL) {
    const safe = safeLinkUrl(params.linkURL);
    const link = params.linkURL;
    groups.push([
      safe
        ? { label: safe.startsWith('mailto:') ? 'Write Email' : 'Open Link in Browser', click: () => actions.openLink(safe) }
        : { label: 'Open Link (unsafe address, not opened)', enabled: false },
      { label: safe?.startsWith('mailto:') ? 'Copy Email Address' : 'Copy Link Address', click: () => actions.copyLink(safe ? safe.replace(/^mailto:/, '') : link) },
    ]);
  }

  const flags = params.editFlags;
  if (params.isEditable) {
    groups.push([
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { role: 'pasteAndMatchStyle', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ]);
  } else if (params.selectionText.trim()) {
    groups.push([{ role: 'copy', enabled: flags.canCopy }]);
  }

  return groups.flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' } as Item, ...group]));
}
