/** Placing a floating box by the words it is about, and keeping those words marked meanwhile. */

const MARGIN = 8;

/**
 * Puts a fixed-position box under the anchor, or over it when there is more room there; it
 * never covers the anchor and stays on screen (scrolling inside when the room is short).
 */
export function placeBeside(element: HTMLElement, anchor: DOMRect, gap = 8): void {
  element.style.maxHeight = '';
  const { width, height } = element.getBoundingClientRect();
  const roomBelow = window.innerHeight - MARGIN - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - MARGIN;
  const below = height <= roomBelow || roomBelow >= roomAbove;
  const room = Math.max(0, below ? roomBelow : roomAbove);
  if (height > room) element.style.maxHeight = `${Math.floor(room)}px`;
  const shown = Math.min(height, room);
  const top = below ? anchor.bottom + gap : anchor.top - gap - shown;
  const left = Math.min(Math.max(MARGIN, anchor.left), window.innerWidth - width - MARGIN);
  element.style.top = `${Math.round(Math.max(MARGIN, top))}px`;
  element.style.left = `${Math.round(Math.max(MARGIN, left))}px`;
}

/** Room a popover wants beside the words it is about, above or below them. */
const POPOVER_ROOM = 300;

/**
 * Scrolls the words into view before a popover opens by them: out from under the
 * formatting toolbar (which stays at the top of the column) and with room below or above
 * them for the popover.
 */
export function revealRange(range: Range, root: HTMLElement | null): void {
  const scroller = root?.closest<HTMLElement>('.article-scroll');
  if (!scroller) return;
  const rect = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const toolbar = scroller.querySelector('.toolbar')?.getBoundingClientRect();
  const top = Math.max(view.top, toolbar && toolbar.bottom > view.top ? toolbar.bottom : view.top);
  const bottom = Math.min(view.bottom, window.innerHeight);
  const fits = rect.top >= top && rect.bottom <= bottom;
  const roomy = rect.bottom + POPOVER_ROOM <= window.innerHeight || rect.top - POPOVER_ROOM >= top;
  if (fits && roomy) return;
  // The words to the middle of what is visible below the toolbar.
  scroller.scrollTop += rect.top + rect.height / 2 - (top + bottom) / 2;
}

const PENDING = 'copydesk-pending';

/**
 * Marks a range of the body while the focus is elsewhere (the popover's fields): the
 * browser stops showing a selection it no longer has focus for. Returns the unmarking.
 */
export function showPendingSelection(range: Range | null): (() => void) | undefined {
  if (!range || typeof CSS === 'undefined' || !('highlights' in CSS)) return undefined;
  CSS.highlights.set(PENDING, new Highlight(range));
  return () => {
    CSS.highlights.delete(PENDING);
  };
}

/** A range over an element's contents. */
export function rangeOfElement(element: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}
