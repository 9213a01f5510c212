/**
 * Creating elements from a layer that names no DOM types: the nodes' `createDOM` runs only
 * when an editor renders them (never headless), and takes `document` from the page then.
 */
import type { ElementNode } from 'lexical';

/** What `createDOM` returns, without naming DOM types in a layer that has no DOM. */
export type RenderedElement = ReturnType<ElementNode['createDOM']>;

export function createElement(tag: string, className?: string): RenderedElement {
  const element = (globalThis as unknown as { document: { createElement(tag: string): RenderedElement } }).document.createElement(tag);
  if (className) element.className = className;
  return element;
}

/** A class of the editor's theme by key, when the theme names one. */
export function themeClass(theme: unknown, key: string): string | undefined {
  const value = (theme as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}
