/** Helpers every extractor shares: the snapshot's length cap, a title from a file name, sizes in words. */
import { sizeInWords } from '../../../shared/limits';
import { MAX_SNAPSHOT_CHARS } from '../../../shared/source';

/**
 * The text as a snapshot keeps it: line ends as \n, no trailing blanks, and cut with a note
 * when longer than a snapshot may be (the note says how much was kept).
 */
export function snapshotText(text: string): string {
  const tidy = text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (tidy.length <= MAX_SNAPSHOT_CHARS) return tidy;
  const note = `\n\n[Copydesk kept the first part of this text: it is ${tidy.length.toLocaleString('en-US')} characters long; a snapshot holds ${MAX_SNAPSHOT_CHARS.toLocaleString('en-US')}.]`;
  return tidy.slice(0, MAX_SNAPSHOT_CHARS - note.length) + note;
}

/** "port-deal notes.final.txt" → "port-deal notes.final": a title when the file says none. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim() || base;
}

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** 20971520 → "20 MB", 1536 → "1.5 KB". */
export function sizeLabel(bytes: number): string {
  return sizeInWords(bytes);
}
