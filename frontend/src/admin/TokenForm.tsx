import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useCheckedForm } from '../components/useCheckedForm';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/TextField';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import { emptyTokenDraft, roles, validateToken, type TokenDraft, type TokenField } from './tokenForm';

const CreateTokenDocument = graphql(`
  mutation CreateToken($name: String!, $role: Role!, $expiresInDays: Int, $movesApplications: Boolean!) {
    createToken(name: $name, role: $role, expiresInDays: $expiresInDays, movesApplications: $movesApplications) {
      secret
      token {
        id
        name
      }
    }
  }
`);

const fields: TokenField[] = ['name', 'role', 'expiresInDays', 'movesApplications'];

/**
 * A new token: name, role, an optional lifetime, and for an integration whether it may move
 * candidates in pipelines. The answer carries the secret, which the
 * server never shows again; it goes to `onCreated` and nowhere else.
 */
export function TokenForm({ onCreated }: { onCreated: (created: { name: string; secret: string }) => void }) {
  const t = useT();
  const id = useId();
  const [{ fetching }, create] = useMutation(CreateTokenDocument);
  const { form, draft, update, errorOf, general, hasErrors, submit } = useCheckedForm({
    empty: emptyTokenDraft,
    fields,
    check: (d: TokenDraft) => validateToken(d, t),
    send: create,
    onDone: (data) =>
      onCreated({ name: data.createToken.token.name, secret: data.createToken.secret }),
  });
  return (
    <form ref={form} className="token-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t.tokens.createTitle}</h2>
        <TextField
          label={t.tokens.name}
          value={draft.name}
          autoComplete="off"
          onChange={(name) => update({ name })}
          hint={t.tokens.nameHint}
          error={errorOf('name')}
        />
        <SelectField
          label={t.tokens.role}
          value={draft.role}
          onChange={(role) => update({ role })}
          options={roles.map((r) => ({ value: r, label: t.roles[r] }))}
          hint={t.tokens.roleHints[draft.role]}
          error={errorOf('role')}
        />
        {draft.role === 'INTEGRATION' && (
          <div className="field">
            <div className="field-check">
              <input
                id={`${id}-moves`}
                type="checkbox"
                checked={draft.movesApplications}
                aria-describedby={`${id}-moves-hint`}
                aria-invalid={errorOf('movesApplications') ? true : undefined}
                onChange={(e) => update({ movesApplications: e.target.checked })}
              />
              <label htmlFor={`${id}-moves`}>{t.tokens.movesApplications}</label>
            </div>
            <p className="hint" id={`${id}-moves-hint`}>
              {t.tokens.movesApplicationsHint}
            </p>
            <FieldError id={`${id}-moves-error`} message={errorOf('movesApplications')} />
          </div>
        )}
        <TextField
          className="field-days"
          label={t.tokens.expires}
          inputMode="numeric"
          value={draft.expiresInDays}
          onChange={(expiresInDays) => update({ expiresInDays })}
          hint={t.tokens.expiresHint}
          error={errorOf('expiresInDays')}
        />
        {hasErrors && <p className="field-error">{t.tokens.fixErrors}</p>}
        <ErrorMessage problems={general} />
        <button type="submit" disabled={fetching}>
          {fetching ? t.tokens.creating : t.tokens.create}
        </button>
      </form>
  );
}

/**
 * The new token's secret, this once: a warning, the value to select, and a copy button. It is
 * held only in the page's state until the user says it is copied (or leaves the page).
 */
export function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copyNote, setCopyNote] = useState('');
  useEffect(() => {
    heading.current?.focus();
    setCopyNote('');
  }, [secret]);
  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setCopyNote(t.tokens.copied);
    } catch {
      input.current?.select();
      setCopyNote(t.tokens.copyFailed);
    }
  }
  return (
    <section className="secret-once" aria-labelledby={`${id}-title`} data-testid="new-token">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t.tokens.secretTitle(name)}
      </h2>
      <p className="secret-warning" id={`${id}-warning`}>
        <span aria-hidden="true">⚠ </span>
        {t.tokens.secretWarning}
      </p>
      <label htmlFor={`${id}-secret`}>{t.tokens.secretLabel}</label>
      <div className="secret-row">
        <input
          id={`${id}-secret`}
          ref={input}
          className="secret-input"
          readOnly
          value={secret}
          spellCheck={false}
          aria-describedby={`${id}-warning`}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button-secondary" onClick={copy}>
          {t.tokens.copy}
        </button>
      </div>
      <p className="hint" role="status">
        {copyNote}
      </p>
      <button type="button" onClick={onDone}>
        {t.tokens.done}
      </button>
    </section>
  );
}
