/**
 * Warnings for the article as a whole, in plain sentences: no sources attached, sources
 * without a snapshot, attached sources that back nothing, attributions to sources that are
 * gone or not attached, TKs and editor notes left in the text, quote marks never closed.
 */
import type { EditorNote } from '../../document/claims/claim-types';
import type { CheckInput, CheckSource, ClaimResult } from './review-types';

const title = (source: CheckSource) => `“${source.title || source.id}”`;
const hasSnapshot = (source: CheckSource) => typeof source.snapshot === 'string' && source.snapshot.trim() !== '';
const BACKING = new Set(['backed', 'close', 'speaker-unconfirmed']);

export function reviewWarnings(input: CheckInput, byId: Map<string, CheckSource>, results: ClaimResult[], notes: EditorNote[]): string[] {
  const warnings: string[] = [];
  const attached = [...new Set(input.attachedSourceIds ?? [])];
  if (!attached.length) warnings.push('No sources are attached, so no claim can be backed.');
  const cited = new Set<string>();
  for (const result of results) {
    if (result.sourceId && BACKING.has(result.status)) cited.add(result.sourceId);
    if (result.attributedSourceId) cited.add(result.attributedSourceId);
  }
  for (const id of attached) {
    const source = byId.get(id);
    if (!source) warnings.push(`The attached source “${id}” is not in the library, so nothing can be checked against it.`);
    else if (!hasSnapshot(source)) warnings.push(`${title(source)} has no snapshot, so nothing can be checked against it.`);
    else if (!cited.has(id)) warnings.push(`${title(source)} is attached but backs no claim.`);
  }
  const attributed = new Set(results.map((r) => r.attributedSourceId).filter((id): id is string => id !== undefined));
  for (const id of attributed) {
    const source = byId.get(id);
    if (!source) warnings.push(`An attribution points at “${id}”, which is not in the library.`);
    else if (!attached.includes(id)) warnings.push(`${title(source)} is cited by an attribution but not attached to the article.`);
  }
  for (const note of notes) {
    warnings.push(note.kind === 'tk' ? `“${note.text}” is left in the text (block ${note.path.join('.')}).` : `An editor’s note is left in the text: “${note.text}” (block ${note.path.join('.')}).`);
  }
  for (const result of results) {
    if (result.unclosed) warnings.push(`A quotation mark is never closed: “${result.text.slice(0, 60)}${result.text.length > 60 ? '…' : ''}” (block ${result.path.join('.')}).`);
  }
  return warnings;
}
