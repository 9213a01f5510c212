/**
 * The open article's review, for every part of the article that shows or changes it: the
 * header's workflow actions, the toolbar's Review toggle, the review panel, the claim
 * highlights in the text. Built by useArticleReview in the article form.
 */
import { createContext, useContext } from 'react';
import type { ArticleStatus, ClaimDecision } from '../../../shared/article';
import type { ReviewedClaim } from '../../../shared/review';
import type { ClaimFilter } from './claim-status';
import type { ReviewCheckState } from './use-review-check';
import type { ReviewerName } from './use-reviewer-name';
import type { Workflow } from './use-workflow';

export interface ArticleReview {
  id: string;
  status: ArticleStatus;
  /** Review mode: the review panel instead of the sources. */
  mode: boolean;
  setMode: (on: boolean) => void;
  checked: ReviewCheckState;
  filter: ClaimFilter;
  setFilter: (filter: ClaimFilter) => void;
  /** The claim last picked in the panel, marked in the text. */
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  /** Claims marked in the text by status. */
  highlights: boolean;
  setHighlights: (on: boolean) => void;
  reviewer: ReviewerName;
  workflow: Workflow;
  /** Records (or with null clears) a decision on a claim, with the reviewer's name. */
  decide: (claim: ReviewedClaim, decision: ClaimDecision | null, comment?: string) => Promise<void>;
  /** Review mode on, showing the open claims. */
  showOpen: () => void;
  /** Downloads the review report. */
  downloadReport: (format: 'html' | 'md') => Promise<void>;
}

export const ReviewContext = createContext<ArticleReview | null>(null);

export function useReview(): ArticleReview {
  const review = useContext(ReviewContext);
  if (!review) throw new Error('useReview needs the article’s ReviewContext above it.');
  return review;
}
