/** Every Lexical node the article body may hold, registered from this one list. */
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { AttributionNode } from './AttributionNode';
import { EditorNoteNode } from './EditorNoteNode';
import { HorizontalRuleNode } from './HorizontalRuleNode';
import { ImageNode } from './ImageNode';
import { PullQuoteNode } from './PullQuoteNode';

export const ARTICLE_NODES: Array<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  PullQuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AttributionNode,
  EditorNoteNode,
  HorizontalRuleNode,
  ImageNode,
  TableNode,
  TableRowNode,
  TableCellNode,
];
