/**
 * The article body: a Lexical rich-text editor started from the article's saved JSON.
 * It hands each new editor state up without serializing it; the autosave serializes
 * once, when it writes. Beside the text, the column the article passes in (its sources,
 * or the review panel), inside the editor so it can select and change the text.
 */
import { ELEMENT_TRANSFORMERS, TEXT_FORMAT_TRANSFORMERS } from '@lexical/markdown';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { createEmptyHistoryState, HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorState, LexicalEditor } from 'lexical';
import { useEffect, useMemo, useState, type MutableRefObject, type ReactNode } from 'react';
import type { LexicalBody } from '../../../shared/article';
import { ARTICLE_NODES } from '../../../document/nodes';
import { AttributionCard } from './AttributionCard';
import { AttributionPopover } from './AttributionPopover';
import { AttributionPlugin } from './plugins/AttributionPlugin';
import { HistoryCapPlugin } from './plugins/HistoryCapPlugin';
import { SafeLinkPlugin } from './plugins/SafeLinkPlugin';
import { SubheadPlugin } from './plugins/SubheadPlugin';
import { TableSelectionPlugin, TableSetupPlugin } from './plugins/TableSetupPlugin';
import { EditorCommandsPlugin } from './plugins/EditorCommandsPlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { ImagePlugin } from './plugins/ImagePlugin';
import { TypographyPlugin } from './plugins/TypographyPlugin';
import { PullQuotePlugin } from './plugins/PullQuotePlugin';
import { IMAGE_IMPORT } from './paste/image-import';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { isSafeLinkUrl } from '../../../shared/safe-url';
import { copydeskTheme } from './theme';
import './ArticleEditor.css';

const MARKDOWN_SHORTCUTS = [...ELEMENT_TRANSFORMERS, ...TEXT_FORMAT_TRANSFORMERS];

interface ArticleEditorProps {
  /** The article's fields above the body; they scroll with it. */
  header: ReactNode;
  /** Beside the text, with its own scroll (the sources panel, or the review panel). */
  aside?: ReactNode;
  /** Below the text, scrolling with it (the related articles). */
  footer?: ReactNode;
  /** More plugins the article brings (the claim highlights). */
  plugins?: ReactNode;
  /** The article's language (a BCP 47 tag): the spellchecker's and the typography's. */
  language?: string;
  /** False for approved copy: the text starts read-only. */
  editable?: boolean;
  body: LexicalBody;
  onChange: (state: EditorState) => void;
  /** Given when the article wants the word count alone (the counts plugin reports more). */
  onWordCount?: (words: number) => void;
  /** Filled with the editor, for reading its whole current state (keep mine, save as new). */
  editorRef: MutableRefObject<LexicalEditor | null>;
}

export function ArticleEditor({ header, aside, footer, plugins, editable = true, language = 'en', body, onChange, onWordCount, editorRef }: ArticleEditorProps) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'copydesk-article',
      nodes: ARTICLE_NODES,
      theme: copydeskTheme,
      html: { import: IMAGE_IMPORT },
      editable,
      editorState: JSON.stringify(body),
      onError: (error) => {
        throw error;
      },
    }),
    // The body is the starting point only; later edits (and locks) live in the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const historyState = useMemo(() => createEmptyHistoryState(), []);
  // The editable element is attached once every plugin has registered (the render after
  // the first). Registering a node transform marks every node of its type dirty; with the
  // body already on screen each registration was a whole-document update that also read
  // the DOM selection, forcing a layout of the whole text, inside the open. Registered
  // before, they cost a pass over the nodes and fold into the one first drawing.
  const [attached, setAttached] = useState(false);
  useEffect(() => setAttached(true), []);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="article-columns">
        <div className="article-scroll">
          {header}
          <ToolbarPlugin />
          <div className="body-frame">
            <RichTextPlugin
              contentEditable={
                attached ? <ContentEditable className="CopydeskTheme__body" aria-label="Article body" spellCheck lang={language || undefined} /> : <div className="CopydeskTheme__body" />
              }
              placeholder={<div className="body-placeholder">Write the story. Type ## for a subhead, &gt; for a quote.</div>}
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
          {footer}
        </div>
        {aside}
      </div>
      <HistoryPlugin externalHistoryState={historyState} />
      <HistoryCapPlugin historyState={historyState} />
      <SubheadPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeLinkUrl} />
      <SafeLinkPlugin />
      <TableSetupPlugin />
      {attached && <TableSelectionPlugin />}
      <EditorCommandsPlugin />
      <LinkEditorPlugin />
      <PastePlugin />
      <ImagePlugin />
      <TypographyPlugin language={language} />
      <PullQuotePlugin />
      <AttributionPlugin />
      <AttributionPopover />
      <AttributionCard />
      <MarkdownShortcutPlugin transformers={MARKDOWN_SHORTCUTS} />
      <OnChangePlugin ignoreSelectionChange ignoreHistoryMergeTagChange onChange={onChange} />
      {onWordCount && <WordCountPlugin onCount={onWordCount} />}
      <EditorRefPlugin editorRef={editorRef} />
      {plugins}
    </LexicalComposer>
  );
}
