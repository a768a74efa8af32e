import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PagedList } from '../components/PagedList';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import { LiveArrivals, LiveStatusIndicator, useLiveCandidates } from './LiveCandidates';
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
          application {
            id
            stage
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
  version = 0,
  canAdd = false,
}: {
  openingId: string;
  selected: string | null;
  onSelect: (candidateId: string) => void;
  /** Bumped when the opening's requirements change: everything loads again. */
  version?: number;
  /** The user may add candidates to this opening’s pipeline (`me.movesApplications`, the opening open). */
  canAdd?: boolean;
}) {
  const t = useT();
  const toggleId = useId();
  const [params, setParams] = useSearchParams();
  // The URL keeps the filter (links, back button); the checkbox follows the click at once,
  // as the router applies URL changes in a transition.
  const inUrl = params.get('qualified') === '1';
  const [onlyQualified, setOnlyQualified] = useState(inUrl);
  useEffect(() => setOnlyQualified(inUrl), [inUrl]);
  const [reloads, setReloads] = useState(0);
  const refresh = reloads + version;
  const live = useLiveCandidates(openingId, onlyQualified);
  // The ranking and the histogram load again; everyone who arrived so far is in them now.
  const reloadRanking = () => {
    live.merged();
    setReloads((n) => n + 1);
  };
  return (
    <section className="opening-matches" aria-labelledby="matches-title">
      <div className="matches-head">
        <h2 id="matches-title">{t.opening.candidates}</h2>
        <LiveStatusIndicator feed={live.feed} />
      </div>
      <ScoreHistogram key={`histogram-${refresh}`} openingId={openingId} />
      <div className="toggle">
        <input
          id={toggleId}
          type="checkbox"
          checked={onlyQualified}
          onChange={(e) => {
            const checked = e.target.checked;
            setOnlyQualified(checked);
            reloadRanking();
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
      <LiveArrivals
        live={live}
        onlyQualified={onlyQualified}
        selected={selected}
        onSelect={onSelect}
        onShowInRanking={reloadRanking}
        pipeline={{ openingId, source: 'LIVE_EVENT', canAdd }}
      />
      <div key={`ranking-${refresh}`}>
        <PagedList
          resetKey={`${openingId}:${onlyQualified}:${refresh}`}
          requestPolicy={version > 0 ? 'network-only' : refresh > 0 ? 'cache-and-network' : undefined}
          query={MatchesDocument}
          variables={(after) => ({ openingId, first: pageSize, after, onlyQualified })}
          connection={(data) => data.matches}
          status={({ totalCount }) =>
            totalCount > 0 ? t.opening.ranked(totalCount) : onlyQualified ? t.opening.noQualified : t.opening.noMatches
          }
        >
          {(matches, { index }) => {
            const offset = index * pageSize;
            return (
              <ol className="match-list" start={offset + 1}>
                {index === 0 && <RankingLoaded page={matches} onLoaded={live.merged} />}
                {matches.edges.map(({ node }, i) => (
                  <MatchRow
                    key={node.candidate.id}
                    rank={offset + i + 1}
                    match={node}
                    selected={selected === node.candidate.id}
                    onSelect={onSelect}
                    isNew={live.newIds.has(node.candidate.id)}
                    pipeline={{ openingId, source: 'RANKED_MATCH', canAdd }}
                  />
                ))}
              </ol>
            );
          }}
        </PagedList>
      </div>
    </section>
  );
}

/**
 * The ranking's first page was (re)loaded, e.g. after a candidate was shortlisted: everyone who
 * arrived so far is in it now, so the strip above stops listing them twice.
 */
function RankingLoaded({ page, onLoaded }: { page: unknown; onLoaded: () => void }) {
  useEffect(() => onLoaded(), [page, onLoaded]);
  return null;
}
