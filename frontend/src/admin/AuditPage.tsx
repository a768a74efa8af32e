import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PagedList } from '../components/PagedList';
import { graphql } from '../gql';
import type { AuditLogQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import type { Messages } from '../i18n/messages';
import { AdminOnly } from './AdminOnly';

const AuditLogDocument = graphql(`
  query AuditLog($first: Int!, $after: String, $candidateId: ID) {
    auditLog(first: $first, after: $after, candidateId: $candidateId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actor
          action
          candidateId
          fields
        }
      }
    }
  }
`);

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

const pageSize = 50;

/** An action in the reader's words; one the app does not know yet is shown as the server names it. */
export function actionWord(t: Messages, action: string): string {
  return t.audit.actions[action] ?? action;
}

/** The personal fields touched, in the reader's words. */
export function fieldWords(t: Messages, fields: string[]): string {
  return fields.map((f) => t.audit.fieldNames[f] ?? f).join(', ');
}

/** The audit log (admins): who read or changed personal data, newest first, for one candidate or all. */
export function AuditPage() {
  return (
    <AdminOnly>
      <AuditLog />
    </AdminOnly>
  );
}

function AuditLog() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const candidateId = params.get('candidate') ?? '';
  const valid = /^\d+$/.test(candidateId);
  return (
    <section aria-labelledby="audit-title" className="audit-page">
      <h1 id="audit-title">{t.audit.title}</h1>
      <p>{t.audit.intro}</p>
      <CandidateFilter
        key={candidateId}
        value={candidateId}
        onChange={(id) => setParams(id ? { candidate: id } : {}, { replace: true })}
      />
      {candidateId && !valid ? null : (
        <div className="audit-log">
          <PagedList
            resetKey={candidateId}
            requestPolicy="network-only"
            query={AuditLogDocument}
            variables={(after) => ({ first: pageSize, after, candidateId: candidateId || null })}
            connection={(data) => data.auditLog}
            status={({ totalCount }) => (totalCount > 0 ? t.audit.count(totalCount) : t.audit.empty)}
          >
            {(list, page) => (
              <ol className="audit-list">
                {page.index === 0 && list.edges.length > 0 && (
                  // Column names for sighted readers of the wide layout; each cell names itself for screen readers.
                  <li className="audit-row audit-header" aria-hidden="true">
                    <span>{t.audit.at}</span>
                    <span>{t.audit.actor}</span>
                    <span>{t.audit.action}</span>
                    <span>{t.audit.candidate}</span>
                    <span>{t.audit.fields}</span>
                  </li>
                )}
                {list.edges.map(({ node }) => (
                  <AuditItem key={node.id} entry={node} />
                ))}
              </ol>
            )}
          </PagedList>
        </div>
      )}
    </section>
  );
}

/** The candidate number to filter by, kept in the address (`?candidate=12`) so it can be linked. */
function CandidateFilter({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useLanguage();
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState(value && !/^\d+$/.test(value) ? t.audit.filterInvalid : '');
  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed && !/^\d+$/.test(trimmed)) {
      setError(t.audit.filterInvalid);
      return;
    }
    setError('');
    onChange(trimmed);
  }
  return (
    <form className="audit-filter" role="search" onSubmit={submit} aria-label={t.audit.filterHint}>
      <div className="field">
        <label htmlFor={id}>{t.audit.filterLabel}</label>
        <div className="search-row">
          <input
            id={id}
            inputMode="numeric"
            autoComplete="off"
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(e) => {
              setText(e.target.value);
              setError('');
            }}
          />
          <button type="submit">{t.audit.filter}</button>
          {value && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setText('');
                setError('');
                onChange('');
              }}
            >
              {t.audit.clear}
            </button>
          )}
        </div>
        <p className="hint" id={`${id}-hint`}>
          {t.audit.filterHint}
        </p>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

function AuditItem({ entry: e }: { entry: Entry }) {
  const { t, formatDateTime } = useLanguage();
  return (
    <li className="audit-row audit-entry" data-testid="audit-entry">
      <span className="audit-at">
        <span className="visually-hidden">{t.audit.at}: </span>
        <time dateTime={e.at}>{formatDateTime(e.at)}</time>
      </span>
      <span className="audit-actor">
        <span className="visually-hidden">{t.audit.actor}: </span>
        {e.actor}
      </span>
      <span>
        <span className="visually-hidden">{t.audit.action}: </span>
        <span className={`badge badge-audit is-${e.action.toLowerCase()}`}>{actionWord(t, e.action)}</span>
      </span>
      <span>
        <span className="visually-hidden">{t.audit.candidate}: </span>
        {e.candidateId ? (
          <Link to={`/candidates/${e.candidateId}`}>{t.candidates.anonymous(e.candidateId)}</Link>
        ) : (
          t.audit.noCandidate
        )}
      </span>
      <span className="audit-fields">
        <span className="visually-hidden">{t.audit.fields}: </span>
        {e.fields.length > 0 ? fieldWords(t, e.fields) : t.audit.noFields}
      </span>
    </li>
  );
}
