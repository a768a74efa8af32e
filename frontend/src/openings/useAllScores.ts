import { useEffect, useState } from 'react';
import { useClient, type CombinedError, type OperationResult } from 'urql';
import type { MatchScoresQuery } from '../gql/graphql';
import { graphql } from '../gql';

const MatchScoresDocument = graphql(`
  query MatchScores($openingId: ID!, $after: String) {
    matches(openingId: $openingId, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          score
          qualified
        }
      }
    }
  }
`);

/** Enough for a distribution to show its shape without paging through a huge pool. */
const maxPages = 20;

export interface AllScores {
  scores: { score: number; qualified: boolean }[];
  totalCount: number;
  error: CombinedError | null;
  done: boolean;
}

/** Every candidate's score for one opening (scores only), page by page, up to `maxPages`. */
export function useAllScores(openingId: string): AllScores {
  const client = useClient();
  const [state, setState] = useState<AllScores>({ scores: [], totalCount: 0, error: null, done: false });
  useEffect(() => {
    let live = true;
    (async () => {
      const scores: AllScores['scores'] = [];
      let after: string | null = null;
      let totalCount = 0;
      for (let page = 0; page < maxPages; page += 1) {
        const result: OperationResult<MatchScoresQuery> = await client
          .query(MatchScoresDocument, { openingId, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (!live) return;
        if (result.error || !result.data) {
          setState({ scores, totalCount, error: result.error ?? null, done: true });
          return;
        }
        const { matches } = result.data;
        totalCount = matches.totalCount;
        scores.push(...matches.edges.map((e) => e.node));
        if (!matches.pageInfo.hasNextPage || !matches.pageInfo.endCursor) break;
        after = matches.pageInfo.endCursor;
      }
      setState({ scores, totalCount, error: null, done: true });
    })();
    return () => {
      live = false;
    };
  }, [client, openingId]);
  return state;
}
