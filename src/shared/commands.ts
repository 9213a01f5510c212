/**
 * The app's commands and their shortcuts, defined once: the desktop menu takes its
 * accelerators from here, the command palette and the keyboard-shortcut panel show them,
 * and the renderer matches key presses against them. Accelerators use Electron's syntax
 * (`CmdOrCtrl+Shift+R`); `matchesShortcut` and `shortcutLabel` read it for the web.
 *
 * Zod-free and DOM-free: the preload, main and renderer all import it.
 */

export type CommandGroup = 'file' | 'edit' | 'view' | 'format' | 'insert' | 'article' | 'help';

export interface CommandSpec {
  /** Stable id, sent as the `app.command` event's `command`. */
  id: string;
  label: string;
  group: CommandGroup;
  /** Electron accelerator, or null when the command has no shortcut. */
  accelerator: string | null;
  /** A second accelerator that also works (not shown in menus). */
  alternate?: string;
  /**
   * The shortcut in a browser tab (browser mode), where the browser keeps `accelerator` for
   * itself and never passes it to the page (Ctrl+N opens a window, Ctrl+1 picks a tab).
   */
  inBrowser?: string;
  /** Where the shortcut applies; `editor` shortcuts only act while the body has focus. */
  scope: 'app' | 'editor';
  /** `main`: the desktop app's main process carries it out (a folder dialog, a window); the page never registers it. */
  runs?: 'main';
}

