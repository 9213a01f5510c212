/**
 * Moves the keyboard focus to an element that is about to render (a source card after its
 * source is added): tried each frame for a short while, then `fallback`, so the focus does
 * not drop to the page's body when the dialog that had it closes.
 */
export function focusWhenShown(selector: string, fallback?: () => HTMLElement | null, frames = 30): void {
  const attempt = (left: number) => {
    const target = document.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
    else fallback?.()?.focus();
  };
  requestAnimationFrame(() => attempt(frames));
}
