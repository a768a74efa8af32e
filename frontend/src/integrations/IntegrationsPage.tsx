import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import type { WebhooksQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { useSession } from '../session/SessionContext';
import type { Me } from '../session/meQuery';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookForm } from './WebhookForm';

const WebhooksDocument = graphql(`
  query Webhooks {
    webhooks {
      id
      url
      openingId
      opening {
        id
        title
      }
      minScore
      events
      createdBy
      createdAt
      pendingDeliveries
    }
    openings(first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

const DeleteWebhookDocument = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

type Webhook = WebhooksQuery['webhooks'][number];

/** Roles that manage webhooks (the server lets an integration token see only its own). */
export function managesWebhooks(me: Me): boolean {
  return me.role === 'ADMIN' || me.role === 'INTEGRATION';
}

/**
 * Integrations: the webhooks that push new candidates and pipeline changes to other systems, a
 * form for a new one,
 * deletion with confirmation, and each webhook's delivery history.
 */
export function IntegrationsPage() {
  const { t } = useLanguage();
  const { me } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WebhooksDocument, pause: !managesWebhooks(me) });
  const [notice, setNotice] = useState('');
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  if (!managesWebhooks(me)) return <p className="notice">{t.integrations.forbidden}</p>;
  // Only the form's opening choice needs the list; each webhook names its own opening.
  const openings = data?.openings.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="integrations-title" className="integrations-page">
      <h1 id="integrations-title">{t.integrations.title}</h1>
      <p>{t.integrations.intro}</p>
      {me.role === 'INTEGRATION' && <p className="hint">{t.integrations.ownOnly}</p>}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      <div className="integrations-columns">
        <section className="panel" aria-labelledby="webhooks-title">
          <h2 id="webhooks-title">{t.integrations.listTitle}</h2>
          {error && !data && <ErrorMessage error={error} onRetry={reload} />}
          {!data && !error && fetching && <Loading />}
          {data && (
            <>
              <p className="count">
                {data.webhooks.length > 0 ? t.integrations.count(data.webhooks.length) : t.integrations.empty}
              </p>
              <ul className="card-list">
                {data.webhooks.map((w) => (
                  <WebhookCard
                    key={w.id}
                    webhook={w}
                    onDeleted={() => {
                      setNotice(t.integrations.deleted(w.url));
                      reload();
                    }}
                  />
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="panel">
          <WebhookForm
            openings={openings}
            onCreated={(url) => {
              setNotice(t.integrations.created(url));
              reload();
            }}
          />
          {notice && (
            <p className="success" aria-hidden="true">
              {notice}
            </p>
          )}
        </section>
      </div>
    </section>
  );
}

function WebhookCard({ webhook: w, onDeleted }: { webhook: Webhook; onDeleted: () => void }) {
  const { t, formatDate, formatNumber } = useLanguage();
  const id = useId();
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [{ fetching: deleting, error }, remove] = useMutation(DeleteWebhookDocument);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  return (
    <li className="card webhook" data-testid="webhook">
      <h3 className="card-title webhook-url">{w.url}</h3>
      <p className="meta">
        <span>
          {w.events.map((e) => t.integrations.eventNames[e]).join(', ')}
          {' · '}
          {w.openingId ? (
            <>
              {t.integrations.openingPrefix}{' '}
              {w.opening ? (
                <Link to={`/openings/${w.opening.id}`}>{w.opening.title}</Link>
              ) : (
                t.integrations.unknownOpening(w.openingId)
              )}
            </>
          ) : (
            t.integrations.allOpenings
          )}
          {w.minScore != null && ` · ${t.integrations.minScore(formatNumber(w.minScore, w.minScore % 1 === 0 ? 0 : 1))}`}
        </span>
        <span>{t.integrations.createdBy(w.createdBy, formatDate(w.createdAt))}</span>
        {w.pendingDeliveries > 0 && <span>{t.integrations.pending(w.pendingDeliveries)}</span>}
      </p>
      <div className="webhook-actions">
        <button
          type="button"
          className="button-secondary"
          aria-expanded={showDeliveries}
          aria-controls={`${id}-deliveries`}
          onClick={() => setShowDeliveries((s) => !s)}
        >
          {showDeliveries ? t.integrations.hideDeliveries : t.integrations.showDeliveries}
        </button>
        {!confirming && (
          <button
            type="button"
            ref={deleteButton}
            className="button-secondary button-danger"
            aria-label={t.integrations.deleteLabel(w.url)}
            onClick={() => setConfirming(true)}
          >
            {t.integrations.delete}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t.integrations.confirmDelete(w.url)}</p>
          <div className="webhook-actions">
            <button
              type="button"
              ref={confirmButton}
              className="button-danger"
              disabled={deleting}
              onClick={async () => {
                const result = await remove({ id: w.id });
                if (!result.error) onDeleted();
              }}
            >
              {deleting ? t.integrations.deleting : t.integrations.confirm}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => deleteButton.current?.focus());
              }}
            >
              {t.common.cancel}
            </button>
          </div>
          <ErrorMessage error={error} />
        </div>
      )}
      <div id={`${id}-deliveries`}>
        {showDeliveries && <WebhookDeliveries webhookId={w.id} titleId={`${id}-deliveries-title`} />}
      </div>
    </li>
  );
}
