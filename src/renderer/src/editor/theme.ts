/** Class names Lexical puts on the body's elements; all share the CopydeskTheme__ prefix. */
import type { EditorThemeClasses } from 'lexical';

export const copydeskTheme: EditorThemeClasses = {
  paragraph: 'CopydeskTheme__paragraph',
  heading: { h2: 'CopydeskTheme__subhead', h3: 'CopydeskTheme__subhead3' },
  quote: 'CopydeskTheme__quote',
  link: 'CopydeskTheme__link',
  list: {
    ul: 'CopydeskTheme__ul',
    ol: 'CopydeskTheme__ol',
    listitem: 'CopydeskTheme__listitem',
    nested: { listitem: 'CopydeskTheme__nestedListItem' },
  },
  text: {
    bold: 'CopydeskTheme__bold',
    italic: 'CopydeskTheme__italic',
    underline: 'CopydeskTheme__underline',
    strikethrough: 'CopydeskTheme__strikethrough',
  },
};
