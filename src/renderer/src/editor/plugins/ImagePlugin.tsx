/**
 * Images into the body: inserted from a file (the toolbar's Image, or "Insert the file…"
 * on a placeholder), pasted or dropped. Each file is stored in the workspace by the host
 * (`assets.put`: typed by its bytes, SVG refused, size capped) and the image node holds
 * its name; a refusal is shown in the host's words and nothing is inserted.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNodeByKey,
  $isRootOrShadowRoot,
  $isParagraphNode,
  $isDecoratorNode,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  PASTE_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { $createImageNode, $isImageNode, ImageNode, setImageView } from '../../../../document/ImageNode';
import { ASSET_KINDS } from '../../../../shared/assets';
import { api } from '../../api';
import { toBase64 } from '../../sources/file-data';
import { OPEN_IMAGE_PICKER_COMMAND } from '../blocks/editor-commands';
import { ImageBlock } from '../ImageBlock';

setImageView((node) => <ImageBlock nodeKey={node.getKey()} fields={node.getFields()} />);

const ACCEPT = Object.values(ASSET_KINDS).join(',');

const imageFiles = (files: FileList | null | undefined) => Array.from(files ?? []).filter((file) => file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(file.name));

/** Stores each file and inserts (or fills) an image for it; returns the refusals in words. */
async function insertImageFiles(editor: LexicalEditor, files: File[], into?: NodeKey): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    try {
      const stored = await api.assets.put({ fileName: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) });
      editor.update(() => {
        const target = into ? $getNodeByKey(into) : null;
        if ($isImageNode(target)) {
          target.setFields({ asset: stored.asset });
          return;
        }
        const image = $insertNodeToNearestRoot($createImageNode({ asset: stored.asset }));
        if (!image.getNextSibling()) image.insertAfter($createParagraphNode());
      });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}

export function ImagePlugin() {
  const [editor] = useLexicalComposerContext();
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<NodeKey | undefined>(undefined);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (!editor.hasNodes([ImageNode])) return;
    const take = (files: File[], into?: NodeKey) => {
      setProblems([]);
      void insertImageFiles(editor, files, into).then(setProblems);
    };
    return mergeRegister(
      // An image is a block of the body: one that lands inside a paragraph (pasted from a
      // page that wrapped it in divs) moves out after it, and an emptied paragraph goes.
      editor.registerNodeTransform(ImageNode, (node) => {
        const parent = node.getParent();
        if (!parent || $isRootOrShadowRoot(parent)) return;
        const top = node.getTopLevelElement() ?? parent;
        if (top === node) return;
        top.insertAfter(node);
        if ($isParagraphNode(parent) && parent.getTextContent().trim() === '' && !parent.getChildren().some($isDecoratorNode)) parent.remove();
      }),
      editor.registerCommand(
        OPEN_IMAGE_PICKER_COMMAND,
        (key) => {
          if (!editor.isEditable()) return false;
          target.current = key;
          input.current?.click();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const files = imageFiles('clipboardData' in event ? event.clipboardData?.files : null);
          if (!files.length) return false;
          event.preventDefault();
          take(files);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!Array.from(event.dataTransfer?.types ?? []).includes('Files')) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = imageFiles(event.dataTransfer?.files);
          if (!files.length) return false;
          event.preventDefault();
          take(files);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor]);

  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="Image file"
        data-testid="image-file"
        onChange={(event) => {
          const files = imageFiles(event.target.files);
          event.target.value = '';
          setProblems([]);
          if (files.length) void insertImageFiles(editor, files, target.current).then(setProblems);
        }}
      />
      {problems.length > 0 && (
        <div className="image-problems" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
          <button type="button" onClick={() => setProblems([])}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
