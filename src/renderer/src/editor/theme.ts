/** Class names Lexical puts on the body's elements; all share the CopydeskTheme__ prefix. */
import type { EditorThemeClasses } from 'lexical';
import './theme.css';

export const copydeskTheme: EditorThemeClasses = {
  paragraph: 'CopydeskTheme__paragraph',
  // One level of subhead: SubheadPlugin makes every heading an H2.
  heading: { h2: 'CopydeskTheme__subhead' },
  quote: 'CopydeskTheme__quote',
  link: 'CopydeskTheme__link',
  // AttributionNode's span: words linked to the source that backs them.
  attribution: 'CopydeskTheme__attribution',
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
