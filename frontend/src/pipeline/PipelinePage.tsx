import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useT } from '../i18n/LanguageContext';
import { LiveStatusIndicator } from '../openings/LiveCandidates';
import { openingPath } from '../openings/paths';
import { useSession } from '../session/SessionContext';
import { ApplicationPanel } from './ApplicationPanel';
import { PipelineBoardDocument } from './operations';
import { PipelineBoard } from './PipelineBoard';
import { columnPageSize } from './PipelineColumn';
import { boardPath } from './stages';
import { usePipelineLive } from './usePipelineLive';

// An empty board holds no Application yet: it still loads again after one is added.
const boardContext = { additionalTypenames: ['Application'] };

/**
 * One opening's recruitment board (`/openings/:id/pipeline`), with one application's details
 * beside it at `/openings/:id/pipeline/:applicationId`. It loads again after every move, and
 * on every change someone else makes while it is open.
 */
export function PipelinePage() {
  const { id = '', applicationId } = useParams();
  const t = useT();
  const { me } = useSession();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PipelineBoardDocument,
    variables: { openingId: id, first: columnPageSize },
    context: boardContext,
  });
  // Bumped on others' changes: the open details load again too.
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const feed = usePipelineLive(
    id,
    useCallback(() => {
      refresh();
      setVersion((v) => v + 1);
    }, [refresh]),
  );
  const closePanel = useCallback(() => {
    navigate(boardPath(id));
    // Back to the link that opened the details, for keyboard users.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-details-for="${CSS.escape(applicationId ?? '')}"]`)?.focus(),
    );
  }, [navigate, id, applicationId]);

  if (error && !data) return <ErrorMessage error={error} onRetry={refresh} />;
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
  const canMove = me.movesApplications;
  const total = opening.summary.totalCount;
  return (
    <div className={`pipeline-page${applicationId ? ' has-panel' : ''}`}>
      <div className="pipeline-main">
        <p className="breadcrumb">
          <Link to={openingPath(opening.id)}>{opening.title}</Link>
        </p>
        <div className="pipeline-head">
          <h1>
            {t.pipeline.title}{' '}
            <span className="page-subtitle">{opening.title}</span>
          </h1>
          <LiveStatusIndicator feed={feed} texts={t.pipeline.live} />
        </div>
        <p className="count" role="status">
          {t.pipeline.total(total)}
        </p>
        {opening.closedAt && <p className="notice">{t.pipeline.closedOpening}</p>}
        <p className="hint">{canMove ? t.pipeline.intro : t.pipeline.readOnly}</p>
        {total === 0 && <p className="notice">{t.pipeline.empty}</p>}
        <ErrorMessage error={error} />
        <PipelineBoard opening={opening} canMove={canMove} selectedId={applicationId ?? null} onChanged={refresh} />
      </div>
      {applicationId && (
        <ApplicationPanel
          key={applicationId}
          openingId={opening.id}
          applicationId={applicationId}
          version={version}
          onClose={closePanel}
        />
      )}
    </div>
  );
}
