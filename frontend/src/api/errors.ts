import type { CombinedError } from 'urql';
import type { Messages } from '../i18n/messages';

/** What the server puts in `extensions` (see api/src/error.rs). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'NOT_IMPLEMENTED'
  | 'NOT_READY'
  | 'INTERNAL'
  | string;

export interface ApiProblem {
  code: ErrorCode | null;
  /** The input path the server named, e.g. `input.languages[0].level`. */
  field: string | null;
  message: string;
}

function codeOf(extensions: Record<string, unknown> | undefined): string | null {
  const code = extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** Every problem in an urql error, one per GraphQL error, or one for the network. */
export function problemsOf(error: CombinedError, t: Messages): ApiProblem[] {
  if (error.graphQLErrors.length > 0) {
    return error.graphQLErrors.map((e) => {
      const code = codeOf(e.extensions);
      const field = typeof e.extensions?.field === 'string' ? e.extensions.field : null;
      return { code, field, message: fileMessage(e.extensions, t) ?? messageFor(code, e.message, t) };
    });
  }
  const status = error.response && 'status' in error.response ? Number(error.response.status) : 0;
  if (status === 408 || status === 504) return [{ code: null, field: null, message: t.errors.timeout }];
  if (status === 401) return [{ code: 'UNAUTHENTICATED', field: null, message: t.errors.unauthenticated }];
  if (status >= 500) return [{ code: 'INTERNAL', field: null, message: t.errors.internal }];
  return [{ code: null, field: null, message: t.errors.network }];
}

/** A refused file said in the user's language, from the `reason` the server gives with it. */
function fileMessage(extensions: Record<string, unknown> | undefined, t: Messages): string | null {
  const reason = extensions?.reason;
  const name = extensions?.fileName;
  if (typeof reason !== 'string' || typeof name !== 'string') return null;
  const kind = typeof extensions?.kind === 'string' ? extensions.kind : null;
  return t.errors.fileRefused(reason, name, kind);
}

/**
 * The server writes its messages in English for every client; those that name a field and a
 * value are specific and are shown as they are. Codes that carry no detail get the user's
 * language.
 */
function messageFor(code: string | null, serverMessage: string, t: Messages): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return t.errors.unauthenticated;
    case 'INTERNAL':
      return t.errors.internal;
    case 'FORBIDDEN':
      return `${t.errors.forbidden} (${serverMessage})`;
    case 'NOT_READY':
      return t.errors.notReady(progressOf(serverMessage));
    default:
      return serverMessage || t.errors.failed;
  }
}

/**
 * How far a starting server is, from its NOT_READY message ("the server is starting (loading
 * the match index: 350000 of 1000000 candidates); try again in a moment"): what its outer
 * parentheses hold, or the whole message when it has none.
 */
function progressOf(serverMessage: string): string {
  const open = serverMessage.indexOf('(');
  const close = serverMessage.lastIndexOf(')');
  return open >= 0 && close > open + 1 ? serverMessage.slice(open + 1, close) : serverMessage;
}

export function isUnauthenticated(error: CombinedError): boolean {
  if (error.graphQLErrors.some((e) => codeOf(e.extensions) === 'UNAUTHENTICATED')) return true;
  return Boolean(error.response && 'status' in error.response && error.response.status === 401);
}

/**
 * Field errors by input path, without the `input.` prefix the server puts on mutation
 * arguments (`languages[0].level`), and the message without its repeated path.
 */
export function fieldErrorsOf(error: CombinedError | undefined, t: Messages): Record<string, string> {
  if (!error) return {};
  const out: Record<string, string> = {};
  for (const p of problemsOf(error, t)) {
    if (p.code !== 'BAD_USER_INPUT' || !p.field) continue;
    const path = p.field.replace(/^input\./, '');
    const prefix = `${p.field}: `;
    out[path] = p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
  }
  return out;
}

/** Problems that no field on the form shows: network trouble, rights, unknown fields. */
export function generalProblemsOf(
  error: CombinedError | undefined,
  t: Messages,
  shownFields: (path: string) => boolean,
): ApiProblem[] {
  if (!error) return [];
  return problemsOf(error, t).filter((p) => {
    if (p.code !== 'BAD_USER_INPUT' || !p.field) return true;
    return !shownFields(p.field.replace(/^input\./, ''));
  });
}
