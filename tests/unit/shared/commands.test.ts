import { describe, expect, it } from 'vitest';
import { COMMANDS, commandById, matchesShortcut, shortcutLabel } from '../../../src/shared/commands';

const press = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }>, code?: string) => ({
  key,
  code,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
});

describe('the command table', () => {
  it('gives every command a unique id and every shortcut to one command per scope', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    for (const scope of ['app', 'editor'] as const) {
      const accelerators = COMMANDS.filter((c) => c.scope === scope && c.accelerator).map((c) => c.accelerator);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('gives the shortcuts a browser keeps for itself a browser-tab one that no other command uses', () => {
    const specs: ReadonlyArray<{ accelerator: string | null; alternate?: string; inBrowser?: string }> = COMMANDS;
    const taken = new Set(specs.flatMap((c) => [c.accelerator, c.alternate]).filter(Boolean));
    for (const id of ['new-article', 'show-library', 'show-sources'] as const) {
      const inBrowser = (commandById(id) as { inBrowser?: string }).inBrowser;
      expect(inBrowser, id).toMatch(/^Alt\+Shift\+/);
      expect(taken.has(inBrowser!), id).toBe(false);
    }
    const browserOnes = specs.map((c) => c.inBrowser).filter(Boolean);
    expect(new Set(browserOnes).size).toBe(browserOnes.length);
  });

  it('matches Ctrl on Windows and Linux, Command on a Mac', () => {
    const review = commandById('review-mode');
    expect(matchesShortcut(press('R', { ctrl: true, shift: true }, 'KeyR'), review, false)).toBe(true);
    expect(matchesShortcut(press('R', { ctrl: true, shift: true }, 'KeyR'), review, true)).toBe(false);
    expect(matchesShortcut(press('r', { meta: true, shift: true }, 'KeyR'), review, true)).toBe(true);
    expect(matchesShortcut(press('r', { ctrl: true }, 'KeyR'), review, false)).toBe(false);
  });

  it('reads digits by their key position, whatever Shift or Alt typed', () => {
    expect(matchesShortcut(press('²', { ctrl: true, alt: true }, 'Digit2'), commandById('heading-2'), false)).toBe(true);
  });

  it('takes the alternate accelerator too', () => {
    expect(matchesShortcut(press('k', { ctrl: true }, 'KeyK'), commandById('command-palette'), false)).toBe(true);
  });

  it('labels shortcuts as each platform writes them', () => {
    expect(shortcutLabel('CmdOrCtrl+Shift+R', false)).toBe('Ctrl+Shift+R');
    expect(shortcutLabel('CmdOrCtrl+Shift+R', true)).toBe('⇧⌘R');
    expect(shortcutLabel('CmdOrCtrl+Alt+2', true)).toBe('⌥⌘2');
    expect(shortcutLabel(null, false)).toBe('');
  });
});
