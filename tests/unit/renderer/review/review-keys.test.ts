/** The keys review mode listens for: its shortcut, and those that would edit approved copy. */
import { describe, expect, it } from 'vitest';
import { isEditingKey } from '../../../../src/renderer/src/review/approved-keys';
import { commandById, matchesShortcut } from '../../../../src/shared/commands';

const isReviewShortcut = (event: ReturnType<typeof key>) =>
  matchesShortcut(event, commandById('review-mode'), event.metaKey);

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('review keys', () => {
  it('Ctrl/Cmd+Shift+R switches review mode; Ctrl+R alone does not', () => {
    expect(isReviewShortcut(key('R', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isReviewShortcut(key('r', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(isReviewShortcut(key('r', { ctrlKey: true }))).toBe(false);
    expect(isReviewShortcut(key('R', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
  });

  it('typing, deleting, Enter, paste and cut would edit approved copy; moving, selecting and copying would not', () => {
    for (const editing of [key('x'), key('X'), key(' '), key('é'), key('Backspace'), key('Delete'), key('Enter'), key('v', { ctrlKey: true }), key('x', { metaKey: true })]) {
      expect(isEditingKey(editing), editing.key).toBe(true);
    }
    for (const reading of [key('ArrowLeft'), key('Home'), key('PageDown'), key('Shift'), key('Escape'), key('Tab'), key('c', { ctrlKey: true }), key('a', { ctrlKey: true }), key('F5')]) {
      expect(isEditingKey(reading), reading.key).toBe(false);
    }
  });
});
