/**
 * Puts the selection on a claim's words in the text and scrolls them into view. The DOM
 * selection is set directly: Lexical takes it from there when the text is editable, and
 * approved (read-only) copy shows it all the same.
 */
import type { LexicalEditor } from 'lexical';
import type { ReviewedClaim } from '../../../shared/review';
import { $claimPlace, claimDomRange } from './claim-place';

/** False when the claim's block is no longer in the text (a check is on its way). */
export function selectClaimInText(editor: LexicalEditor, claim: Pick<ReviewedClaim, 'path' | 'start' | 'end'>): boolean {
  const place = editor.getEditorState().read(() => $claimPlace(claim.path, claim.start, claim.end));
  const range = place ? claimDomRange(editor, place) : null;
  const selection = window.getSelection();
  if (!range || !selection) return false;
  const root = editor.getRootElement();
  if (root && editor.isEditable()) root.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(range);
  const words = range.startContainer.parentElement;
  words?.scrollIntoView({ block: 'center' });
  return true;
}
