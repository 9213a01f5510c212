/**
 * Moving around by keyboard: the `focus-headline`, `focus-body`, `show-library` and
 * `toggle-sidebar` commands, and the safety net that keeps the focus from falling back to
 * the page when what held it goes away (a trashed article, a closed menu, an undo): it
 * lands on the open article's headline, or else the main pane.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useCommand } from './command-registry';
import { onPanelOverText } from './panel-over-text';

const SIDEBAR_KEY = 'copydesk-sidebar';

function focusFirst(...selectors: string[]): boolean {
  for (const selector of selectors) {
    const element = document.querySelector<HTMLElement>(selector);
    if (element && !element.closest('[inert], [hidden]')) {
      element.focus();
      return true;
    }
  }
  return false;
}

/** Focuses the library: the article open in it, or its first entry. */
export function focusLibrary(): boolean {
  return focusFirst('.library [aria-current="true"]', '.library [tabindex="0"]', '.library button', '.sidebar button');
}

export function useNavigationCommands() {
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDEBAR_KEY) === 'collapsed');
  // The desktop app keeps the library's state per workspace (workspace.windowState); the
  // page's own storage, shared by every workspace, is the fallback (browser mode).
  const perWorkspace = useRef<'loading' | 'kept' | 'not-kept'>('loading');
  useEffect(() => {
    api.workspace
      .windowState({})
      .then(({ sidebar, kept }) => {
        perWorkspace.current = kept ? 'kept' : 'not-kept';
        if (kept && sidebar) setCollapsed(sidebar === 'collapsed');
      })
      .catch(() => (perWorkspace.current = 'not-kept'));
  }, []);
  useEffect(() => {
    const sidebar = collapsed ? 'collapsed' : 'open';
    localStorage.setItem(SIDEBAR_KEY, sidebar);
    if (perWorkspace.current === 'kept') void api.workspace.windowState({ sidebar }).catch(() => undefined);
  }, [collapsed]);

  // Stepped aside for a panel over the text on a narrow window (not the user's choice, not kept).
  const [aside, setAside] = useState(false);
  useEffect(() => onPanelOverText(setAside), []);

  const toggleSidebar = useCallback(() => {
    if (aside) {
      setAside(false);
      setCollapsed(false);
    } else setCollapsed((c) => !c);
  }, [aside]);
  useCommand('toggle-sidebar', toggleSidebar);
  useCommand('show-library', () => {
    setAside(false);
    setCollapsed(false);
    requestAnimationFrame(() => focusLibrary());
  });
  useCommand('focus-headline', () => {
    focusFirst('.article-pane [aria-label="Headline"]');
  });
  useCommand('focus-body', () => {
    focusFirst('.article-pane [aria-label="Article body"]');
  });

  // Focus that fell to the page because its holder was taken out of the page (a trashed
  // article's menu, an undo's button, a pane replaced) is put back somewhere useful. A click
  // on blank space leaves its holder in the page, and is left alone.
  useEffect(() => {
    let holder: Element | null = null;
    let frame = 0;
    /** Set while the focus waits on the main pane for what is opening there (an undone trash). */
    let parked = false;
    const onFocusIn = (event: FocusEvent) => {
      holder = event.target instanceof Element ? event.target : null;
      if (holder?.id !== 'main') parked = false;
    };
    const check = () => {
      frame = 0;
      if (parked && document.activeElement?.id === 'main') {
        if (focusFirst('.article-pane [aria-label="Headline"]')) parked = false;
        return;
      }
      if (!holder || holder.isConnected) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      if (document.querySelector('dialog[open]')) return;
      if (focusFirst('.toast button', '.article-pane [aria-label="Headline"]')) return;
      parked = focusFirst('#main');
    };
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(check);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);

  return { collapsed: collapsed || aside, toggleSidebar };
}
