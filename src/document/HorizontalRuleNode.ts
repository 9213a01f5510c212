/**
 * A horizontal rule between sections: a block with no text. It renders itself as an
 * `<hr>` (no React), so it works the same in the editor, headless and in export.
 */
import { $applyNodeReplacement, DecoratorNode, type EditorConfig, type LexicalNode, type SerializedLexicalNode } from 'lexical';
import { createElement, themeClass, type RenderedElement } from './dom-element';

export const HORIZONTAL_RULE_TYPE = 'horizontalrule';

export type SerializedHorizontalRuleNode = SerializedLexicalNode;

export class HorizontalRuleNode extends DecoratorNode<null> {
  static override getType(): string {
    return HORIZONTAL_RULE_TYPE;
  }

  static override clone(node: HorizontalRuleNode): HorizontalRuleNode {
    return new HorizontalRuleNode(node.__key);
  }

  static override importJSON(serialized: SerializedHorizontalRuleNode): HorizontalRuleNode {
    return $createHorizontalRuleNode().updateFromJSON(serialized);
  }

  override exportJSON(): SerializedHorizontalRuleNode {
    return { ...super.exportJSON(), type: HORIZONTAL_RULE_TYPE, version: 1 };
  }

  override createDOM(config: EditorConfig): RenderedElement {
    return createElement('hr', themeClass(config.theme, 'hr'));
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    return '\n';
  }

  override isInline(): false {
    return false;
  }

  override decorate(): null {
    return null;
  }
}

export function $createHorizontalRuleNode(): HorizontalRuleNode {
  return $applyNodeReplacement(new HorizontalRuleNode());
}

export function $isHorizontalRuleNode(node: LexicalNode | null | undefined): node is HorizontalRuleNode {
  return node instanceof HorizontalRuleNode;
}
