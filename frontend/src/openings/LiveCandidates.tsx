import { useState } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';

const CandidateAddedDocument = graphql(`
  subscription CandidateAdded($openingId: ID!) {
    candidateAdded(openingId: $openingId) {
      eventId
      candidate {
        id
      }
    }
  }
`);

/**
 * Counts candidates added while the page is open and offers to refresh the ranking. Until the
 * server delivers `candidateAdded` it answers with an error, and the page says that a reload
 * shows new candidates instead.
 */
export function LiveCandidates({ openingId, onRefresh }: { openingId: string; onRefresh: () => void }) {
  const t = useT();
  const [acknowledged, setAcknowledged] = useState(0);
  const [{ data: count = 0, error }] = useSubscription(
    { query: CandidateAddedDocument, variables: { openingId } },
    (seen: number | undefined = 0) => seen + 1,
  );
  if (error) {
    return <p className="hint live-note">{t.opening.liveUnavailable}</p>;
  }
  const fresh = count - acknowledged;
  if (fresh <= 0) return null;
  return (
    <p className="notice" role="status">
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          setAcknowledged(count);
          onRefresh();
        }}
      >
        {t.opening.newCandidates(fresh)}
      </button>
    </p>
  );
}
