/** Class names Lexical puts on the body's elements; all share the CopydeskTheme__ prefix. */
import type { EditorThemeClasses } from 'lexical';
import './theme.css';

export const copydeskTheme: EditorThemeClasses = {
  paragraph: 'CopydeskTheme__paragraph',
  // Two levels of subhead: SubheadPlugin maps every heading to H2 or H3.
  heading: { h2: 'CopydeskTheme__subhead', h3: 'CopydeskTheme__minorSubhead' },
  quote: 'CopydeskTheme__quote',
  // Read by the document's own nodes (src/document) through their createDOM.
  pullquote: 'CopydeskTheme__pullquote',
  hr: 'CopydeskTheme__hr',
  image: 'CopydeskTheme__image',
  editorNote: 'CopydeskTheme__editorNote',
  table: 'CopydeskTheme__table',
  tableRow: 'CopydeskTheme__tableRow',
  tableCell: 'CopydeskTheme__tableCell',
  tableCellHeader: 'CopydeskTheme__tableCellHeader',
  tableSelection: 'CopydeskTheme__tableSelection',
  tableCellSelected: 'CopydeskTheme__tableCellSelected',
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
    underlineStrikethrough: 'CopydeskTheme__underlineStrikethrough',
    code: 'CopydeskTheme__code',
    superscript: 'CopydeskTheme__superscript',
    subscript: 'CopydeskTheme__subscript',
  },
};
