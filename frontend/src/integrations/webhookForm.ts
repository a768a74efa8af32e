import type { WebhookEvent } from '../gql/graphql';
import type { Messages } from '../i18n/messages';

/** What a webhook may receive, in the order the form offers them. */
export const webhookEvents: readonly WebhookEvent[] = ['CANDIDATE_ADDED', 'APPLICATION_CHANGED'];

/** What the form holds, as typed. */
export interface WebhookDraft {
  url: string;
  openingId: string;
  minScore: string;
  secret: string;
  events: WebhookEvent[];
}

export const emptyWebhookDraft: WebhookDraft = {
  url: '',
  openingId: '',
  minScore: '',
  secret: '',
  events: ['CANDIDATE_ADDED'],
};

/** The server's limits on a secret (characters, not bytes). */
export const secretLength = { min: 16, max: 200 } as const;

export type WebhookField = 'url' | 'openingId' | 'minScore' | 'secret' | 'events';

export interface WebhookVariables {
  url: string;
  openingId: string | null;
  minScore: number | null;
  secret: string;
  events: WebhookEvent[];
}

/** "72", "72.5" or "72,5" (the Estonian comma); null for anything else. */
export function parseScore(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * Checks the draft the way the server will, so the obvious mistakes are named beside their
 * field before a request: an http(s) URL, a secret of 16–200 characters, at least one event, a
 * score 0–100 that comes with an opening and with new candidates (the events it filters). The
 * server still decides (it also refuses private addresses).
 */
export function validateWebhook(
  draft: WebhookDraft,
  t: Messages,
): { ok: true; variables: WebhookVariables } | { ok: false; errors: Partial<Record<WebhookField, string>> } {
  const errors: Partial<Record<WebhookField, string>> = {};
  const url = draft.url.trim();
  if (!url) errors.url = t.integrations.urlRequired;
  else {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
      errors.url = t.integrations.urlInvalid;
    }
  }
  const length = [...draft.secret].length;
  if (length < secretLength.min || length > secretLength.max) errors.secret = t.integrations.secretLength(length);
  let minScore: number | null = null;
  if (draft.minScore.trim()) {
    minScore = parseScore(draft.minScore);
    if (minScore === null || minScore > 100) errors.minScore = t.integrations.minScoreInvalid;
    else if (!draft.openingId) errors.minScore = t.integrations.minScoreNeedsOpening;
    else if (!draft.events.includes('CANDIDATE_ADDED')) errors.minScore = t.integrations.minScoreNeedsCandidates;
  }
  if (draft.events.length === 0) errors.events = t.integrations.eventsRequired;
  const events = webhookEvents.filter((e) => draft.events.includes(e));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    variables: { url, openingId: draft.openingId || null, minScore, secret: draft.secret, events },
  };
}

/** 40 characters from 30 random bytes (URL-safe base64): well inside 16–200, hard to guess. */
export function generateSecret(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(30));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
