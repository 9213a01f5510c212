import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { $createHeadingNode } from '@lexical/rich-text';
import { describe, expect, it } from 'vitest';
import { buildBody, loadBody } from '../../../src/document/headless';
import { bodyShapeProblem, MAX_BODY_DEPTH } from '../../../src/shared/body-limits';
import { locateInText, positionedText } from '../../../src/document/plain-text';
import { bodyOf } from '../../helpers/temp';

describe('the document without a DOM', () => {
  it('builds a body in Node and reads it back', () => {
    const body = buildBody(() => {
      const heading = $createHeadingNode('h2').append($createTextNode('Talks resume'));
      const paragraph = $createParagraphNode().append($createTextNode('“Difficult but businesslike,” said the negotiator.'));
      $getRoot().append(heading, paragraph);
    });
    const loaded = loadBody(body);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.value.getEditorState().read(() => $getRoot().getTextContent())).toContain('businesslike');
    expect(positionedText(body).blocks.map((b) => b.type)).toEqual(['heading', 'paragraph']);
  });

  it('says why a body with a node it does not know cannot be opened', () => {
    const body = bodyOf('text');
    (body.root.children[0] as { type: string }).type = 'mystery-widget';
    const loaded = loadBody(body);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toMatch(/mystery-widget/);
  });
});

describe('plain text with positions', () => {
  it('maps an offset in the text back to its block and place', () => {
    const body = bodyOf('First paragraph.', 'The union said 448 drones.');
    const positioned = positionedText(body);
    const at = positioned.text.indexOf('448');
    const found = locateInText(positioned, at);
    expect(found?.block.path).toEqual([1]);
    expect(found?.block.text.slice(found.offset, found.offset + 3)).toBe('448');
  });

  it('gives nested list items their own paths', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [{ type: 'text', text: 'one' }] },
              { type: 'listitem', children: [{ type: 'list', children: [{ type: 'listitem', children: [{ type: 'text', text: 'inner' }] }] }] },
            ],
          },
        ],
      },
    };
    const { text, blocks } = positionedText(body);
    expect(text).toBe('one\n\ninner');
    expect(blocks.map((b) => b.path)).toEqual([[0, 0], [0, 1, 0, 0]]);
  });
});

describe('body limits', () => {
  it('accepts an ordinary body and refuses absurd nesting without recursion', () => {
    expect(bodyShapeProblem(bodyOf('a', 'b'))).toBeNull();
    let deep: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'paragraph', children: [deep] };
    expect(bodyShapeProblem({ root: { type: 'root', children: [deep] } })).toMatch(new RegExp(`${MAX_BODY_DEPTH} levels`));
  });
});
