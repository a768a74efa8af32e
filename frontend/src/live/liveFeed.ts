import type { LiveResult, LiveTransport } from '../api/live';

/**
 * connecting: first subscription on its way; live: the socket is up and subscribed;
 * reconnecting: lost, trying again (and will resume after the last event seen);
 * forbidden: this role may not subscribe; failed: the server refused the request itself.
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'forbidden' | 'failed';

export interface LiveFeedOptions<Data, Event> {
  transport: LiveTransport;
  query: string;
  /** The subscription's variables without `after`; the feed adds it. */
  variables: Record<string, unknown>;
  /** Resume after this event id from the start (e.g. one kept from an earlier feed). */
  after?: string | null;
  /** The event inside one result, and its id (what `after` takes). */
  event: (data: Data) => Event | null | undefined;
  eventId: (event: Event) => string;
  onEvent: (event: Event) => void;
  onStatus: (status: LiveStatus, detail?: string) => void;
  /** Delay before the n-th retry in a row (1-based), in milliseconds. */
  backoff?: (attempt: number) => number;
  /** setTimeout, replaceable in tests. */
  schedule?: (run: () => void, ms: number) => () => void;
}

export interface LiveFeed {
  stop: () => void;
  /** The id of the last event delivered, what a resubscription passes as `after`. */
  lastEventId: () => string | null;
}

/** 1 s, 2 s, 4 s … up to 30 s. */
export const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

interface GqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

function graphqlErrors(reason: unknown): GqlError[] | null {
  if (Array.isArray(reason) && reason.every((e) => e && typeof e === 'object' && 'message' in e)) {
    return reason as GqlError[];
  }
  return null;
}

/**
 * One subscription kept alive: every delivered event is passed on once, in order; when the
 * socket drops or the server ends the stream, it subscribes again with `after` = the last
 * event id, so the server replays what was missed. A SLOW_SUBSCRIBER error resumes at once
 * after the event the server names. FORBIDDEN stops for good (the role may not subscribe), as
 * does any other error the server gives for the request itself.
 */
export function startLiveFeed<Data, Event>(options: LiveFeedOptions<Data, Event>): LiveFeed {
  const { transport, query, variables, onEvent, onStatus } = options;
  const backoff = options.backoff ?? defaultBackoff;
  const schedule = options.schedule ?? defaultSchedule;
  let last: string | null = options.after ?? null;
  let stopped = false;
  let failures = 0;
  let unsubscribe: (() => void) | null = null;
  let cancelRetry: (() => void) | null = null;
  let status: LiveStatus | null = null;
  const seen = new Set<string>();

  const setStatus = (next: LiveStatus, detail?: string) => {
    if (stopped || (status === next && !detail)) return;
    status = next;
    onStatus(next, detail);
  };

  const stopConnection = transport.onConnection((connected) => {
    if (stopped) return;
    if (connected && unsubscribe) setStatus('live');
  });

  const retry = (immediately: boolean) => {
    unsubscribe = null;
    if (stopped) return;
    setStatus('reconnecting');
    failures += 1;
    if (immediately) {
      subscribe();
      return;
    }
    cancelRetry = schedule(() => {
      cancelRetry = null;
      subscribe();
    }, backoff(failures));
  };

  function subscribe() {
    if (stopped) return;
    // One subscription's sink stops listening once it has ended, so a late message from a
    // dropped socket cannot start a second retry.
    let ended = false;
    let handle: (() => void) | null = null;
    const end = () => {
      const was = ended;
      ended = true;
      handle?.();
      return was;
    };
    const onErrors = (errors: GqlError[]) => {
      if (end()) return;
      const first = errors[0];
      const code = first?.extensions?.code;
      if (code === 'SLOW_SUBSCRIBER') {
        const resume = first?.extensions?.resumeAfter;
        if (typeof resume === 'string' || typeof resume === 'number') last = String(resume);
        retry(true);
        return;
      }
      if (code === 'FORBIDDEN') {
        setStatus('forbidden', first?.message);
        stopped = true;
        return;
      }
      if (code === 'INTERNAL') {
        retry(false);
        return;
      }
      setStatus('failed', first?.message);
      stopped = true;
    };
    const request = { query, variables: { ...variables, after: last } };
    handle = transport.subscribe<Data>(request, {
      next(result: LiveResult<Data>) {
        if (ended || stopped) return;
        if (result.errors && result.errors.length > 0) {
          onErrors([...result.errors]);
          return;
        }
        const event = result.data ? options.event(result.data) : null;
        if (!event) return;
        failures = 0;
        setStatus('live');
        const id = options.eventId(event);
        last = id;
        // A replay after a reconnect may repeat what a slow socket had delivered already.
        if (seen.has(id)) return;
        seen.add(id);
        onEvent(event);
      },
      error(reason) {
        if (ended || stopped) return;
        const errors = graphqlErrors(reason);
        if (errors) {
          onErrors(errors);
          return;
        }
        end();
        retry(false);
      },
      complete() {
        if (end() || stopped) return;
        // The server ended the stream (it restarts, or drains): pick up where it stopped.
        retry(false);
      },
    });
    if (ended) {
      // It failed while subscribing; the retry is on its way already.
      handle();
      return;
    }
    unsubscribe = handle;
    if (transport.isConnected()) setStatus('live');
  }

  setStatus('connecting');
  subscribe();

  return {
    stop() {
      stopped = true;
      cancelRetry?.();
      unsubscribe?.();
      stopConnection();
    },
    lastEventId: () => last,
  };
}
