/** The editor's context menu, built from the fields of Electron's context-menu params (no Electron binary here). */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildContextMenuTemplate, type ContextMenuInput } from '../../../src/main/context-menu';

const flags = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: true };
const params = (over: Partial<ContextMenuInput>): ContextMenuInput => ({
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  linkURL: '',
  editFlags: { ...flags },
  ...over,
});
const actions = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn(), openLink: vi.fn(), copyLink: vi.fn() });
const names = (template: MenuItemConstructorOptions[]) => template.map((i) => i.label ?? i.role ?? i.type);
const click = (item: MenuItemConstructorOptions | undefined) => item!.click!({} as never, undefined, {} as never);

describe('the editor context menu', () => {
  it('offers spelling suggestions and Add to Dictionary over a misspelled word, then the clipboard', () => {
    const act = actions();
    const template = buildContextMenuTemplate(params({ misspelledWord: 'goverment', dictionarySuggestions: ['government', 'govern men'] }), act, true);
    expect(names(template)).toEqual(['government', 'govern men', 'Add “goverment” to Dictionary', 'separator', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'separator', 'selectAll']);
    click(template[0]);
    expect(act.replaceMisspelling).toHaveBeenCalledWith('government');
    click(template[2]);
    expect(act.addToDictionary).toHaveBeenCalledWith('goverment');
  });

  it('says when there is no suggestion, and offers no spelling items while spellcheck is off', () => {
    expect(names(buildContextMenuTemplate(params({ misspelledWord: 'Maasgate' }), actions(), true)).slice(0, 2)).toEqual(['No Spelling Suggestions', 'Add “Maasgate” to Dictionary']);
    expect(names(buildContextMenuTemplate(params({ misspelledWord: 'Maasgate' }), actions(), false))[0]).toBe('cut');
  });

  it('follows what the page allows for cut, copy and paste', () => {
    const template = buildContextMenuTemplate(params({ editFlags: { ...flags, canCut: false, canCopy: false, canPaste: true } }), actions(), true);
    expect(template.filter((i) => i.role).map((i) => [i.role, i.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['pasteAndMatchStyle', true],
      ['selectAll', true],
    ]);
    // Outside an editable field, only Copy, and only with a selection.
    expect(names(buildContextMenuTemplate(params({ isEditable: false, selectionText: 'figures' }), actions(), true))).toEqual(['copy']);
    expect(buildContextMenuTemplate(params({ isEditable: false }), actions(), true)).toEqual([]);
  });

  it('opens safe links in the browser and copies their address; unsafe ones are never opened', () => {
    const act = actions();
    const web = buildContextMenuTemplate(params({ linkURL: 'https://example.org/report' }), act, true);
    expect(names(web).slice(0, 2)).toEqual(['Open Link in Browser', 'Copy Link Address']);
    click(web[0]);
    click(web[1]);
    expect(act.openLink).toHaveBeenCalledWith('https://example.org/report');
    expect(act.copyLink).toHaveBeenCalledWith('https://example.org/report');

    const mail = buildContextMenuTemplate(params({ linkURL: 'mailto:desk@example.org' }), act, true);
    expect(names(mail).slice(0, 2)).toEqual(['Write Email', 'Copy Email Address']);
    click(mail[1]);
    expect(act.copyLink).toHaveBeenLastCalledWith('desk@example.org');

    act.openLink.mockClear();
    for (const linkURL of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share']) {
      const template = buildContextMenuTemplate(params({ linkURL }), act, true);
      expect(template[0]).toMatchObject({ enabled: false });
      expect(template[0]!.click).toBeUndefined();
    }
    expect(act.openLink).not.toHaveBeenCalled();
  });
});
