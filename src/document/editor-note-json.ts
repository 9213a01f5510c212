/**
 * Editor notes (EditorNoteNode) in a serialized body, without an editor: for the export
 * gate (which refuses a body that still has them) and the editor's list of notes.
 */
import type { SerializedNodeLike } from './plain-text';
import { EDITOR_NOTE_TYPE } from './EditorNoteNode';

export interface EditorNoteEntry {
  /** The note's words. */
  text: string;
  /** Child indexes from the root to the note. */
  path: number[];
}

const childrenOf = (node: SerializedNodeLike): SerializedNodeLike[] =>
  Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is SerializedNodeLike => typeof c === 'object' && c !== null) : [];

function textOf(node: SerializedNodeLike): string {
  if (typeof node.text === 'string') return node.text;
  return childrenOf(node).map(textOf).join('');
}

/** Every editor note of the body in reading order (iterative: a deep body cannot overflow the stack). */
export function editorNotesIn(body: { root?: SerializedNodeLike } | null | undefined): EditorNoteEntry[] {
  const notes: EditorNoteEntry[] = [];
  if (!body?.root) return notes;
  const stack: Array<{ node: SerializedNodeLike; path: number[] }> = [{ node: body.root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node.type === EDITOR_NOTE_TYPE) {
      notes.push({ text: textOf(node).replace(/\s+/g, ' ').trim() || 'TK', path });
      continue;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, path: [...path, i] });
  }
  return notes;
}

/** A copy of the body without its editor notes (bodies are at most 64 deep: recursion is safe). */
export function withoutEditorNotes<T extends { root?: SerializedNodeLike }>(body: T): T {
  const strip = (node: SerializedNodeLike): SerializedNodeLike =>
    Array.isArray(node.children) ? { ...node, children: childrenOf(node).filter((c) => c.type !== EDITOR_NOTE_TYPE).map(strip) } : node;
  return body.root ? { ...body, root: strip(body.root) } : body;
}
