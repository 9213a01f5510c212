/**
 * What a commit says, from the API call that made it: "Approve: Rotterdam terminal strike
 * talks…", "Verified a claim: …", "Add source: …". Calls that do not mean a commit on their
 * own (a save while typing) return 'settle': they are batched until edits settle.
 */
const HEADLINE_CHARS = 72;

export type CommitTrigger = { now: string } | 'settle' | null;

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim() || 'Untitled';
  return flat.length > HEADLINE_CHARS ? `${flat.slice(0, HEADLINE_CHARS - 1)}…` : flat;
}

const STATUS_WORDS: Record<string, string> = { draft: 'Return to writer', 'in-review': 'Send to review', approved: 'Approve' };
const DECISION_WORDS: Record<string, string> = { verified: 'Verified a claim', disputed: 'Disputed a claim', 'needs-source': 'Asked for a source' };

/**
 * The commit an API call asks for. `headlineOf` names an article by id (after the call);
 * `request` and `response` are the call's, already checked against the contract.
 */
export function commitFor(method: string, request: Record<string, unknown>, response: unknown, headlineOf: (id: string) => string | null): CommitTrigger {
  const headline = () => short(typeof request.id === 'string' ? (headlineOf(request.id) ?? '') : '');
  const value = (response ?? {}) as Record<string, unknown>;
  switch (method) {
    case 'articles.setStatus':
      return { now: `${STATUS_WORDS[String(request.status)] ?? 'Status'}: ${headline()}` };
    case 'review.decide':
      return { now: `${request.decision === null ? 'Cleared a decision' : (DECISION_WORDS[String(request.decision)] ?? 'Decision')}: ${headline()}` };
    case 'export.articles': {
      const exported = Array.isArray(value.exported) ? (value.exported as Array<{ articleId: string }>) : [];
      if (!exported.length) return null;
      const first = short(headlineOf(exported[0]!.articleId) ?? '');
      return { now: exported.length === 1 ? `Export: ${first}` : `Export ${exported.length} articles: ${first}, …` };
    }
    case 'sources.add':
    case 'sources.importFile':
    case 'sources.capture': {
      if (value.status !== 'added') return null;
      const source = value.source as { csl?: { title?: unknown } } | undefined;
      return { now: `Add source: ${short(typeof source?.csl?.title === 'string' ? source.csl.title : '')}` };
    }
    case 'sources.importReferences': {
      const added = Array.isArray(value.added) ? value.added.length : 0;
      return added ? { now: `Add ${added} source${added === 1 ? '' : 's'} from ${String(request.fileName)}` } : null;
    }
    case 'articles.keepSettledVersion':
      return { now: `Edit: ${headline()}` };
    case 'articles.create':
    case 'articles.import':
    case 'articles.duplicate':
    case 'articles.save':
    case 'articles.rename':
    case 'articles.delete':
    case 'articles.restoreVersion':
    case 'trash.restore':
    case 'sources.update':
    case 'sources.delete':
    case 'export.importBundle':
    case 'trash.purge':
    case 'tags.rename':
    case 'articles.relate':
    case 'articles.unrelate':
      return 'settle';
    default:
      return null;
  }
}

/** A batch of settled edits, named by their articles. */
export function settledMessage(headlines: string[]): string {
  const names = [...new Set(headlines.map(short))];
  if (names.length === 0) return 'Edit';
  if (names.length === 1) return `Edit: ${names[0]}`;
  return `Edit ${names.length} articles: ${names.slice(0, 3).join('; ')}${names.length > 3 ? '; …' : ''}`;
}
