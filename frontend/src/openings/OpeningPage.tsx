import { useCallback, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import { useLanguage } from '../i18n/LanguageContext';
import { BreakdownPanel } from './BreakdownPanel';
import { MatchesSection } from './MatchesSection';
import { useSession } from '../session/SessionContext';
import { boardPath } from '../pipeline/stages';
import { OpeningEditor } from './OpeningEditor';
import { openingPath } from './paths';
import { RequirementList } from './RequirementList';

const OpeningDocument = graphql(`
  query Opening($id: ID!) {
    opening(id: $id) {
      id
      title
      createdAt
      updatedAt
      closedAt
      standard {
        id
        title
        ekrLevel
        partialQualifications {
          title
          competences {
            id
          }
        }
      }
      partialQualification {
        title
      }
      pipeline: applications(first: 0) {
        totalCount
      }
      jobDescription {
        id
        kind
        title
        organization
      }
      requirements {
        id
        kind
        hard
        weight
        description
        descriptionEn: description(language: EN)
        parentId
        source
        language
        anyForeignLanguage
        languageCount
        preferredLanguages
        minCefr
        minSpoken
        minWritten
        digitalArea
        digitalServed
        minDigital
        minEducation
        preferredEducation
        minYears
        field
        qualification
        competence {
          id
          code
          title
        }
      }
    }
  }
`);

const CloseOpeningDocument = graphql(`
  mutation CloseOpening($id: ID!) {
    closeOpening(id: $id) {
      id
      closedAt
      updatedAt
    }
  }
`);

const ReopenOpeningDocument = graphql(`
  mutation ReopenOpening($id: ID!) {
    reopenOpening(id: $id) {
      id
      closedAt
      updatedAt
    }
  }
`);

// The board link's count follows candidates shortlisted from this page.
const openingContext = { additionalTypenames: ['Application'] };

/**
 * One opening: what it asks for, who fits it best, and the way to its recruitment board. `/openings/:id/candidates/:candidateId`
 * opens that candidate's breakdown beside it (a link that works on a reload); the search part
 * (`?qualified=1`) stays as it is.
 */
export function OpeningPage() {
  const { id = '', candidateId } = useParams();
  const { t, formatDate } = useLanguage();
  const navigate = useNavigate();
  const { search } = useLocation();
  const selected = candidateId ?? null;
  const select = useCallback(
    (next: string | null) => navigate({ pathname: openingPath(id, next), search }),
    [navigate, id, search],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OpeningDocument, variables: { id }, context: openingContext });
  const { me } = useSession();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // Bumped after an edit: the ranking and the histogram load again.
  const [version, setVersion] = useState(0);
  const [closing, setClosing] = useMutation(CloseOpeningDocument);
  const [reopening, setReopening] = useMutation(ReopenOpeningDocument);

  // Links from before the breakdown had its own address: `?candidate=ID`.
  const legacy = new URLSearchParams(search).get('candidate');
  if (legacy && !candidateId) {
    const rest = new URLSearchParams(search);
    rest.delete('candidate');
    const query = rest.toString();
    return <Navigate replace to={{ pathname: openingPath(id, legacy), search: query ? `?${query}` : '' }} />;
  }
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const opening = data.opening;
  if (!opening) {
    return (
      <div className="empty">
        <p>{t.opening.notFound}</p>
        <Link to="/openings">{t.nav.openings}</Link>
      </div>
    );
  }
  return (
    <div className={`opening-page${selected ? ' has-panel' : ''}`}>
      <div className="opening-main">
        <p className="breadcrumb">
          <Link to="/openings">{t.nav.openings}</Link>
        </p>
        <h1>{opening.title}</h1>
        <p className="meta">
          {opening.standard && (
            <span>
              {t.openings.fromStandard}:{' '}
              <Link to={`/standards/${opening.standard.id}`}>{opening.standard.title}</Link>
              {opening.partialQualification && ` · ${t.opening.osakutse(opening.partialQualification.title)}`}
            </span>
          )}
          {opening.jobDescription && (
            <span>
              {t.documentKinds[opening.jobDescription.kind]}: {opening.jobDescription.title}
              {opening.jobDescription.organization && ` · ${opening.jobDescription.organization}`}
            </span>
          )}
          <span>{t.common.created(formatDate(opening.createdAt))}</span>
        </p>
        {opening.closedAt && <p className="notice">{t.opening.closed(formatDate(opening.closedAt))}</p>}
        <div className="opening-actions">
          <Link className="button" to={boardPath(opening.id)}>
            {t.pipeline.link(opening.pipeline.totalCount)}
          </Link>
          {me.canWrite && !editing && (
            <>
              <button
                type="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t.opening.edit}
              </button>
              {opening.closedAt ? (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={reopening.fetching}
                  onClick={() => void setReopening({ id: opening.id })}
                >
                  {t.opening.reopen}
                </button>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={closing.fetching}
                  onClick={() => void setClosing({ id: opening.id })}
                >
                  {t.opening.close}
                </button>
              )}
            </>
          )}
        </div>
        <ErrorMessage error={closing.error ?? reopening.error} />
        {saved && (
          <p className="notice" role="status">
            {t.opening.saved}
          </p>
        )}
        <div className="opening-columns">
          <section className="opening-requirements" aria-labelledby="requirements-title">
            {editing ? (
              <OpeningEditor
                opening={opening}
                onDone={(didSave) => {
                  setEditing(false);
                  if (didSave) {
                    setSaved(true);
                    setVersion((v) => v + 1);
                    reexecute({ requestPolicy: 'network-only' });
                  }
                }}
              />
            ) : (
              <>
                <h2 id="requirements-title">{t.opening.requirements}</h2>
                <RequirementList opening={opening} />
              </>
            )}
          </section>
          <MatchesSection
            openingId={opening.id}
            selected={selected}
            onSelect={select}
            version={version}
            canAdd={me.movesApplications && !opening.closedAt}
          />
        </div>
      </div>
      {selected && (
        <BreakdownPanel
          key={selected}
          openingId={opening.id}
          candidateId={selected}
          onClose={() => {
            select(null);
            // Back to the button that opened the panel, for keyboard users.
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(`[data-breakdown-for="${CSS.escape(selected)}"]`)?.focus(),
            );
          }}
        />
      )}
    </div>
  );
}
