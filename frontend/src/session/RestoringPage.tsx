import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useT } from '../i18n/LanguageContext';
import type { RestoreGate } from './SessionContext';

/** After a reload: the kept token is being checked, or the server could not be reached. */
export function RestoringPage({ error, retry, signOut }: RestoreGate) {
  const t = useT();
  return (
    <main id="main" className="sign-in-card">
      <h1>{t.app.name}</h1>
      {error ? (
        <>
          <ErrorMessage error={error} onRetry={retry} />
          <button type="button" className="button-secondary" onClick={signOut}>
            {t.session.signOut}
          </button>
        </>
      ) : (
        <Loading />
      )}
    </main>
  );
}
