import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { problemsOf } from '../api/errors';
import { candidateLabel } from '../candidates/candidateLabel';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { QualifiedBadge } from '../components/QualifiedBadge';
import { ScoreBar } from '../components/ScoreBar';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import { BreakdownDetails } from '../matching/BreakdownDetails';

const CandidateMatchDocument = graphql(`
  query CandidateMatch($openingId: ID!, $candidateId: ID!) {
    match(openingId: $openingId, candidateId: $candidateId) {
      score
      qualified
      candidate {
        id
        name
      }
      breakdown {
        ...BreakdownItem
      }
    }
  }
`);

/**
 * A side panel (a full-screen sheet on a phone) with one candidate's full breakdown, loaded on
 * its own with `match(openingId, candidateId)`, so a link to it works on a reload.
 */
export function BreakdownPanel({
  openingId,
  candidateId,
  onClose,
}: {
  openingId: string;
  candidateId: string;
  onClose: () => void;
}) {
  const t = useT();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CandidateMatchDocument,
    variables: { openingId, candidateId },
  });
  const match = data?.match ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [match]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const notFound = !match && error && problemsOf(error, t).some((p) => p.code === 'NOT_FOUND' || p.code === 'BAD_USER_INPUT');
  const name = match ? candidateLabel(match.candidate, t) : null;
  return (
    <aside id="breakdown-panel" className="side-panel" aria-labelledby="breakdown-title">
      <div className="side-panel-head">
        <h2 id="breakdown-title" ref={heading} tabIndex={-1}>
          {t.match.breakdown}
          {name && <span className="side-panel-name">{name}</span>}
        </h2>
        <button type="button" className="button-secondary close" onClick={onClose}>
          {t.common.close}
        </button>
      </div>
      {notFound && <p>{t.candidate.notFound}</p>}
      {error && !match && !notFound && <ErrorMessage error={error} onRetry={() => reexecute()} />}
      {!match && !error && fetching && <Loading />}
      {match && (
        <>
          <div className="side-panel-summary">
            <QualifiedBadge qualified={match.qualified} />
            <ScoreBar score={match.score} qualified={match.qualified} />
          </div>
          <p>
            <Link to={`/candidates/${candidateId}`}>{t.match.openProfile}</Link>
          </p>
          <BreakdownDetails breakdown={match.breakdown} />
        </>
      )}
    </aside>
  );
}
