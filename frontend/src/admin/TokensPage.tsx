import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import type { TokensQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { AdminOnly } from './AdminOnly';
import { SecretOnce, TokenForm } from './TokenForm';

const TokensDocument = graphql(`
  query Tokens {
    tokens {
      id
      name
      role
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
      active
      movesApplications
    }
  }
`);

const RevokeTokenDocument = graphql(`
  mutation RevokeToken($id: ID!) {
    revokeToken(id: $id)
  }
`);

type Token = TokensQuery['tokens'][number];

/** Tokens (admins): who has access with which role, a new token, revoking one. */
export function TokensPage() {
  return (
    <AdminOnly>
      <Tokens />
    </AdminOnly>
  );
}

function Tokens() {
  const { t } = useLanguage();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TokensDocument });
  const [notice, setNotice] = useState('');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="tokens-title" className="tokens-page">
      <h1 id="tokens-title">{t.tokens.title}</h1>
      <p>{t.tokens.intro}</p>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {created && <SecretOnce {...created} onDone={() => setCreated(null)} />}
      <div className="integrations-columns">
        <section className="panel" aria-labelledby="token-list-title">
          <h2 id="token-list-title" tabIndex={-1}>
            {t.tokens.listTitle}
          </h2>
          {notice && (
            <p className="success" aria-hidden="true">
              {notice}
            </p>
          )}
          {error && !data && <ErrorMessage error={error} onRetry={reload} />}
          {!data && !error && fetching && <Loading />}
          {data && (
            <>
              <p className="count">{data.tokens.length > 0 ? t.tokens.count(data.tokens.length) : t.tokens.empty}</p>
              <ul className="card-list">
                {data.tokens.map((token) => (
                  <TokenCard
                    key={token.id}
                    token={token}
                    onRevoked={(revoked) => {
                      setNotice(revoked ? t.tokens.revokedNotice(token.name) : t.tokens.alreadyRevoked(token.name));
                      reload();
                      // The card's button is gone; the list keeps the focus.
                      document.getElementById('token-list-title')?.focus();
                    }}
                  />
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="panel">
          <TokenForm
            onCreated={(token) => {
              setNotice('');
              setCreated(token);
              reload();
            }}
          />
        </section>
      </div>
    </section>
  );
}

function status(token: Token): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  return token.active ? 'active' : 'expired';
}

function TokenCard({ token: k, onRevoked }: { token: Token; onRevoked: (revoked: boolean) => void }) {
  const { t, formatDateTime } = useLanguage();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [{ fetching: revoking, error }, revoke] = useMutation(RevokeTokenDocument);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const state = status(k);
  const expired = k.expiresAt != null && state === 'expired';
  return (
    <li className={`card token is-${state}`} data-testid="token">
      <div className="token-head">
        <h3 className="card-title token-name">{k.name}</h3>
        <span className="tag">{k.role ? t.roles[k.role] : t.tokens.unknownRole}</span>
        {k.movesApplications && <span className="tag">{t.tokens.movesApplicationsTag}</span>}
        <span className={`badge badge-token is-${state}`}>
          <span aria-hidden="true">{state === 'active' ? '● ' : '○ '}</span>
          {t.tokens[state]}
        </span>
      </div>
      <p className="meta">
        <span>{t.tokens.createdAt(formatDateTime(k.createdAt))}</span>
        <span>
          {k.expiresAt
            ? expired
              ? t.tokens.expiredAt(formatDateTime(k.expiresAt))
              : t.tokens.expiresAt(formatDateTime(k.expiresAt))
            : t.tokens.noExpiry}
        </span>
        <span>{k.lastUsedAt ? t.tokens.lastUsed(formatDateTime(k.lastUsedAt)) : t.tokens.neverUsed}</span>
        {k.revokedAt && <span>{t.tokens.revokedAt(formatDateTime(k.revokedAt))}</span>}
      </p>
      {state === 'active' && !confirming && (
        <button
          type="button"
          ref={revokeButton}
          className="button-secondary button-danger"
          aria-label={t.tokens.revokeLabel(k.name)}
          onClick={() => setConfirming(true)}
        >
          {t.tokens.revoke}
        </button>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t.tokens.confirmRevoke(k.name)}</p>
          <div className="webhook-actions">
            <button
              type="button"
              ref={confirmButton}
              className="button-danger"
              disabled={revoking}
              onClick={async () => {
                const result = await revoke({ id: k.id });
                if (result.error) return;
                setConfirming(false);
                onRevoked(result.data?.revokeToken === true);
              }}
            >
              {revoking ? t.tokens.revoking : t.tokens.confirm}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => revokeButton.current?.focus());
              }}
            >
              {t.tokens.keep}
            </button>
          </div>
          <ErrorMessage error={error} />
        </div>
      )}
    </li>
  );
}
