/**
 * How the editor reads a <figure> of pasted markup (clean-pasted-html has made every image
 * one, with its alt text, caption and credit in data attributes): an image node with no
 * asset, shown as "image not imported" with its caption. The picture itself is never
 * fetched: the editor works offline and takes images only from files.
 */
import type { DOMConversionMap } from 'lexical';
import { $createImageNode } from '../../../../document/ImageNode';

export const IMAGE_IMPORT: DOMConversionMap = {
  figure: () => ({
    priority: 4,
    conversion: (element) => ({
      node: $createImageNode({
        alt: element.getAttribute('data-alt') ?? '',
        caption: element.getAttribute('data-caption') ?? '',
        credit: element.getAttribute('data-credit') ?? '',
      }),
      forChild: () => null,
    }),
  }),
};