export const COMMANDS = [
  { id: 'new-article', label: 'New Article', group: 'file', accelerator: 'CmdOrCtrl+N', inBrowser: 'Alt+Shift+N', scope: 'app' },
  { id: 'open-workspace', label: 'Open Workspace…', group: 'file', accelerator: 'CmdOrCtrl+O', scope: 'app', runs: 'main' },
  { id: 'import-article', label: 'Import…', group: 'file', accelerator: 'CmdOrCtrl+Shift+I', scope: 'app' },
  { id: 'add-source', label: 'Add Source…', group: 'file', accelerator: 'CmdOrCtrl+Shift+S', scope: 'app' },
  { id: 'export', label: 'Export…', group: 'file', accelerator: 'CmdOrCtrl+Shift+E', scope: 'app' },
  { id: 'save', label: 'Save Now', group: 'file', accelerator: 'CmdOrCtrl+S', scope: 'app' },
  { id: 'reveal-in-folder', label: 'Reveal in Folder', group: 'file', accelerator: null, scope: 'app' },
  { id: 'close-window', label: 'Close Window', group: 'file', accelerator: 'CmdOrCtrl+W', scope: 'app', runs: 'main' },
  { id: 'command-palette', label: 'Command Palette…', group: 'view', accelerator: 'CmdOrCtrl+Shift+P', alternate: 'CmdOrCtrl+K', scope: 'app' },
  { id: 'search', label: 'Search Articles', group: 'view', accelerator: 'CmdOrCtrl+Shift+F', scope: 'app' },
  { id: 'show-library', label: 'Library', group: 'view', accelerator: 'CmdOrCtrl+1', inBrowser: 'Alt+Shift+1', scope: 'app' },
  { id: 'show-sources', label: 'Sources', group: 'view', accelerator: 'CmdOrCtrl+2', inBrowser: 'Alt+Shift+2', scope: 'app' },
  { id: 'review-mode', label: 'Review Mode', group: 'view', accelerator: 'CmdOrCtrl+Shift+R', scope: 'app' },
  { id: 'toggle-sidebar', label: 'Toggle Sidebar', group: 'view', accelerator: 'CmdOrCtrl+\\', scope: 'app' },
  { id: 'toggle-theme', label: 'Toggle Dark Theme', group: 'view', accelerator: null, scope: 'app' },
  { id: 'focus-headline', label: 'Go to Headline', group: 'view', accelerator: 'CmdOrCtrl+Alt+H', scope: 'app' },
  { id: 'focus-body', label: 'Go to Body', group: 'view', accelerator: 'CmdOrCtrl+Alt+B', scope: 'app' },
  { id: 'find', label: 'Find', group: 'edit', accelerator: 'CmdOrCtrl+F', scope: 'app' },
  { id: 'replace', label: 'Replace', group: 'edit', accelerator: 'CmdOrCtrl+H', scope: 'app' },
  { id: 'attribute', label: 'Attribute to Source', group: 'edit', accelerator: 'CmdOrCtrl+Shift+A', scope: 'editor' },
  { id: 'link', label: 'Link…', group: 'insert', accelerator: 'CmdOrCtrl+K', scope: 'editor' },
  { id: 'heading-2', label: 'Subhead', group: 'format', accelerator: 'CmdOrCtrl+Alt+2', scope: 'editor' },
  { id: 'heading-3', label: 'Minor Subhead', group: 'format', accelerator: 'CmdOrCtrl+Alt+3', scope: 'editor' },
  { id: 'paragraph', label: 'Body Text', group: 'format', accelerator: 'CmdOrCtrl+Alt+0', scope: 'editor' },
  { id: 'quote', label: 'Quote', group: 'format', accelerator: 'CmdOrCtrl+Alt+Q', scope: 'editor' },
  { id: 'bulleted-list', label: 'Bulleted List', group: 'format', accelerator: 'CmdOrCtrl+Shift+8', scope: 'editor' },
  { id: 'numbered-list', label: 'Numbered List', group: 'format', accelerator: 'CmdOrCtrl+Shift+7', scope: 'editor' },
  { id: 'bold', label: 'Bold', group: 'format', accelerator: 'CmdOrCtrl+B', scope: 'editor' },
  { id: 'italic', label: 'Italic', group: 'format', accelerator: 'CmdOrCtrl+I', scope: 'editor' },
  { id: 'underline', label: 'Underline', group: 'format', accelerator: 'CmdOrCtrl+U', scope: 'editor' },
  { id: 'strikethrough', label: 'Strikethrough', group: 'format', accelerator: 'CmdOrCtrl+Shift+X', scope: 'editor' },
  { id: 'code', label: 'Inline Code', group: 'format', accelerator: 'CmdOrCtrl+E', scope: 'editor' },
  { id: 'editor-note', label: 'Editor Note (TK)', group: 'insert', accelerator: 'CmdOrCtrl+Alt+M', scope: 'editor' },
  { id: 'versions', label: 'Versions…', group: 'article', accelerator: null, scope: 'app' },
  { id: 'pull-quote', label: 'Pull Quote', group: 'format', accelerator: 'CmdOrCtrl+Alt+P', scope: 'editor' },
  { id: 'superscript', label: 'Superscript', group: 'format', accelerator: 'CmdOrCtrl+.', scope: 'editor' },
  { id: 'subscript', label: 'Subscript', group: 'format', accelerator: 'CmdOrCtrl+,', scope: 'editor' },
  { id: 'insert-image', label: 'Image…', group: 'insert', accelerator: null, scope: 'editor' },
  { id: 'insert-table', label: 'Table', group: 'insert', accelerator: null, scope: 'editor' },
  { id: 'horizontal-rule', label: 'Horizontal Rule', group: 'insert', accelerator: null, scope: 'editor' },
  { id: 'fix-typography', label: 'Fix Quotes and Dashes', group: 'format', accelerator: null, scope: 'editor' },
  { id: 'keyboard-shortcuts', label: 'Keyboard Shortcuts', group: 'help', accelerator: 'CmdOrCtrl+/', scope: 'app' },
  { id: 'open-data-folder', label: 'Open Data Folder', group: 'help', accelerator: null, scope: 'app', runs: 'main' },
  { id: 'about', label: 'About Copydesk', group: 'help', accelerator: null, scope: 'app', runs: 'main' },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export const COMMAND_IDS = COMMANDS.map((command) => command.id) as [CommandId, ...CommandId[]];

export function commandById(id: CommandId): CommandSpec {
  return COMMANDS.find((command) => command.id === id)!;
}

interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface ParsedAccelerator {
  primary: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parse(accelerator: string): ParsedAccelerator {
  const parts = accelerator.split('+');
  // `CmdOrCtrl++` would split into an empty last part; no command uses it.
  const key = parts.pop()!.toLowerCase();
  return { primary: parts.includes('CmdOrCtrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key };
}

/** The key a press names, independent of Shift and Alt turning `2` into `@` or `²`. */
function pressedKey(event: KeyLike): string {
  const code = event.code ?? '';
  if (/^Digit\d$/.test(code)) return code.slice(5);
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (code === 'Backslash') return '\\';
  if (code === 'Slash') return '/';
  return event.key.toLowerCase();
}

/**
 * Whether a key press is the accelerator (or its alternate). `mac` decides whether
 * CmdOrCtrl means the Command key or Control.
 */
export function matchesShortcut(event: KeyLike, spec: Pick<CommandSpec, 'accelerator' | 'alternate'>, mac: boolean): boolean {
  return [spec.accelerator, spec.alternate].some((accelerator) => {
    if (!accelerator) return false;
    const wanted = parse(accelerator);
    const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
    return primary === wanted.primary && event.altKey === wanted.alt && event.shiftKey === wanted.shift && pressedKey(event) === wanted.key;
  });
}

/** The shortcut as a person reads it: `⌘⇧R` on a Mac, `Ctrl+Shift+R` elsewhere. */
export function shortcutLabel(accelerator: string | null, mac: boolean): string {
  if (!accelerator) return '';
  const { primary, alt, shift, key } = parse(accelerator);
  const shown = key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1);
  if (mac) return `${alt ? '⌥' : ''}${shift ? '⇧' : ''}${primary ? '⌘' : ''}${shown}`;
  return [primary ? 'Ctrl' : '', alt ? 'Alt' : '', shift ? 'Shift' : '', shown].filter(Boolean).join('+');
}

/** Whether this machine's shortcuts use the Command key. */
export function isMacPlatform(platform: string): boolean {
  return /^(darwin|mac)/i.test(platform);
}
