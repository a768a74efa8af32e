import type { CombinedError } from 'urql';
import { fieldErrorsOf, problemsOf } from '../api/errors';
import type { PipelineStage } from '../gql/graphql';
import type { Messages } from '../i18n/messages';

/** A move the server refused, said for the card (or the dialog) it is about. */
export interface Refusal {
  message: string;
  /** The server says an administrator's force would get past it, and this user is one. */
  forcible: boolean;
  /** The card showed an old stage (see `isStale`). */
  stale: boolean;
  /** The server's complaints by argument (`reason`, `reason.text`), for a form's fields. */
  fields: Record<string, string>;
}

/** The refusals whose words this version knows, by the server's `extensions.reason`. */
type KnownRefusal = keyof Messages['pipeline']['refusals'];

/** Refusals that mean the card was out of date: the application was elsewhere already. */
const staleReasons: ReadonlySet<string> = new Set<KnownRefusal>(['MOVED_MEANWHILE', 'UNCHANGED']);

function reasonOf(error: CombinedError | null): string | null {
  const reason = error?.graphQLErrors[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** The card the move was asked from showed an old stage: the board should load again. */
export function isStale(error: CombinedError | null): boolean {
  const reason = reasonOf(error);
  return reason !== null && staleReasons.has(reason);
}

/**
 * The server's refusal of a move in words. The server names the rule it applied
 * (`extensions.reason`), which is said in the user's language, and whether an administrator's
 * force would get past it (`extensions.forcible`), offered only to one (`mayForce`). The
 * client holds no copy of the rules: a reason it does not know is said in the server's own
 * words, and anything else as the error helpers say it.
 */
export function refusalOf(error: CombinedError | null, t: Messages, to: PipelineStage, mayForce: boolean): Refusal {
  if (!error) return { message: t.errors.failed, forcible: false, stale: false, fields: {} };
  const problems = problemsOf(error, t);
  const fields = fieldErrorsOf(error, t);
  const first = problems[0];
  const extensions = error.graphQLErrors[0]?.extensions ?? {};
  const reason = reasonOf(error);
  const known = reason !== null && Object.hasOwn(t.pipeline.refusals, reason) ? (reason as KnownRefusal) : null;
  let message = first
    ? first.field && first.message.startsWith(`${first.field}: `)
      ? first.message.slice(first.field.length + 2)
      : first.message
    : t.errors.failed;
  if (known) {
    const words = t.pipeline.refusals[known];
    message = typeof words === 'function' ? words(t.pipeline.stages[to]) : words;
    // A form's field shows the refusal in the same words as the card or the dialog.
    if (first?.field) fields[first.field] = message;
  }
  return {
    message,
    forcible: mayForce && first?.code === 'BAD_USER_INPUT' && extensions.forcible === true,
    stale: isStale(error),
    fields,
  };
}
