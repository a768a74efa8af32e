import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { problemsOf } from '../api/errors';
import { candidateLabel } from '../candidates/candidateLabel';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { QualifiedBadge } from '../components/QualifiedBadge';
import { ScoreBar } from '../components/ScoreBar';
import type { ApplicationDetailsQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { openingPath } from '../openings/paths';
import { useSession } from '../session/SessionContext';
import { NoteForm } from './NoteForm';
import { ApplicationDetailsDocument } from './operations';
import { StageBadge } from './StageBadge';

// A first note holds no ApplicationNote yet: the details still load again after it.
const detailsContext = { additionalTypenames: ['ApplicationNote'] };

type Details = NonNullable<ApplicationDetailsQuery['application']>;

/**
 * One application beside the board (a sheet over it on a phone): where it stands, why it was
 * rejected, every move with who made it and when, and the recruiters' notes with the form for
 * a new one (writers only; roles without the right to personal data see no notes).
 */
export function ApplicationPanel({
  openingId,
  applicationId,
  version,
  onClose,
}: {
  openingId: string;
  applicationId: string;
  /** Bumped when the board hears of a change: the details load again. */
  version: number;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApplicationDetailsDocument,
    variables: { id: applicationId },
    context: detailsContext,
  });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const found = data?.application && data.application.opening.id === openingId ? data.application : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(found);
  useEffect(() => {
    heading.current?.focus();
  }, [loaded]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const missing =
    (data && !found) || (error && problemsOf(error, t).some((p) => p.code === 'NOT_FOUND' || p.code === 'BAD_USER_INPUT'));
  return (
    <aside id="application-panel" className="side-panel" aria-labelledby="application-title">
      <div className="side-panel-head">
        <h2 id="application-title" ref={heading} tabIndex={-1}>
          {t.pipeline.panel.title}
          {found && <span className="side-panel-name">{candidateLabel(found.candidate, t)}</span>}
        </h2>
        <button type="button" className="button-secondary close" onClick={onClose}>
          {t.common.close}
        </button>
      </div>
      {missing && !found && <p>{t.pipeline.panel.notFound}</p>}
      {error && !data && !missing && <ErrorMessage error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!data && !error && fetching && <Loading />}
      {found && <DetailsBody details={found} openingId={openingId} onNoteAdded={() => reexecute({ requestPolicy: 'network-only' })} />}
    </aside>
  );
}

function DetailsBody({ details: a, openingId, onNoteAdded }: { details: Details; openingId: string; onNoteAdded: () => void }) {
  const { t, formatDateTime, formatNumber } = useLanguage();
  const { me } = useSession();
  const stages = t.pipeline.stages;
  return (
    <>
      <div className="side-panel-summary">
        <div className="pipeline-badges">
          <StageBadge stage={a.stage} />
          {a.qualifiedWhenAdded != null && <QualifiedBadge qualified={a.qualifiedWhenAdded} />}
        </div>
        {a.scoreWhenAdded != null && (
          <div className="pipeline-panel-score">
            <span className="muted" aria-hidden="true">
              {t.pipeline.scoreWhenAdded}
            </span>
            <ScoreBar
              score={a.scoreWhenAdded}
              qualified={a.qualifiedWhenAdded ?? undefined}
              label={`${t.pipeline.scoreWhenAdded}: ${formatNumber(a.scoreWhenAdded, 1)}`}
            />
          </div>
        )}
        <p className="meta">{t.pipeline.panel.addedBy(a.addedBy, t.pipeline.sources[a.source], formatDateTime(a.createdAt))}</p>
      </div>
      {a.rejectionKind && (
        <div className="pipeline-rejection">
          <h3>{t.pipeline.panel.rejection}</h3>
          <p>{t.pipeline.rejectionKinds[a.rejectionKind]}</p>
          {a.rejectionText && <p className="note-text">{a.rejectionText}</p>}
        </div>
      )}
      <p className="pipeline-panel-links">
        <Link to={`/candidates/${a.candidate.id}`}>{t.pipeline.panel.openProfile}</Link>
        <Link to={openingPath(openingId, a.candidate.id)}>{t.pipeline.panel.openBreakdown}</Link>
      </p>
      <section aria-labelledby="application-notes">
        <h3 id="application-notes">{t.pipeline.panel.notes}</h3>
        {a.notes == null ? (
          <p className="hint">{t.pipeline.panel.notesHidden}</p>
        ) : a.notes.length === 0 ? (
          <p className="muted">{t.pipeline.panel.noNotes}</p>
        ) : (
          <ul className="note-list">
            {a.notes.map((n) => (
              <li key={n.id} data-testid="note">
                <p className="meta">{t.pipeline.panel.by(n.author, formatDateTime(n.createdAt))}</p>
                <p className="note-text">{n.text}</p>
              </li>
            ))}
          </ul>
        )}
        {me.canWrite && a.notes != null && <NoteForm applicationId={a.id} onAdded={onNoteAdded} />}
      </section>
      <section aria-labelledby="application-history">
        <h3 id="application-history">{t.pipeline.panel.history}</h3>
        <ol className="history-list">
          {a.history.map((m, i) => (
            <li key={i} data-testid="move">
              <p className="history-line">
                <strong>
                  {m.fromStage ? t.pipeline.panel.movedFrom(stages[m.fromStage], stages[m.toStage]) : t.pipeline.panel.added(stages[m.toStage])}
                </strong>
                {m.forced && <span className="tag tag-forced">{t.pipeline.panel.forced}</span>}
              </p>
              {m.rejectionKind && <p>{t.pipeline.rejectionKinds[m.rejectionKind]}</p>}
              {m.rejectionText && <p className="note-text">{m.rejectionText}</p>}
              <p className="meta">{t.pipeline.panel.by(m.actor, formatDateTime(m.at))}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
