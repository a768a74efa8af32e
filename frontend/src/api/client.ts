import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated } from './errors';
import { wsTransport, type LiveTransport } from './live';

export const graphqlPath = '/graphql';

function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${graphqlPath}`;
}

export interface ApiClient {
  client: Client;
  /** Subscriptions that resume themselves with `after` (see `useLiveFeed`). */
  live: LiveTransport;
  /** Closes the WebSocket, if one was opened; call when the token changes or on sign-out. */
  dispose: () => void;
}

/**
 * One urql client per token. Queries and mutations go over HTTP with the bearer token;
 * subscriptions over graphql-ws (graphql-transport-ws protocol) through `live` (see
 * `src/live/`); browsers cannot set headers there, so the token travels in `connection_init`.
 * The socket opens lazily, when a view subscribes, and never retries on its own: a
 * resubscription has to carry the last event id seen (`after`), which only the view knows.
 */
export function makeApiClient(token: string, onUnauthenticated: () => void): ApiClient {
  let ws: WsClient | null = null;
  const socket = () => {
    ws ??= createWsClient({
      url: websocketUrl(),
      connectionParams: { Authorization: `Bearer ${token}` },
      lazy: true,
      retryAttempts: 0,
    });
    return ws;
  };
  const client = new Client({
    url: graphqlPath,
    // The server answers GraphQL over POST only (GET /graphql is the WebSocket upgrade).
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` } }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
  return {
    client,
    live: wsTransport(socket),
    dispose: () => {
      void ws?.dispose();
      ws = null;
    },
  };
}

/** A client for checking a token before it is kept (the sign-in form). */
export function makeProbeClient(token: string): Client {
  return new Client({
    url: graphqlPath,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` } }),
    exchanges: [fetchExchange],
  });
}
