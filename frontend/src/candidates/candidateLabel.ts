import type { Messages } from '../i18n/messages';

/** The name, or for roles that may not see it, a label by id (never an empty line). */
export function candidateLabel(candidate: { id: string; name?: string | null }, t: Messages): string {
  return candidate.name ?? t.candidates.anonymous(candidate.id);
}
