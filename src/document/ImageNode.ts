/**
 * An image of the article: a workspace asset (`assets/<sha256>.<ext>`) with its alt text,
 * caption and credit. An image that could not be brought in (pasted from a web page, where
 * only its address was) keeps its caption and alt with no asset, and shows as "image not
 * imported". A decorator node: the editor's view (fields and the picture) is given by the
 * renderer through `setImageView`, so this file needs no React and works headless.
 */
import {
  $applyNodeReplacement,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { isAssetName } from '../shared/assets';
import { createElement, themeClass, type RenderedElement } from './dom-element';

export const IMAGE_TYPE = 'image';

export interface ImageFields {
  /** `assets/<sha256>.<ext>`, or '' for an image that was not imported. */
  asset: string;
  alt: string;
  caption: string;
  credit: string;
}

export type SerializedImageNode = Spread<ImageFields, SerializedLexicalNode>;

type ImageView = (node: ImageNode) => unknown;
let imageView: ImageView | null = null;

/** The renderer's view of an image (a React element); without one, images render nothing but their frame. */
export function setImageView(view: ImageView): void {
  imageView = view;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export class ImageNode extends DecoratorNode<unknown> {
  __asset: string;
  __alt: string;
  __caption: string;
  __credit: string;

  static override getType(): string {
    return IMAGE_TYPE;
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.getFields(), node.__key);
  }

  constructor(fields: Partial<ImageFields> = {}, key?: NodeKey) {
    super(key);
    this.__asset = isAssetName(fields.asset) ? fields.asset : '';
    this.__alt = fields.alt ?? '';
    this.__caption = fields.caption ?? '';
    this.__credit = fields.credit ?? '';
  }

  static override importJSON(serialized: SerializedLexicalNode): ImageNode {
    return $createImageNode().updateFromJSON(serialized as unknown as LexicalUpdateJSON<SerializedImageNode>);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedImageNode>): this {
    return super
      .updateFromJSON(serialized)
      .setFields({ asset: text(serialized.asset), alt: text(serialized.alt), caption: text(serialized.caption), credit: text(serialized.credit) });
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), type: IMAGE_TYPE, version: 1, ...this.getFields() };
  }

  override createDOM(config: EditorConfig): RenderedElement {
    const element = createElement('div', themeClass(config.theme, 'image'));
    element.setAttribute('data-image', '');
    // Its fields are inputs of their own, not text of the body.
    element.setAttribute('contenteditable', 'false');
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  /** Its caption counts as text (search, word counts); the picture does not. */
  override getTextContent(): string {
    const { caption, credit } = this.getFields();
    return [caption, credit].filter(Boolean).join(' ');
  }

  getFields(): ImageFields {
    const self = this.getLatest();
    return { asset: self.__asset, alt: self.__alt, caption: self.__caption, credit: self.__credit };
  }

  /** Changes some fields; an asset name that is not `assets/<sha256>.<ext>` is dropped. */
  setFields(fields: Partial<ImageFields>): this {
    const writable = this.getWritable();
    if (fields.asset !== undefined) writable.__asset = isAssetName(fields.asset) ? fields.asset : '';
    if (fields.alt !== undefined) writable.__alt = fields.alt;
    if (fields.caption !== undefined) writable.__caption = fields.caption;
    if (fields.credit !== undefined) writable.__credit = fields.credit;
    return writable;
  }

  override decorate(): unknown {
    return imageView ? imageView(this) : null;
  }
}

export function $createImageNode(fields: Partial<ImageFields> = {}): ImageNode {
  return $applyNodeReplacement(new ImageNode(fields));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
