/**
 * Marks the review's claims in the text by status, with the CSS Custom Highlight API:
 * ranges over the text nodes on the page, painted by `::highlight()` rules, so the
 * document itself is never touched. Drawn when a check arrives, and again in the editor's
 * shared document pass a moment after edits (the ranges follow the text meanwhile); a
 * claim whose words moved since the check waits for the next one.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { ClaimStatus } from '../../../../shared/review';
import { $claimPlace, claimDomRange } from '../../review/claim-place';
import { useReview } from '../../review/ReviewContext';
import { registerDocumentTask } from '../document-pass';
import '../../review/claim-highlights.css';

const STATUSES: ClaimStatus[] = ['backed', 'close', 'not-found', 'wrong-source', 'speaker-unconfirmed'];
const ACTIVE = 'claim-active';
const NAMES = [...STATUSES.map((status) => `claim-${status}`), ACTIVE];

export function ClaimHighlightsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const { mode, highlights, checked, activeId } = useReview();
  const check = checked.check;

  useEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!registry || typeof Highlight === 'undefined') return;
    const clear = () => {
      for (const name of NAMES) registry.delete(name);
    };
    if (!mode || !highlights || !check) {
      clear();
      return;
    }
    // Inside a read: every claim placed again (its words may have moved with an edit).
    const draw = () => {
      const groups = new Map<string, Range[]>();
      let active: Range | null = null;
      for (const claim of check.claims) {
        const place = $claimPlace(claim.path, claim.start, claim.end);
        if (!place || place.text !== claim.text) continue;
        const range = claimDomRange(editor, place);
        if (!range) continue;
        const name = `claim-${claim.status}`;
        groups.set(name, [...(groups.get(name) ?? []), range]);
        if (claim.id === activeId) active = range;
      }
      clear();
      for (const [name, ranges] of groups) registry.set(name, new Highlight(...ranges));
      if (active) {
        const highlight = new Highlight(active);
        highlight.priority = 1;
        registry.set(ACTIVE, highlight);
      }
    };
    // Drawn now, and again in the shared pass after edits: the ranges are live DOM ranges,
    // so the marks move with the text meanwhile.
    const unregister = registerDocumentTask(editor, draw);
    return () => {
      unregister();
      clear();
    };
  }, [editor, mode, highlights, check, activeId]);

  return null;
}
