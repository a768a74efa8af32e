import type { PipelineStage, RejectionKind } from '../gql/graphql';

/** Every stage in the board's order: the open road first, then the three ways it ends. */
export const stages: readonly PipelineStage[] = [
  'NEW',
  'SHORTLISTED',
  'CONTACTED',
  'INTERVIEW',
  'OFFER',
  'HIRED',
  'REJECTED',
  'WITHDRAWN',
];

/** The reasons a rejection may give, in the order the dialog offers them. */
export const rejectionKinds: readonly RejectionKind[] = [
  'NOT_QUALIFIED',
  'SKILLS_MISMATCH',
  'OTHER_CANDIDATE_CHOSEN',
  'TERMS_NOT_AGREED',
  'NO_RESPONSE',
  'OTHER',
];

/** The longest note or rejection text the server keeps (characters). */
export const maxTextLength = 4000;

/** Hired, rejected or withdrawn: the application has ended. */
export function isClosed(stage: PipelineStage): boolean {
  return stage === 'HIRED' || stage === 'REJECTED' || stage === 'WITHDRAWN';
}

/** A board's address, with one application's details beside it or none. */
export function boardPath(openingId: string, applicationId?: string | null): string {
  const base = `/openings/${encodeURIComponent(openingId)}/pipeline`;
  return applicationId ? `${base}/${encodeURIComponent(applicationId)}` : base;
}
