/**
 * One shared pass for the plugins that read the whole body (counts, outline, the sources
 * panel's attributions, the review's claim marks): a single update listener per editor,
 * and a single read a moment after the text stops changing, run when the page is idle, so
 * none of that work sits on the keystroke path or runs once per plugin. Each task is told
 * which blocks changed since its own last run (src/document/changed-blocks), so it can
 * redo only those.
 */
import type { LexicalEditor } from 'lexical';
import { allChanged, changesText, noteChanges, resetChanges, type ChangedBlocks } from '../../../document/changed-blocks';

/** Runs inside a read of the editor's current state. */
export type DocumentTask = (changes: ChangedBlocks) => void;

export interface DocumentTaskOptions {
  /** Also run after a change of selection alone (the counts of the selection). */
  selection?: boolean;
}

/** The pause after the last edit before the pass. */
export const DOCUMENT_PASS_DELAY_MS = 200;
/** How long the pass waits for an idle moment once the pause is over, at most. */
const IDLE_WAIT_MS = 300;

interface Entry {
  task: DocumentTask;
  changes: ChangedBlocks;
  selection: boolean;
  /** Something for this task happened since its last run. */
  due: boolean;
}

interface Pass {
  entries: Set<Entry>;
  timer: ReturnType<typeof setTimeout> | undefined;
  idle: number | undefined;
  unregister: () => void;
}

const passes = new WeakMap<LexicalEditor, Pass>();

function whenIdle(task: () => void): number | undefined {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(task, { timeout: IDLE_WAIT_MS });
  task();
  return undefined;
}

function run(editor: LexicalEditor, pass: Pass): void {
  pass.idle = undefined;
  const due = [...pass.entries].filter((entry) => entry.due);
  if (!due.length) return;
  editor.getEditorState().read(() => {
    for (const entry of due) {
      entry.due = false;
      entry.task(entry.changes);
      resetChanges(entry.changes);
    }
  });
}

function passFor(editor: LexicalEditor): Pass {
  const existing = passes.get(editor);
  if (existing) return existing;
  const pass: Pass = { entries: new Set(), timer: undefined, idle: undefined, unregister: () => undefined };
  pass.unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
    const text = changesText(dirtyElements, dirtyLeaves);
    let wanted = false;
    for (const entry of pass.entries) {
      if (text) noteChanges(entry.changes, dirtyElements, dirtyLeaves, tags);
      if (text || entry.selection) entry.due = wanted = true;
    }
    if (!wanted) return;
    clearTimeout(pass.timer);
    pass.timer = setTimeout(() => {
      pass.timer = undefined;
      if (pass.idle === undefined) pass.idle = whenIdle(() => run(editor, pass));
    }, DOCUMENT_PASS_DELAY_MS);
  });
  passes.set(editor, pass);
  return pass;
}

/**
 * Adds a task to the editor's shared pass and runs it once now over the whole body.
 * Returns what takes it out again; the last one out stops the pass.
 */
export function registerDocumentTask(editor: LexicalEditor, task: DocumentTask, options: DocumentTaskOptions = {}): () => void {
  const pass = passFor(editor);
  const entry: Entry = { task, changes: allChanged(), selection: options.selection ?? false, due: false };
  pass.entries.add(entry);
  editor.getEditorState().read(() => task(entry.changes));
  resetChanges(entry.changes);
  return () => {
    pass.entries.delete(entry);
    if (pass.entries.size) return;
    clearTimeout(pass.timer);
    if (pass.idle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(pass.idle);
    pass.unregister();
    passes.delete(editor);
  };
}
