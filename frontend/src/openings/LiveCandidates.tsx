import { print } from 'graphql';
import { useCallback, useMemo, useState } from 'react';
import { candidateLabel } from '../candidates/candidateLabel';
import { graphql } from '../gql';
import type { CandidateAddedSubscription } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { addLiveCandidate, liveCandidateIds, markMerged, pendingLiveCandidates, type LiveCandidate } from '../live/liveCandidates';
import { useLiveFeed, type LiveFeedState } from '../live/useLiveFeed';
import { useSession } from '../session/SessionContext';
import { MatchRow, type RowPipeline } from './MatchRow';

const CandidateAddedDocument = graphql(`
  subscription CandidateAdded($openingId: ID!, $after: ID) {
    candidateAdded(openingId: $openingId, after: $after) {
      eventId
      match {
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
`);
const candidateAddedQuery = print(CandidateAddedDocument);

type AddedEvent = CandidateAddedSubscription['candidateAdded'];

export interface LiveCandidatesState {
  feed: LiveFeedState;
  /** Everyone who arrived since the page opened, best first. */
  arrivals: LiveCandidate[];
  /** Candidate ids the ranking marks as new. */
  newIds: ReadonlySet<string>;
  /** The latest arrival in words, for the polite live region. */
  announcement: string;
  /** The ranking was just reloaded: every arrival so far is in it. */
  merged: () => void;
}

/**
 * New candidates for one opening, live: subscribes to `candidateAdded` (not for a viewer,
 * whom the server refuses) and keeps the arrivals in rank order. The "only qualified"
 * filter applies on the page, so switching it needs no new subscription and loses nothing.
 */
export function useLiveCandidates(openingId: string, onlyQualified: boolean): LiveCandidatesState {
  const { t, formatNumber } = useLanguage();
  const { me } = useSession();
  const [arrivals, setArrivals] = useState<LiveCandidate[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const onEvent = useCallback(
    (event: AddedEvent) => {
      const match = event.match;
      if (!match) return;
      setArrivals((list) => addLiveCandidate(list, event.eventId, match));
      if (onlyQualified && !match.qualified) return;
      setAnnouncement(
        t.live.announce(
          candidateLabel(match.candidate, t),
          formatNumber(match.score, 1),
          match.qualified ? t.match.qualified : t.match.notQualified,
        ),
      );
    },
    [onlyQualified, t, formatNumber],
  );
  const variables = useMemo(() => ({ openingId }), [openingId]);
  const feed = useLiveFeed<CandidateAddedSubscription, AddedEvent>({
    query: candidateAddedQuery,
    variables,
    enabled: me.role !== 'VIEWER',
    event: (data) => data.candidateAdded,
    eventId: (event) => event.eventId,
    onEvent,
  });
  const merged = useCallback(() => setArrivals(markMerged), []);
  const newIds = useMemo(() => liveCandidateIds(arrivals), [arrivals]);
  const state = me.role === 'VIEWER' ? { status: 'forbidden' as const } : feed;
  return { feed: state, arrivals, newIds, announcement, merged };
}

/** What a live status line says; new candidates' words unless a view brings its own. */
export interface LiveStatusTexts {
  connected: string;
  reconnecting: string;
  forbidden: string;
  failed: string;
}

/** Connected / reconnecting / not for this role, as words and a shape, never colour alone. */
export function LiveStatusIndicator({ feed, texts }: { feed: LiveFeedState; texts?: LiveStatusTexts }) {
  const { t } = useLanguage();
  const words = texts ?? t.live;
  if (feed.status === 'off') return null;
  if (feed.status === 'forbidden') return <p className="hint live-note">{words.forbidden}</p>;
  if (feed.status === 'failed') {
    return (
      <p className="hint live-note">
        {words.failed}
        {feed.detail && ` (${feed.detail})`}
      </p>
    );
  }
  const text = { connecting: t.live.connecting, live: words.connected, reconnecting: words.reconnecting }[feed.status];
  return (
    <p className={`live-status is-${feed.status}`} data-testid="live-status" role="status">
      <span className="live-dot" aria-hidden="true" />
      {text}
    </p>
  );
}

/**
 * "New since you opened this page": arrivals not yet in the ranking below, best first, each
 * highlighted, with the way to fold them into the ranking.
 */
export function LiveArrivals({
  live,
  onlyQualified,
  selected,
  onSelect,
  onShowInRanking,
  pipeline,
}: {
  live: LiveCandidatesState;
  onlyQualified: boolean;
  selected: string | null;
  onSelect: (candidateId: string) => void;
  onShowInRanking: () => void;
  /** "Add to shortlist" on each arrival. */
  pipeline?: RowPipeline;
}) {
  const { t } = useLanguage();
  const pending = pendingLiveCandidates(live.arrivals, onlyQualified);
  return (
    <>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {live.announcement}
      </p>
      {pending.length > 0 && (
        <section className="live-arrivals" aria-labelledby="live-arrivals-title">
          <div className="live-arrivals-head">
            <h3 id="live-arrivals-title">{t.live.arrivalsTitle(pending.length)}</h3>
            <button type="button" className="button-secondary" onClick={onShowInRanking}>
              {t.live.showInRanking}
            </button>
          </div>
          <ol className="match-list">
            {pending.map((c) => (
              <MatchRow
                key={`${c.match.candidate.id}-${c.eventId}`}
                match={c.match}
                isNew
                selected={selected === c.match.candidate.id}
                onSelect={onSelect}
                pipeline={pipeline}
              />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
