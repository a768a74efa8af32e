import { Link } from 'react-router-dom';
import { PagedList } from '../components/PagedList';
import { QualifiedBadge } from '../components/QualifiedBadge';
import { ScoreBar } from '../components/ScoreBar';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import { GapList } from '../matching/GapList';
import { openingPath } from '../openings/paths';

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
  return (
    <section className="candidate-openings" aria-labelledby="candidate-openings-title">
      <h2 id="candidate-openings-title">{t.candidate.matches}</h2>
      <PagedList
        resetKey={candidateId}
        query={OpeningsForCandidateDocument}
        variables={(after) => ({ candidateId, first: pageSize, after })}
        connection={(data) => data.openingsForCandidate}
      >
        {(list, { index }) => (
          <>
            {index === 0 && list.totalCount === 0 && <p>{t.candidate.noMatches}</p>}
            <ul className="match-list">
              {list.edges.map(({ node }) => (
                <li key={node.opening.id} className="match-row">
                  <div className="match-head">
                    <Link className="match-name" to={`/openings/${node.opening.id}`}>
                      {node.opening.title}
                    </Link>
                    <QualifiedBadge qualified={node.qualified} />
                  </div>
                  <ScoreBar
                    score={node.score}
                    qualified={node.qualified}
                    label={`${t.match.score}: ${node.opening.title}`}
                  />
                  <GapList breakdown={node.breakdown} />
                  <Link
                    className="button button-secondary"
                    to={openingPath(node.opening.id, candidateId)}
                  >
                    {t.opening.showBreakdown}
                    <span className="visually-hidden">: {node.opening.title}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </PagedList>
    </section>
  );
}
