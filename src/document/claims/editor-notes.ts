/**
 * Notes left in the text for the desk: a "TK" (to come) or an [[editor note]]. They are
 * warnings for the reviewer, and nothing inside a note is a claim.
 */
import type { TextRange } from './claim-types';

/** One note in a block's text. */
export interface NoteSpan extends TextRange {
  kind: 'tk' | 'note';
  text: string;
}

const NOTE_RE = /\[\[[^\]\n]{0,500}\]\]|(?<![\p{L}\p{N}])TK(?:TK)*(?![\p{L}\p{N}])/gu;

/** The TKs and [[notes]] of one block's text. */
export function findEditorNotes(text: string): NoteSpan[] {
  const notes: NoteSpan[] = [];
  NOTE_RE.lastIndex = 0;
  for (let m = NOTE_RE.exec(text); m; m = NOTE_RE.exec(text)) {
    notes.push({ kind: m[0].startsWith('[[') ? 'note' : 'tk', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return notes;
}
