import { useState } from 'react';
import { PagedList } from '../components/PagedList';
import { graphql } from '../gql';
import type { WebhookDeliveriesQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';

const WebhookDeliveriesDocument = graphql(`
  query WebhookDeliveries($webhookId: ID!, $first: Int!, $after: String, $newestFirst: Boolean!) {
    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after, newestFirst: $newestFirst) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          eventId
          status
          attemptCount
          body
          createdAt
          nextAttemptAt
          deliveredAt
          attempts {
            at
            statusCode
            error
            durationMs
          }
        }
      }
    }
  }
`);

type Delivery = WebhookDeliveriesQuery['webhookDeliveries']['edges'][number]['node'];

const pageSize = 20;

/** One webhook's deliveries, newest first (older ones with "show more"): the outcome, every attempt, and the body sent. */
export function WebhookDeliveries({ webhookId, titleId }: { webhookId: string; titleId: string }) {
  const { t } = useLanguage();
  const [round, setRound] = useState(0);
  return (
    <section className="deliveries" aria-labelledby={titleId}>
      <div className="deliveries-head">
        <h4 id={titleId}>{t.integrations.deliveries}</h4>
        <button type="button" className="button-secondary" onClick={() => setRound((n) => n + 1)}>
          {t.integrations.refresh}
        </button>
      </div>
      <PagedList
        key={round}
        resetKey={`${webhookId}:${round}`}
        requestPolicy={round > 0 ? 'network-only' : undefined}
        query={WebhookDeliveriesDocument}
        variables={(after) => ({ webhookId, first: pageSize, after, newestFirst: true })}
        connection={(data) => data.webhookDeliveries}
        status={({ totalCount }) =>
          totalCount > 0 ? t.integrations.deliveryCount(totalCount) : t.integrations.noDeliveries
        }
      >
        {(list) => (
          <ol className="delivery-list">
            {list.edges.map(({ node }) => (
              <DeliveryItem key={node.id} delivery={node} />
            ))}
          </ol>
        )}
      </PagedList>
    </section>
  );
}

function DeliveryItem({ delivery: d }: { delivery: Delivery }) {
  const { t, formatDateTime, formatNumber } = useLanguage();
  return (
    <li className="delivery" data-testid="delivery">
      <div className="delivery-head">
        <span className="delivery-event">{t.integrations.event(d.eventId)}</span>
        <span className={`badge badge-delivery is-${d.status.toLowerCase()}`}>
          <span aria-hidden="true">{d.status === 'DELIVERED' ? '✓ ' : d.status === 'FAILED' ? '✕ ' : '… '}</span>
          {t.integrations.status[d.status]}
        </span>
        <span className="muted">{t.integrations.attemptCount(d.attemptCount)}</span>
      </div>
      <p className="meta">
        <span>{t.common.created(formatDateTime(d.createdAt))}</span>
        {d.deliveredAt && <span>{t.integrations.deliveredAt(formatDateTime(d.deliveredAt))}</span>}
        {d.nextAttemptAt && <span>{t.integrations.nextAttempt(formatDateTime(d.nextAttemptAt))}</span>}
      </p>
      {d.attempts.length > 0 && (
        <div className="table-scroll">
          <table className="attempts">
            <caption className="visually-hidden">{t.integrations.attempts}</caption>
            <thead>
              <tr>
                <th scope="col">{t.integrations.attemptAt}</th>
                <th scope="col">{t.integrations.attemptStatus}</th>
                <th scope="col">{t.integrations.attemptError}</th>
                <th scope="col">{t.integrations.attemptDuration}</th>
              </tr>
            </thead>
            <tbody>
              {d.attempts.map((a, i) => (
                <tr key={i} className={a.statusCode != null && a.statusCode < 300 && !a.error ? 'is-ok' : 'is-failed'}>
                  <td>{formatDateTime(a.at)}</td>
                  <td>{a.statusCode != null ? `HTTP ${a.statusCode}` : t.integrations.noAnswer}</td>
                  <td className="attempt-error">{a.error ?? t.common.none}</td>
                  <td className="numeric">{t.integrations.durationMs(formatNumber(a.durationMs))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="delivery-body">
        <summary>{t.integrations.body}</summary>
        <pre>{prettyJson(d.body)}</pre>
      </details>
    </li>
  );
}

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
