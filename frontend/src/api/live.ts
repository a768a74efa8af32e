import { createContext, useContext } from 'react';
import type { Client as WsClient } from 'graphql-ws';

/** One GraphQL result as a subscription delivers it (data, or errors with extensions). */
export interface LiveResult<Data> {
  data?: Data | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface LiveSink<Data> {
  next: (result: LiveResult<Data>) => void;
  /** The socket closed or could not open (a CloseEvent, an Error, or GraphQL errors). */
  error: (reason: unknown) => void;
  complete: () => void;
}

/**
 * What live views need from the WebSocket: start one subscription, learn when the socket is
 * connected. It never retries by itself: a view resubscribes with `after` = the last event it
 * saw, so nothing falls into the gap of a reconnect.
 */
export interface LiveTransport {
  subscribe: <Data>(
    request: { query: string; variables: Record<string, unknown> },
    sink: LiveSink<Data>,
  ) => () => void;
  /** Called with true once the socket is acknowledged, false when it closes. */
  onConnection: (listener: (connected: boolean) => void) => () => void;
  isConnected: () => boolean;
}

/** A transport on a graphql-ws client (opened lazily on the first subscription). */
export function wsTransport(socket: () => WsClient): LiveTransport {
  let connected = false;
  const listeners = new Set<(connected: boolean) => void>();
  let wired: WsClient | null = null;
  const wire = () => {
    const client = socket();
    if (wired === client) return client;
    wired = client;
    client.on('connected', () => {
      connected = true;
      listeners.forEach((l) => l(true));
    });
    client.on('closed', () => {
      connected = false;
      listeners.forEach((l) => l(false));
    });
    return client;
  };
  return {
    subscribe(request, sink) {
      return wire().subscribe(request, {
        next: (value) => sink.next(value as LiveResult<never>),
        error: sink.error,
        complete: sink.complete,
      });
    },
    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isConnected: () => connected,
  };
}

export const LiveTransportContext = createContext<LiveTransport | null>(null);

/** The signed-in session's live transport; null outside one (live views then stay off). */
export function useLiveTransport(): LiveTransport | null {
  return useContext(LiveTransportContext);
}
