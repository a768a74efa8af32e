import type { LiveResult, LiveSink, LiveTransport } from '../api/live';

export interface FakeSubscription {
  query: string;
  variables: Record<string, unknown>;
  sink: LiveSink<unknown>;
  closed: boolean;
}

/**
 * A live transport under the test's control: it records every subscription with its
 * variables, and the test delivers results, drops the socket or ends the stream.
 */
export function fakeLive() {
  const subscriptions: FakeSubscription[] = [];
  const listeners = new Set<(connected: boolean) => void>();
  let connected = false;
  const transport: LiveTransport = {
    subscribe(request, sink) {
      const sub: FakeSubscription = { ...request, sink: sink as LiveSink<unknown>, closed: false };
      subscriptions.push(sub);
      return () => {
        sub.closed = true;
      };
    },
    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isConnected: () => connected,
  };
  const open = () => {
    const sub = [...subscriptions].reverse().find((s) => !s.closed);
    if (!sub) throw new Error('no open subscription');
    return sub;
  };
  return {
    transport,
    subscriptions,
    /** The socket is acknowledged. */
    connect() {
      connected = true;
      listeners.forEach((l) => l(true));
    },
    /** One result on the newest open subscription. */
    next(result: LiveResult<unknown>) {
      open().sink.next(result);
    },
    /** The socket closes abnormally (what graphql-ws reports as an error with a CloseEvent). */
    drop() {
      const sub = open();
      connected = false;
      listeners.forEach((l) => l(false));
      sub.closed = true;
      sub.sink.error({ code: 1006, reason: '', wasClean: false });
    },
    /** The server answers with GraphQL errors and ends the stream (as async-graphql does). */
    fail(errors: { message: string; extensions?: Record<string, unknown> }[]) {
      const sub = open();
      sub.sink.next({ data: null, errors });
      sub.sink.complete();
    },
  };
}
