/**
 * How the app leaves the open article: it freezes it (the body not editable, the fields
 * read-only, the pane inert and busy), saves its pending edits, and only then shows
 * something else. If they cannot be saved, the article is editable again and stays.
 * Approved copy stays read-only throughout (locked), until it is reopened.
 */
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ArticleMeta } from '../../../shared/article';
import { isBlankDraft } from './article-meta';

/** What the app needs of the open article when it switches away from it. */
export interface OpenArticle {
  id: string;
  /** Saves pending edits; false when they could not be saved. */
  flush: () => Promise<boolean>;
  /**
   * Freezes the article (nothing typed from now on can reach it) and saves its pending
   * edits. True when the app may show something else; false when the edits could not be
   * saved, and the article is editable again.
   */
  leave: () => Promise<boolean>;
  /** Makes a frozen article editable again, when the app stays on it after all. */
  resume: () => void;
  /** True for a draft nobody has written anything in. */
  isBlank: () => boolean;
}

interface LeaveOptions {
  id: string;
  meta: ArticleMeta;
  editorRef: RefObject<LexicalEditor | null>;
  flush: () => Promise<boolean>;
  /** Tells the app which article is open and how to leave it; null when it closes. */
  registerOpenArticle: (open: OpenArticle | null) => void;
  /** Approved copy: the text is read-only whether or not the app is leaving it. */
  locked: boolean;
}

/** Registers the article with the app; true while the app is leaving it (the article is frozen). */
export function useLeave({ id, meta, editorRef, flush, registerOpenArticle, locked }: LeaveOptions): boolean {
  const [leaving, setLeaving] = useState(false);
  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  }, [meta]);
  const frozen = useRef(false);
  const lockedRef = useRef(locked);
  useEffect(() => {
    lockedRef.current = locked;
    editorRef.current?.setEditable(!locked && !frozen.current);
  }, [locked, editorRef]);

  useEffect(() => {
    const isBlank = () => {
      const bodyText = editorRef.current?.getEditorState().read(() => $getRoot().getTextContent());
      return bodyText !== undefined && isBlankDraft(metaRef.current, bodyText);
    };
    const freeze = (freezing: boolean) => {
      frozen.current = freezing;
      editorRef.current?.setEditable(!freezing && !lockedRef.current);
      setLeaving(freezing);
    };
    const leave = async () => {
      freeze(true);
      const saved = await flush();
      if (!saved) freeze(false);
      return saved;
    };
    registerOpenArticle({ id, flush, leave, resume: () => freeze(false), isBlank });
    return () => registerOpenArticle(null);
  }, [registerOpenArticle, flush, id, editorRef]);

  return leaving;
}
