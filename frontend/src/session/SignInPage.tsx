import { useId, useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { isUnauthenticated } from '../api/errors';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { useT } from '../i18n/LanguageContext';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { probeToken } from './meQuery';
import type { SignInGate } from './SessionContext';

/** Token sign-in: the token is checked with `me` and kept only once the server accepts it. */
export function SignInPage({ expired, signIn }: SignInGate) {
  const t = useT();
  const id = useId();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldMessage, setFieldMessage] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = token.trim();
    setError(null);
    if (!trimmed) {
      setFieldMessage(t.session.tokenRequired);
      return;
    }
    setBusy(true);
    setFieldMessage(null);
    try {
      const probe = await probeToken(trimmed);
      if (probe.ok) signIn(trimmed, probe.me);
      else if (isUnauthenticated(probe.error)) setFieldMessage(t.session.invalid);
      else setError(probe.error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="sign-in-card">
        <h1>
          {t.app.name}
          <span className="brand-tagline">{t.app.tagline}</span>
        </h1>
        <h2>{t.session.title}</h2>
        {expired && (
          <p className="notice" role="status">
            {t.session.expired}
          </p>
        )}
        <p>{t.session.intro}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-token`}>{t.session.token}</label>
            <input
              id={`${id}-token`}
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              aria-invalid={fieldMessage ? true : undefined}
              aria-describedby={`${id}-hint${fieldMessage ? ` ${id}-error` : ''}`}
              onChange={(e) => setToken(e.target.value)}
            />
            <p className="hint" id={`${id}-hint`}>
              {t.session.tokenHint}
            </p>
            <FieldError id={`${id}-error`} message={fieldMessage ?? undefined} />
          </div>
          <ErrorMessage error={error} />
          <button type="submit" disabled={busy}>
            {busy ? t.session.checking : t.session.submit}
          </button>
        </form>
      </main>
    </div>
  );
}
