import { useRef, useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { fieldErrorsOf, generalProblemsOf, type ApiProblem } from '../api/errors';
import { useT } from '../i18n/LanguageContext';

/** What a form's own check of a draft gives: the variables to send, or errors by field. */
export type Checked<F extends string, V> = { ok: true; variables: V } | { ok: false; errors: Partial<Record<F, string>> };

/**
 * A form that checks its draft by the server's rules before sending, then shows the server's
 * own complaints beside the fields they name (others above the form), moves focus to the first
 * field in error, drops a field's complaint once it is changed, keeps what was typed on
 * failure and clears the draft on success.
 */
export function useCheckedForm<D, F extends string, V, R>({
  empty,
  fields,
  check,
  send,
  onDone,
}: {
  empty: D;
  fields: readonly F[];
  check: (draft: D) => Checked<F, V>;
  send: (variables: V) => Promise<{ error?: CombinedError; data?: R }>;
  onDone: (data: R) => void;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<D>(empty);
  const [local, setLocal] = useState<Partial<Record<F, string>>>({});
  const [server, setServer] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiProblem[]>([]);

  const errorOf = (f: F) => local[f] ?? server[f];
  const update = (patch: Partial<D>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field's old complaint goes once it is changed.
    const drop = <T extends Record<string, unknown>>(errors: T) => {
      const next = { ...errors };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    };
    setLocal(drop);
    setServer(drop);
  };
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  async function submit(e: FormEvent) {
    e.preventDefault();
    setServer({});
    setGeneral([]);
    const checked = check(draft);
    if (!checked.ok) {
      setLocal(checked.errors);
      focusFirstInvalid();
      return;
    }
    setLocal({});
    const result = await send(checked.variables);
    if (result.error) {
      setServer(fieldErrorsOf(result.error, t));
      setGeneral(generalProblemsOf(result.error, t, (f) => (fields as readonly string[]).includes(f)));
      focusFirstInvalid();
      return;
    }
    if (result.data) {
      setDraft(empty);
      onDone(result.data);
    }
  }

  const hasErrors = fields.some((f) => errorOf(f));
  return { form, draft, update, errorOf, general, hasErrors, submit };
}
