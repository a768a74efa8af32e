import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { LoadMore, usePageCursors } from '../components/PagedList';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import { LiveCandidates } from './LiveCandidates';
import { MatchRow } from './MatchRow';
import { ScoreHistogram } from './ScoreHistogram';

const MatchesDocument = graphql(`
  query Matches($openingId: ID!, $first: Int!, $after: String, $onlyQualified: Boolean!) {
    matches(openingId: $openingId, first: $first, after: $after, onlyQualified: $onlyQualified) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
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
    }
  }
`);

const pageSize = 20;

/** The ranking for one opening, with the score distribution and the "only qualified" filter. */
export function MatchesSection({
  openingId,
  selected,
  onSelect,
}: {
  openingId: string;
  selected: string | null;
  onSelect: (candidateId: string) => void;
}) {
  const t = useT();
  const toggleId = useId();
  const [params, setParams] = useSearchParams();
  // The URL keeps the filter (links, back button); the checkbox follows the click at once,
  // as the router applies URL changes in a transition.
  const inUrl = params.get('qualified') === '1';
  const [onlyQualified, setOnlyQualified] = useState(inUrl);
  useEffect(() => setOnlyQualified(inUrl), [inUrl]);
  const [refresh, setRefresh] = useState(0);
  const { cursors, loadMore } = usePageCursors(`${openingId}:${onlyQualified}:${refresh}`);
  return (
    <section className="opening-matches" aria-labelledby="matches-title">
      <h2 id="matches-title">{t.opening.candidates}</h2>
      <LiveCandidates openingId={openingId} onRefresh={() => setRefresh((n) => n + 1)} />
      <ScoreHistogram key={`histogram-${refresh}`} openingId={openingId} />
      <div className="toggle">
        <input
          id={toggleId}
          type="checkbox"
          checked={onlyQualified}
          onChange={(e) => {
            const checked = e.target.checked;
            setOnlyQualified(checked);
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (checked) next.set('qualified', '1');
                else next.delete('qualified');
                return next;
              },
              { replace: true },
            );
          }}
        />
        <label htmlFor={toggleId}>{t.opening.onlyQualified}</label>
      </div>
      <div key={`ranking-${refresh}`}>
        {cursors.map((after, i) => (
          <MatchesPage
            key={after ?? 'first'}
            openingId={openingId}
            after={after}
            onlyQualified={onlyQualified}
            offset={i * pageSize}
            first={i === 0}
            last={i === cursors.length - 1}
            selected={selected}
            onSelect={onSelect}
            onLoadMore={loadMore}
          />
        ))}
      </div>
    </section>
  );
}

function MatchesPage({
  openingId,
  after,
  onlyQualified,
  offset,
  first,
  last,
  selected,
  onSelect,
  onLoadMore,
}: {
  openingId: string;
  after: string | null;
  onlyQualified: boolean;
  offset: number;
  first: boolean;
  last: boolean;
  selected: string | null;
  onSelect: (candidateId: string) => void;
  onLoadMore: (cursor: string) => void;
}) {
  const t = useT();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MatchesDocument,
    variables: { openingId, first: pageSize, after, onlyQualified },
  });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const { matches } = data;
  return (
    <>
      {first && (
        <p className="count" role="status">
          {matches.totalCount > 0
            ? t.opening.ranked(matches.totalCount)
            : onlyQualified
              ? t.opening.noQualified
              : t.opening.noMatches}
        </p>
      )}
      <ol className="match-list" start={offset + 1}>
        {matches.edges.map(({ node }, i) => (
          <MatchRow
            key={node.candidate.id}
            rank={offset + i + 1}
            match={node}
            selected={selected === node.candidate.id}
            onSelect={onSelect}
          />
        ))}
      </ol>
      {last && (
        <LoadMore
          endCursor={matches.pageInfo.endCursor}
          hasNextPage={matches.pageInfo.hasNextPage}
          onLoadMore={onLoadMore}
          label={t.common.loadMore}
        />
      )}
    </>
  );
}
