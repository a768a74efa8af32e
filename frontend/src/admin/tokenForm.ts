import type { Role } from '../gql/graphql';
import type { Messages } from '../i18n/messages';

/** What the form holds, as typed. */
export interface TokenDraft {
  name: string;
  role: Role;
  expiresInDays: string;
  /** For an INTEGRATION token: it may add and move candidates in pipelines. */
  movesApplications: boolean;
}

export const emptyTokenDraft: TokenDraft = { name: '', role: 'RECRUITER', expiresInDays: '', movesApplications: false };

export const roles: Role[] = ['ADMIN', 'RECRUITER', 'VIEWER', 'INTEGRATION'];

export type TokenField = 'name' | 'role' | 'expiresInDays' | 'movesApplications';

export interface TokenVariables {
  name: string;
  role: Role;
  expiresInDays: number | null;
  movesApplications: boolean;
}

/** The server's limits: a name of 1–100 characters, a lifetime of 1–3650 whole days. */
export const tokenLimits = { nameMax: 100, daysMin: 1, daysMax: 3650 } as const;

/**
 * Checks the draft by the server's own rules, so a mistake is named beside its field before
 * a request: a trimmed name of 1–100 characters, and an empty lifetime or 1–3650 days. The
 * right to move applications goes only with an INTEGRATION token (the server refuses it for
 * other roles, whose role decides it), so a box ticked before the role changed is not sent.
 */
export function validateToken(
  draft: TokenDraft,
  t: Messages,
): { ok: true; variables: TokenVariables } | { ok: false; errors: Partial<Record<TokenField, string>> } {
  const errors: Partial<Record<TokenField, string>> = {};
  const name = draft.name.trim();
  const length = [...name].length;
  if (length === 0) errors.name = t.tokens.nameRequired;
  else if (length > tokenLimits.nameMax) errors.name = t.tokens.nameTooLong(length);
  const daysText = draft.expiresInDays.trim();
  let expiresInDays: number | null = null;
  if (daysText !== '') {
    const days = /^\d+$/.test(daysText) ? Number(daysText) : NaN;
    if (!(days >= tokenLimits.daysMin && days <= tokenLimits.daysMax)) errors.expiresInDays = t.tokens.expiresInvalid;
    else expiresInDays = days;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const movesApplications = draft.role === 'INTEGRATION' && draft.movesApplications;
  return { ok: true, variables: { name, role: draft.role, expiresInDays, movesApplications } };
}
