/**
 * The color theme: the system's by default; View ▸ Toggle Dark Theme (or the palette) picks
 * light or dark and the choice is remembered on this machine. The colors themselves are
 * light-dark() pairs in styles/tokens.css; this only sets `data-theme` on the page's root.
 */
const KEY = 'copydesk-theme';

type Theme = 'light' | 'dark';

function stored(): Theme | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** Puts the remembered choice on the page; call before the first paint. */
export function applyStoredTheme(): void {
  const theme = stored();
  if (theme) document.documentElement.dataset.theme = theme;
}

/** The theme the page shows now. */
export function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Switches between light and dark, and remembers the choice. */
export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  try {
    window.localStorage.setItem(KEY, next);
  } catch {
    // A full or blocked storage only costs remembering it.
  }
  return next;
}
