import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { LoadMore, usePageCursors } from '../components/PagedList';
import { QualifiedBadge } from '../components/QualifiedBadge';
import { ScoreBar } from '../components/ScoreBar';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import { GapList } from '../matching/GapList';

const OpeningsForCandidateDocument = graphql(`
  query OpeningsForCandidate($candidateId: ID!, $first: Int!, $after: String) {
    openingsForCandidate(candidateId: $candidateId, first: $first, after: $after) {
      totalCount
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
            title
          }
          breakdown {
            ...BreakdownItem
          }
        }
      }
    }
  }
`);

const pageSize = 20;

/** Every opening ranked for this candidate, best first, with the way to each breakdown. */
export function CandidateOpenings({ candidateId }: { candidateId: string }) {
  const t = useT();
  const { cursors, loadMore } = usePageCursors(candidateId);
  return (
    <section className="candidate-openings" aria-labelledby="candidate-openings-title">
      <h2 id="candidate-openings-title">{t.candidate.matches}</h2>
      {cursors.map((after, i) => (
        <OpeningsPage
          key={after ?? 'first'}
          candidateId={candidateId}
          after={after}
          first={i === 0}
          last={i === cursors.length - 1}
          onLoadMore={loadMore}
        />
      ))}
    </section>
  );
}

function OpeningsPage({
  candidateId,
  after,
  first,
  last,
  onLoadMore,
}: {
  candidateId: string;
  after: string | null;
  first: boolean;
  last: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const t = useT();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OpeningsForCandidateDocument,
    variables: { candidateId, first: pageSize, after },
  });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const { openingsForCandidate: list } = data;
  return (
    <>
      {first && list.totalCount === 0 && <p>{t.candidate.noMatches}</p>}
      <ul className="match-list">
        {list.edges.map(({ node }) => (
          <li key={node.opening.id} className="match-row">
            <div className="match-head">
              <Link className="match-name" to={`/openings/${node.opening.id}`}>
                {node.opening.title}
              </Link>
              <QualifiedBadge qualified={node.qualified} />
            </div>
            <ScoreBar score={node.score} qualified={node.qualified} label={`${t.match.score}: ${node.opening.title}`} />
            <GapList breakdown={node.breakdown} />
            <Link className="button button-secondary" to={`/openings/${node.opening.id}?candidate=${candidateId}`}>
              {t.opening.showBreakdown}
              <span className="visually-hidden">: {node.opening.title}</span>
            </Link>
          </li>
        ))}
      </ul>
      {last && (
        <LoadMore
          endCursor={list.pageInfo.endCursor}
          hasNextPage={list.pageInfo.hasNextPage}
          onLoadMore={onLoadMore}
          label={t.common.loadMore}
        />
      )}
    </>
  );
}
