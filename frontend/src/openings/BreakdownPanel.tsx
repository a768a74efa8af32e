import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useClient, type CombinedError, type OperationResult } from 'urql';
import { candidateLabel } from '../candidates/candidateLabel';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { QualifiedBadge } from '../components/QualifiedBadge';
import { ScoreBar } from '../components/ScoreBar';
import { graphql } from '../gql';
import type { BreakdownItemFragment, CandidateMatchesQuery } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { BreakdownDetails } from '../matching/BreakdownDetails';

const CandidateMatchesDocument = graphql(`
  query CandidateMatches($candidateId: ID!, $after: String) {
    candidate(id: $candidateId) {
      id
      name
    }
    openingsForCandidate(candidateId: $candidateId, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          score
          qualified
          opening {
            id
          }
          breakdown {
            ...BreakdownItem
          }
        }
      }
    }
  }
`);

interface Found {
  candidate: { id: string; name?: string | null } | null;
  match: { score: number; qualified: boolean; breakdown: BreakdownItemFragment[] } | null;
}

/**
 * The API ranks per opening or per candidate; a single pair is found by walking the
 * candidate's openings, so a deep link to a breakdown works without the list loaded.
 */
function useCandidateMatch(candidateId: string, openingId: string) {
  const client = useClient();
  const [state, setState] = useState<{ found: Found | null; error: CombinedError | null }>({
    found: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    (async () => {
      let after: string | null = null;
      for (;;) {
        const result: OperationResult<CandidateMatchesQuery> = await client
          .query(CandidateMatchesDocument, { candidateId, after })
          .toPromise();
        if (!live) return;
        if (result.error || !result.data) {
          setState({ found: null, error: result.error ?? null });
          return;
        }
        const { candidate, openingsForCandidate } = result.data;
        const hit = openingsForCandidate.edges.find((e) => e.node.opening.id === openingId);
        const { hasNextPage, endCursor } = openingsForCandidate.pageInfo;
        if (hit || !candidate || !hasNextPage || !endCursor) {
          setState({ found: { candidate, match: hit?.node ?? null }, error: null });
          return;
        }
        after = endCursor;
      }
    })();
    return () => {
      live = false;
    };
  }, [client, candidateId, openingId]);
  return state;
}

/** A side panel (a full-screen sheet on a phone) with one candidate's full breakdown. */
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
  const { found, error } = useCandidateMatch(candidateId, openingId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [found]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const name = found?.candidate ? candidateLabel(found.candidate, t) : null;
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
      {error && <ErrorMessage error={error} />}
      {!error && !found && <Loading />}
      {found && !found.candidate && <p>{t.candidate.notFound}</p>}
      {found?.candidate && !found.match && <p>{t.match.notInRanking}</p>}
      {found?.candidate && found.match && (
        <>
          <div className="side-panel-summary">
            <QualifiedBadge qualified={found.match.qualified} />
            <ScoreBar score={found.match.score} qualified={found.match.qualified} />
          </div>
          <p>
            <Link to={`/candidates/${candidateId}`}>{t.match.openProfile}</Link>
          </p>
          <BreakdownDetails breakdown={found.match.breakdown} />
        </>
      )}
    </aside>
  );
}
