import type { CombinedError } from 'urql';
import { problemsOf, type ApiProblem } from '../api/errors';
import { useT } from '../i18n/LanguageContext';

/** A failed request, in words, where the thing that failed is. */
export function ErrorMessage({
  error,
  problems,
  onRetry,
}: {
  error?: CombinedError | null;
  problems?: ApiProblem[];
  onRetry?: () => void;
}) {
  const t = useT();
  const shown = problems ?? (error ? problemsOf(error, t) : []);
  if (shown.length === 0) return null;
  return (
    <div className="error" role="alert">
      {shown.length === 1 ? (
        <p>{shown[0]?.message}</p>
      ) : (
        <ul>
          {shown.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}

/** The server's word on one form field, tied to the input by `id` for screen readers. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      {message}
    </p>
  );
}
