/** Lexical commands the editor's plugins answer (each plugin registers its own). */
import { createCommand, type LexicalCommand, type NodeKey } from 'lexical';

/** Opens the link editor on the selection (LinkEditorPlugin). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

/** Opens the file picker for an image (ImagePlugin); with a node's key, the file goes into that image. */
export const OPEN_IMAGE_PICKER_COMMAND: LexicalCommand<NodeKey | undefined> = createCommand('OPEN_IMAGE_PICKER_COMMAND');

/** Straightens the typography of the selection, or of the whole body (TypographyPlugin). */
export const FIX_TYPOGRAPHY_COMMAND: LexicalCommand<void> = createCommand('FIX_TYPOGRAPHY_COMMAND');
