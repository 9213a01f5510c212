/**
 * What the source tests do to the page as a user or a script would: call the API with the
 * page's own token (to set up a workspace quickly), and select words in the body.
 */
import type { Page } from '@playwright/test';

/** Calls the API the way the page does; returns the value, or throws the host's message. */
export async function callApi<T>(app: Page, method: string, payload: unknown): Promise<T> {
  return app.evaluate<T>(`(async () => {
    const response = await fetch('/api/${method}', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-copydesk-token': localStorage.getItem('copydesk-token') ?? '' },
      body: ${JSON.stringify(JSON.stringify(payload))},
    });
    const result = await response.json();
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  })()`);
}

/** Selects the first occurrence of `words` in the article body, as a drag of the mouse would. */
export async function selectInBody(app: Page, words: string): Promise<void> {
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.evaluate(`(() => {
    const words = ${JSON.stringify(words)};
    const root = document.querySelector('[aria-label="Article body"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(words);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error('not in the body: ' + words);
  })()`);
  // Lexical takes the selection from the browser's selectionchange event, a task queued after the change.
  await app.waitForFunction(`window.getSelection().toString() === ${JSON.stringify(words)}`);
  await app.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
}

/** A body of plain paragraphs, with optional attributions, as the article file holds it. */
export function bodyOf(paragraphs: Array<string | Array<string | { text: string; sourceId: string; locator?: string }>>) {
  const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, style: '', mode: 'normal', detail: 0 });
  const inline = (part: string | { text: string; sourceId: string; locator?: string }) =>
    typeof part === 'string'
      ? text(part)
      : { type: 'attribution', version: 1, sourceId: part.sourceId, locator: part.locator ?? '', direction: null, format: '', indent: 0, children: [text(part.text)] };
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((p) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: (typeof p === 'string' ? [p] : p).map(inline),
      })),
    },
  };
}
