/** Small display helpers for dates and counts. */

const STATUS_LABELS = { draft: 'Draft', 'in-review': 'In review', approved: 'Approved' } as const;

export function statusLabel(status: keyof typeof STATUS_LABELS): string {
  return STATUS_LABELS[status];
}

/** "just now", "5 min ago", "3 h ago", "Nov 2" — how a newsroom reads recency. */
export function relativeTime(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const date = new Date(then);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** A language tag as an English-speaking editor reads it ("fr" → "French"); a tag Intl does not know stays as it is. */
export function languageName(tag: string): string {
  try {
    // An unknown language ("zz-ZZ") would read "zz (Unknown Region)": keep the tag instead.
    const primary = tag.split('-')[0]!;
    if (!primary) return tag;
    if (LANGUAGE_NAMES.of(primary)?.toLowerCase() === primary.toLowerCase()) return tag;
    return LANGUAGE_NAMES.of(tag) ?? tag;
  } catch {
    // Not a well-formed tag ("en_US", "english"): shown as written.
    return tag;
  }
}

export function formatCount(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A file's size as people read it: 512 bytes, 3.4 KB, 120 KB, 2.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${unit}`;
}
