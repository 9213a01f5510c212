/**
 * YAML front matter that Hugo, Jekyll and Astro read: every string double-quoted with
 * JSON's escapes (JSON is YAML 1.2, and 1.1 readers take these escapes too), plus the
 * characters YAML will not take raw (C1 controls, line and paragraph separators, BOM).
 */

export type FrontMatterValue = string | string[] | { date: string };

const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

export function yamlString(text: string): string {
  return JSON.stringify(text).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `---` blocks with one key a line in the given order; dates unquoted (a YAML timestamp), arrays as flow sequences. */
export function frontMatter(fields: Array<[key: string, value: FrontMatterValue]>): string {
  const lines = fields.map(([key, value]) => {
    if (typeof value === 'string') return `${key}: ${yamlString(value)}`;
    if (Array.isArray(value)) return `${key}: [${value.map(yamlString).join(', ')}]`;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(value.date)) throw new Error(`${key}: not a UTC timestamp: ${value.date}`);
    return `${key}: ${value.date}`;
  });
  return `---\n${lines.join('\n')}\n---\n`;
}
