/** Placing a floating box by the words it is about, and keeping those words marked meanwhile. */

const MARGIN = 8;

/** Puts a fixed-position box under the anchor, or over it when there is no room below; always on screen. */
export function placeBeside(element: HTMLElement, anchor: DOMRect, gap = 8): void {
  const { width, height } = element.getBoundingClientRect();
  const below = anchor.bottom + gap;
  const top = below + height <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, anchor.top - gap - height);
  const left = Math.min(Math.max(MARGIN, anchor.left), window.innerWidth - width - MARGIN);
  element.style.top = `${Math.round(top)}px`;
  element.style.left = `${Math.round(Math.max(MARGIN, left))}px`;
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
