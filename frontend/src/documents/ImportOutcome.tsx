import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { ImportDocumentMutation } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';

/** What the import stored (or found stored already), with the way to it. */
export function ImportOutcome({ result }: { result: ImportDocumentMutation['importDocument'] }) {
  const t = useT();
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => status.current?.focus(), [result]);
  return (
    <div className="outcome" role="status" tabIndex={-1} ref={status}>
      <p>
        <strong>{result.created ? t.import.saved : t.import.savedExisting}</strong>
      </p>
      <ul className="plain">
        {result.opening && (
          <li>
            <Link to={`/openings/${result.opening.id}`}>{t.import.openOpening(result.opening.title)}</Link>
          </li>
        )}
        {result.standard && (
          <li>
            <Link to={`/standards/${result.standard.id}`}>{t.import.openStandard(result.standard.title)}</Link>
          </li>
        )}
        {result.competence && (
          <li>
            {result.competence.standardId ? (
              <Link to={`/standards/${result.competence.standardId}`}>
                {t.import.competenceSaved(`${result.competence.code ?? ''} ${result.competence.title}`.trim())}
              </Link>
            ) : (
              t.import.competenceSaved(result.competence.title)
            )}
          </li>
        )}
      </ul>
      {result.warnings.length > 0 && (
        <div className="warnings">
          <h3>{t.import.warnings}</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
