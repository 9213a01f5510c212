/**
 * An image in the body as the editor shows it: the picture (or why it cannot be shown:
 * not imported from a pasted page, or missing from the workspace), and its caption,
 * credit and alt text as fields that write into the image node.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect, useId, useState } from 'react';
import { $isImageNode, type ImageFields } from '../../../document/ImageNode';
import { assetUrl, type AssetUrl } from './blocks/asset-urls';
import { OPEN_IMAGE_PICKER_COMMAND } from './blocks/editor-commands';
import './ImageBlock.css';

interface ImageBlockProps {
  nodeKey: NodeKey;
  fields: ImageFields;
}

const FIELDS: Array<{ key: 'caption' | 'credit' | 'alt'; label: string; hint: string }> = [
  { key: 'caption', label: 'Caption', hint: 'What the picture shows, for readers' },
  { key: 'credit', label: 'Credit', hint: 'Photo: name / agency' },
  { key: 'alt', label: 'Alt text', hint: 'The picture described for readers who cannot see it' },
];

export function ImageBlock({ nodeKey, fields }: ImageBlockProps) {
  const [editor] = useLexicalComposerContext();
  const [shown, setShown] = useState<AssetUrl | null>(null);
  const [editable, setEditable] = useState(() => editor.isEditable());
  const id = useId();

  useEffect(() => editor.registerEditableListener(setEditable), [editor]);

  useEffect(() => {
    let live = true;
    if (fields.asset) void assetUrl(fields.asset).then((found) => live && setShown(found));
    return () => {
      live = false;
    };
  }, [fields.asset]);

  const change = (patch: Partial<ImageFields>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setFields(patch);
    });

  const remove = () =>
    editor.update(() => {
      $getNodeByKey(nodeKey)?.remove();
    });

  let picture;
  if (!fields.asset) {
    picture = (
      <div className="image-block__placeholder" role="img" aria-label={`Image not imported${fields.alt ? `: ${fields.alt}` : ''}`}>
        <strong>Image not imported</strong>
        <span>Pasted pictures stay on the page they came from. Insert the file to use it here.</span>
      </div>
    );
  } else if (!shown) {
    picture = <div className="image-block__placeholder">Loading image…</div>;
  } else if (!shown.ok) {
    picture = (
      <div className="image-block__placeholder image-block__placeholder--missing" role="img" aria-label={`Image missing: ${fields.asset}`}>
        <strong>{shown.missing ? 'Image missing' : 'Image cannot be shown'}</strong>
        <span>{shown.message}</span>
      </div>
    );
  } else {
    picture = <img src={shown.url} alt={fields.alt} draggable={false} />;
  }

  return (
    <figure className="image-block" aria-label={fields.caption ? `Image: ${fields.caption}` : 'Image'}>
      {picture}
      <div className="image-block__fields">
        {FIELDS.map(({ key, label, hint }) => (
          <label key={key} htmlFor={`${id}-${key}`}>
            <span>{label}</span>
            <input
              id={`${id}-${key}`}
              type="text"
              value={fields[key]}
              placeholder={hint}
              readOnly={!editable}
              onChange={(event) => change({ [key]: event.target.value })}
            />
          </label>
        ))}
      </div>
      {editable && (
        <div className="image-block__actions">
          {!fields.asset || (shown && !shown.ok) ? (
            <button type="button" onClick={() => editor.dispatchCommand(OPEN_IMAGE_PICKER_COMMAND, nodeKey)}>
              Insert the file…
            </button>
          ) : null}
          <button type="button" onClick={remove}>
            Remove image
          </button>
        </div>
      )}
    </figure>
  );
}
