import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { Client, Provider, cacheExchange, makeErrorResult, makeResult, type Exchange, type Operation } from 'urql';
import { filter, fromValue, mergeMap, never, pipe } from 'wonka';
import { getOperationName } from '@urql/core';
import { LiveTransportContext, type LiveTransport } from '../api/live';
import type { Me } from '../session/meQuery';
import { StaticSession } from '../session/SessionContext';
import { LanguageProvider } from '../i18n/LanguageContext';
import type { Language } from '../i18n/messages';

export type Reply =
  | { data: unknown }
  | { errors: { message: string; extensions?: Record<string, unknown> }[] }
  | { networkError: Error }
  | 'pending';

type Handler = (variables: Record<string, unknown>) => Reply;

/**
 * A real urql client whose transport answers from `handlers`, by operation name. Every request
 * is recorded, so a test can check what the view asked for. An operation without a handler
 * fails the way a broken server would, so a test cannot pass on a silently missing mock.
 */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: { name: string; variables: Record<string, unknown> }[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op: Operation) => op.kind !== 'teardown'),
      mergeMap((op: Operation) => {
        const name = getOperationName(op.query) ?? '';
        const variables = (op.variables ?? {}) as Record<string, unknown>;
        calls.push({ name, variables });
        const handler = handlers[name];
        if (!handler) return fromValue(makeErrorResult(op, new Error(`no fake for ${name}`)));
        const reply = handler(variables);
        if (reply === 'pending') return never;
        if ('networkError' in reply) return fromValue(makeErrorResult(op, reply.networkError));
        return fromValue(makeResult(op, reply as never));
      }),
    );
  const client = new Client({ url: '/graphql', exchanges: [cacheExchange, exchange] });
  return { client, calls };
}

/** The signed-in users of the tests, with the rights `me` gives each role (api/src/auth/permissions.rs). */
export const admin: Me = { name: 'Test admin', role: 'ADMIN', seesPersonalData: true, canWrite: true, movesApplications: true };
export const recruiter: Me = { name: 'Mari', role: 'RECRUITER', seesPersonalData: true, canWrite: true, movesApplications: true };
export const viewer: Me = { name: 'Test viewer', role: 'VIEWER', seesPersonalData: false, canWrite: false, movesApplications: false };
/** An HR tool's token created with "may move candidates". */
export const movingIntegration: Me = {
  name: 'HR süsteem',
  role: 'INTEGRATION',
  seesPersonalData: false,
  canWrite: false,
  movesApplications: true,
};

export function renderApp(
  ui: ReactNode,
  {
    client = fakeApi({}).client,
    me = admin,
    path = '/',
    language = 'et',
    live = null,
  }: { client?: Client; me?: Me; path?: string; language?: Language; live?: LiveTransport | null } = {},
) {
  return render(
    <LanguageProvider initial={language}>
      <MemoryRouter initialEntries={[path]}>
        <Provider value={client}>
          <LiveTransportContext.Provider value={live}>
            <StaticSession me={me}>{ui}</StaticSession>
          </LiveTransportContext.Provider>
        </Provider>
      </MemoryRouter>
    </LanguageProvider>,
  );
}
