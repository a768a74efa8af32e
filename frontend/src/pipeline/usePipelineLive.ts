import { print } from 'graphql';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PipelineChangedSubscription } from '../gql/graphql';
import { useLiveFeed, type LiveFeedState } from '../live/useLiveFeed';
import { useSession } from '../session/SessionContext';
import { PipelineChangedDocument } from './operations';

const pipelineChangedQuery = print(PipelineChangedDocument);

type ChangedEvent = PipelineChangedSubscription['applicationChanged'];

/**
 * Changes on one opening's board by anyone, live (`applicationChanged`; not for a viewer,
 * whom the server refuses). A burst of changes (a replay after a reconnect) calls `onChange`
 * once, shortly after the last of them.
 */
export function usePipelineLive(openingId: string, onChange: () => void): LiveFeedState {
  const { me } = useSession();
  const latest = useRef(onChange);
  latest.current = onChange;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, 200);
  }, []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const variables = useMemo(() => ({ openingId }), [openingId]);
  const feed = useLiveFeed<PipelineChangedSubscription, ChangedEvent>({
    query: pipelineChangedQuery,
    variables,
    enabled: me.role !== 'VIEWER',
    event: (data) => data.applicationChanged,
    eventId: (event) => event.eventId,
    onEvent,
  });
  return me.role === 'VIEWER' ? { status: 'forbidden' } : feed;
}
