/**
 * The gate's problems in an editor's words: grouped by kind, each group with a title that
 * counts it and what to do about it. The host's own message stays the line of each item.
 */
import { formatCount } from '../format';

export interface GateProblem {
  code: string;
  message: string;
}

export interface ProblemGroup {
  code: string;
  title: string;
  /** What to do, in one sentence. */
  advice: string;
  messages: string[];
}

const KINDS: Record<string, { title: (n: number) => string; advice: string }> = {
  'no-headline': { title: () => 'The headline is missing', advice: 'Write a headline.' },
  'editor-note': {
    title: (n) => (n === 1 ? 'A TK or editor’s note is left in the text' : `${n} TKs or editor’s notes are left in the text`),
    advice: 'Fill in each TK and delete the notes from the body.',
  },
  'disputed-claim': {
    title: (n) => (n === 1 ? 'A claim is disputed' : `${n} claims are disputed`),
    advice: 'Settle each with the reviewer who disputed it: fix the text or find the source, then change the decision in review mode.',
  },
  'open-claim': {
    title: (n) => (n === 1 ? 'A claim is open' : `${n} claims are open`),
    advice: 'In review mode (Review, or Ctrl+Shift+R), verify each one, attach the source that backs it, or change the text.',
  },
  'ai-undisclosed': {
    title: () => 'The kicker mentions AI, but there is no AI disclosure',
    advice: 'Add an AI disclosure to the article, or change the kicker.',
  },
  'broken-related': {
    title: (n) => (n === 1 ? 'A related article is not in the workspace' : `${n} related articles are not in the workspace`),
    advice: 'Remove the link, or bring the article back (from the trash, or as a bundle).',
  },
  'missing-source': {
    title: (n) => (n === 1 ? 'A cited source is not in the library' : `${n} cited sources are not in the library`),
    advice: 'Add the source to the library again, or take its attribution off the text.',
  },
  'missing-image': {
    title: (n) => (n === 1 ? 'An image is missing from the workspace' : `${n} images are missing from the workspace`),
    advice: 'Insert the file again on the image (“Insert the file…”), or remove the image.',
  },
};

const ORDER = Object.keys(KINDS);

/** Groups in a fixed order (what is quickest to fix first); codes the app does not know come last, as they are. */
export function groupProblems(problems: readonly GateProblem[]): ProblemGroup[] {
  const byCode = new Map<string, string[]>();
  for (const problem of problems) {
    const messages = byCode.get(problem.code) ?? [];
    messages.push(problem.message);
    byCode.set(problem.code, messages);
  }
  const rank = (code: string) => (ORDER.includes(code) ? ORDER.indexOf(code) : ORDER.length);
  return [...byCode.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([code, messages]) => {
      const kind = KINDS[code];
      return {
        code,
        title: kind ? kind.title(messages.length) : formatCount(messages.length, 'other problem', 'other problems'),
        advice: kind ? kind.advice : 'Fix what each line says.',
        messages,
      };
    });
}

/** The verdict's one line. */
export function verdict(problems: readonly GateProblem[]): string {
  if (!problems.length) return 'Ready to export';
  return `Not ready: ${formatCount(problems.length, 'problem stops', 'problems stop')} publication`;
}

/** An approval past open claims, as the gate reports it. */
export interface GateApproval {
  by: string;
  at: string;
  reason: string;
  problems: readonly GateProblem[];
}

/** "14 open claims", "3 open or disputed claims": what an approval went past. */
export function overriddenClaims(approval: GateApproval): string {
  const n = approval.problems.length;
  const disputed = approval.problems.some((p) => p.code === 'disputed-claim');
  const open = approval.problems.some((p) => p.code !== 'disputed-claim');
  const kind = disputed && open ? 'open or disputed claim' : disputed ? 'disputed claim' : 'open claim';
  return formatCount(n, kind, `${kind}s`);
}

/** "Approved by Night Editor on 28 Nov 2026" (the date in the reader's words, the time left out). */
export function approvedBy(approval: GateApproval): string {
  const at = new Date(approval.at);
  const day = Number.isNaN(at.getTime()) ? '' : ` on ${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`;
  return `Approved by ${approval.by || 'an unnamed reviewer'}${day}`;
}
