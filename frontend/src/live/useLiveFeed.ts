import { useEffect, useRef, useState } from 'react';
import { useLiveTransport } from '../api/live';
import { startLiveFeed, type LiveStatus } from './liveFeed';

export interface LiveFeedState {
  /** 'off': not subscribed (no transport, or the caller's role may not subscribe). */
  status: LiveStatus | 'off';
  detail?: string;
}

/**
 * Keeps one subscription alive while the component is mounted and `enabled`; resubscribes
 * with `after` = the last event id after every drop (see `startLiveFeed`). `onEvent` may
 * change between renders without a resubscription.
 */
export function useLiveFeed<Data, Event>({
  query,
  variables,
  enabled,
  event,
  eventId,
  onEvent,
}: {
  query: string;
  variables: Record<string, unknown>;
  enabled: boolean;
  event: (data: Data) => Event | null | undefined;
  eventId: (event: Event) => string;
  onEvent: (event: Event) => void;
}): LiveFeedState {
  const transport = useLiveTransport();
  const [state, setState] = useState<LiveFeedState>({ status: 'off' });
  const handlers = useRef({ event, eventId, onEvent });
  handlers.current = { event, eventId, onEvent };
  const key = JSON.stringify(variables);
  // The last event id survives a new transport (a new socket), not new variables: another
  // opening's ranking is loaded fresh, so its past events are in it already.
  const last = useRef<{ key: string; id: string } | null>(null);
  useEffect(() => {
    if (!enabled || !transport) {
      setState({ status: 'off' });
      return;
    }
    const feed = startLiveFeed<Data, Event>({
      transport,
      query,
      variables: JSON.parse(key) as Record<string, unknown>,
      after: last.current?.key === key ? last.current.id : null,
      event: (data) => handlers.current.event(data),
      eventId: (e) => handlers.current.eventId(e),
      onEvent: (e) => {
        last.current = { key, id: handlers.current.eventId(e) };
        handlers.current.onEvent(e);
      },
      onStatus: (status, detail) => setState({ status, detail }),
    });
    return () => feed.stop();
  }, [transport, query, key, enabled]);
  return state;
}
