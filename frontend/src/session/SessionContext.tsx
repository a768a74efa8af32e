import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, type CombinedError } from 'urql';
import { makeApiClient } from '../api/client';
import { LiveTransportContext } from '../api/live';
import { isUnauthenticated } from '../api/errors';
import { probeToken, type Me } from './meQuery';

const storageKey = 'sobivus.token';

export interface Session {
  me: Me;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

function readToken(): string | null {
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function writeToken(token: string | null) {
  try {
    if (token) sessionStorage.setItem(storageKey, token);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage refused (private mode): the session lasts until the page reloads.
  }
}

type State =
  | { phase: 'signedOut'; expired: boolean }
  | { phase: 'restoring'; token: string; error: CombinedError | null }
  | { phase: 'signedIn'; token: string; me: Me };

export interface SignInGate {
  expired: boolean;
  signIn: (token: string, me: Me) => void;
}

export interface RestoreGate {
  error: CombinedError | null;
  retry: () => void;
  signOut: () => void;
}

/**
 * Keeps the token in sessionStorage (gone when the tab closes) and gives the signed-in tree a
 * client with that token. After a reload the stored token is checked with `me` first; a token
 * the server refuses later (expired, revoked) signs the user out with a note.
 */
export function SessionProvider({
  children,
  signInForm,
  restoring,
}: {
  children: ReactNode;
  signInForm: (gate: SignInGate) => ReactNode;
  restoring: (gate: RestoreGate) => ReactNode;
}) {
  const [state, setState] = useState<State>(() => {
    const token = readToken();
    return token ? { phase: 'restoring', token, error: null } : { phase: 'signedOut', expired: false };
  });
  const [attempt, setAttempt] = useState(0);

  const signOut = useCallback(() => {
    writeToken(null);
    setState({ phase: 'signedOut', expired: false });
  }, []);
  const expire = useCallback(() => {
    writeToken(null);
    setState({ phase: 'signedOut', expired: true });
  }, []);
  const signIn = useCallback((token: string, me: Me) => {
    writeToken(token);
    setState({ phase: 'signedIn', token, me });
  }, []);

  const restoringToken = state.phase === 'restoring' ? state.token : null;
  useEffect(() => {
    if (!restoringToken) return;
    let live = true;
    probeToken(restoringToken).then((probe) => {
      if (!live) return;
      if (probe.ok) setState({ phase: 'signedIn', token: restoringToken, me: probe.me });
      else if (isUnauthenticated(probe.error)) expire();
      else setState({ phase: 'restoring', token: restoringToken, error: probe.error });
    });
    return () => {
      live = false;
    };
  }, [restoringToken, attempt, expire]);

  const token = state.phase === 'signedIn' ? state.token : null;
  const api = useMemo(() => (token ? makeApiClient(token, expire) : null), [token, expire]);
  useEffect(() => () => api?.dispose(), [api]);
  const me = state.phase === 'signedIn' ? state.me : null;
  const session = useMemo(() => (me ? { me, signOut } : null), [me, signOut]);

  if (state.phase === 'signedOut') return <>{signInForm({ expired: state.expired, signIn })}</>;
  if (state.phase === 'restoring' || !api || !session) {
    const error = state.phase === 'restoring' ? state.error : null;
    return <>{restoring({ error, retry: () => setAttempt((n) => n + 1), signOut })}</>;
  }
  return (
    <Provider value={api.client}>
      <LiveTransportContext.Provider value={api.live}>
        <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
      </LiveTransportContext.Provider>
    </Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in tree');
  return session;
}

/** A fixed session, for component tests and stories: no token, no server check. */
export function StaticSession({ me, children }: { me: Me; children: ReactNode }) {
  const session = useMemo(() => ({ me, signOut: () => {} }), [me]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
