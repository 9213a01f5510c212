/**
 * An editor's note (a TK, "to come"): an inline marker around words for the desk ("TK
 * confirm figure with ministry"). It shows in the text, is listed beside it, and stops
 * export until it is resolved (removed). Its words are the note; they are never published.
 */
import {
  $applyNodeReplacement,
  $createTextNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type SerializedElementNode,
} from 'lexical';
import { createElement, themeClass, type RenderedElement } from './dom-element';

export const EDITOR_NOTE_TYPE = 'editornote';

export type SerializedEditorNoteNode = SerializedElementNode;

export class EditorNoteNode extends ElementNode {
  static override getType(): string {
    return EDITOR_NOTE_TYPE;
  }

  static override clone(node: EditorNoteNode): EditorNoteNode {
    return new EditorNoteNode(node.__key);
  }

  static override importJSON(serialized: SerializedEditorNoteNode): EditorNoteNode {
    return $createEditorNoteNode().updateFromJSON(serialized);
  }

  override exportJSON(): SerializedEditorNoteNode {
    return { ...super.exportJSON(), type: EDITOR_NOTE_TYPE, version: 1 };
  }

  override createDOM(config: EditorConfig): RenderedElement {
    const element = createElement('mark', themeClass(config.theme, 'editorNote'));
    element.setAttribute('data-editor-note', '');
    element.setAttribute('aria-roledescription', 'editor note');
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canInsertTextBefore(): false {
    return false;
  }

  /** Typing at its end goes on writing the note; the arrow key (or End) leaves it. */
  override canInsertTextAfter(): true {
    return true;
  }

  override extractWithChild(): boolean {
    return true;
  }
}

/** A note holding `text` ("TK" when empty). */
export function $createEditorNoteNode(text?: string): EditorNoteNode {
  const note = $applyNodeReplacement(new EditorNoteNode());
  if (text !== undefined) note.append($createTextNode(text || 'TK'));
  return note;
}

export function $isEditorNoteNode(node: LexicalNode | null | undefined): node is EditorNoteNode {
  return node instanceof EditorNoteNode;
}
