/** Which keys would change approved copy, so the article asks before it lets them. */

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/**
 * True for a key that types or deletes (a character, Backspace, Delete, Enter, Tab in the
 * text, Ctrl/Cmd+V, Ctrl/Cmd+X); false for moving, selecting, copying and shortcuts.
 */
export function isEditingKey(event: KeyLike): boolean {
  const command = event.ctrlKey || event.metaKey;
  if (command) return !event.altKey && (event.key.toLowerCase() === 'v' || event.key.toLowerCase() === 'x');
  if (event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter') return true;
  // One character (a letter, a digit, a space, an accented letter from a dead key).
  return [...event.key].length === 1;
}
