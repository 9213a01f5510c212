/**
 * What find looks at outside the body's text: the header's fields (handed in, each with a way
 * to change it) and each picture's caption, credit and alt text. Counted while the find bar
 * is open, and replaced there on request.
 */
import { $getRoot, type LexicalEditor } from 'lexical';
import { $isImageNode, type ImageFields } from '../../../../document/ImageNode';

/** A text outside the body that find looks in: a header field (with a way to change it). */
export interface FindField {
  /** As said in a sentence: "the headline", "the dek". */
  name: string;
  text: string;
  replace: (text: string) => void;
}

export interface FoundElsewhere {
  name: string;
  count: number;
}

const PICTURE_FIELDS: Array<[keyof ImageFields, string]> = [
  ['caption', 'the captions'],
  ['credit', 'the credits'],
  ['alt', 'the alt texts'],
];

/** How many times `pattern` occurs in `text`. */
function occurrences(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** Where else the words are, by place, leaving out the places without any: a look at each top-level block. */
export function foundElsewhere(editor: LexicalEditor, fields: readonly FindField[], pattern: RegExp): FoundElsewhere[] {
  const found = fields.map((field) => ({ name: field.name, count: occurrences(pattern, field.text) }));
  const pictures = new Map<string, number>();
  editor.getEditorState().read(() => {
    for (const block of $getRoot().getChildren()) {
      if (!$isImageNode(block)) continue;
      const picture = block.getFields();
      for (const [key, name] of PICTURE_FIELDS) pictures.set(name, (pictures.get(name) ?? 0) + occurrences(pattern, picture[key]));
    }
  });
  for (const [name, count] of pictures) found.push({ name, count });
  return found.filter((f) => f.count > 0);
}

/** "2 in the headline, 1 in the captions". */
export function elsewhereLabel(found: readonly FoundElsewhere[]): string {
  return found.map(({ name, count }) => `${count} in ${name}`).join(', ');
}

/** Replaces the words in the header's fields and the pictures' fields; the pictures as one undo step. */
export function replaceElsewhere(editor: LexicalEditor, fields: readonly FindField[], pattern: RegExp, replacement: string, tags: string[]): void {
  const swap = (text: string) => text.replace(pattern, () => replacement);
  for (const field of fields) if (occurrences(pattern, field.text)) field.replace(swap(field.text));
  editor.update(
    () => {
      for (const block of $getRoot().getChildren()) {
        if (!$isImageNode(block)) continue;
        const picture = block.getFields();
        const changed: Partial<ImageFields> = {};
        for (const [key] of PICTURE_FIELDS) if (occurrences(pattern, picture[key])) changed[key] = swap(picture[key]);
        if (Object.keys(changed).length) block.setFields(changed);
      }
    },
    { tag: tags },
  );
}
