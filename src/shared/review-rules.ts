/**
 * The review's one rule, shared by the host's approval gate and the editor's panel (and
 * free of the schema library, so the renderer bundles no validators for it).
 */
import type { ReviewedClaim } from './review';

/** True for a claim that keeps an article from approval: not backed and undecided, or decided other than verified. */
export function isOpenClaim(claim: Pick<ReviewedClaim, 'status' | 'decision'>): boolean {
  return claim.decision ? claim.decision.decision !== 'verified' : claim.status !== 'backed';
}
