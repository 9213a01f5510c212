/**
 * What export deals in: a bundle (the files of one article, in a fixed order), the gate's
 * problems, and the article's state as the bundle is built from it.
 */
import type { Article } from '../../shared/article';
import type { ReviewCheck } from '../../shared/review';
import type { SourceFile } from '../../shared/source';

/** One file of a bundle: its path inside the bundle (`/`-separated) and its bytes. */
export interface BundleFile {
  path: string;
  bytes: Uint8Array;
}

/** A publish-ready bundle of one article, built in memory; `writeBundle` puts it on disk. */
export interface Bundle {
  articleId: string;
  /** The bundle's folder name (the article's slug). */
  slug: string;
  revision: string;
  /** The export time, ISO 8601; the zip's timestamps too. */
  at: string;
  files: BundleFile[];
}

/** What stops publication. */
export type GateCode = 'no-headline' | 'editor-note' | 'open-claim' | 'disputed-claim' | 'ai-undisclosed' | 'broken-related' | 'missing-source' | 'missing-image';

export interface GateProblem {
  code: GateCode;
  message: string;
}

/** An approval past open claims as the gate shows it: who, when, the reason, and the claims it settled. */
export interface GateApproval {
  by: string;
  at: string;
  reason: string;
  /** The claim problems the approval went past (the gate would name them otherwise). */
  problems: GateProblem[];
}

/** A related article as the bundle names it. */
export interface RelatedArticle {
  id: string;
  headline: string;
  slug: string;
}

/** Everything a bundle is made from, read from the workspace once; building from it is pure. */
export interface ArticleState {
  article: Article;
  /** The sources the article cites (attributed first, in order of first use, then the other attached ones) found in the library. */
  sources: SourceFile[];
  related: RelatedArticle[];
  /** The review check of this revision (its time is the export's). */
  check: ReviewCheck;
  /** Title of every library source by id, for the review report. */
  sourceTitles: Map<string, string>;
  problems: GateProblem[];
  /** The approval past open claims that settled them for the gate, with the claims it went past. */
  approval: GateApproval | null;
  /** The workspace images the body shows, with their bytes (those that could be read). */
  assets: Array<{ asset: string; bytes: Uint8Array }>;
}
