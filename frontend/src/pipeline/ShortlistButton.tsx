import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import type { ApplicationSource, PipelineStage } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { AddToPipelineDocument } from './operations';
import { StageBadge } from './StageBadge';
import { boardPath } from './stages';

export interface ApplicationRef {
  id: string;
  stage: PipelineStage;
}

/**
 * The candidate shortlisted last on this page. Adding reloads the ranking, which can move the
 * row from the new arrivals into the ranking: the stage link that appears there takes the
 * focus the vanished one had.
 */
let lastAdded: string | null = null;

/**
 * Beside a ranked (or newly arrived) candidate: the stage they are at in this opening's
 * pipeline, as a link to the board, or for those who may add, "Add to shortlist". Once added,
 * the button gives way to the stage at once and the focus follows it.
 */
export function ShortlistButton({
  openingId,
  candidateId,
  label,
  application,
  source,
  canAdd,
}: {
  openingId: string;
  candidateId: string;
  /** The candidate's name, or their label by number. */
  label: string;
  application: ApplicationRef | null | undefined;
  source: ApplicationSource;
  canAdd: boolean;
}) {
  const t = useT();
  const [added, setAdded] = useState<ApplicationRef | null>(null);
  const [{ fetching, error }, add] = useMutation(AddToPipelineDocument);
  const link = useRef<HTMLAnchorElement>(null);
  const [focusLink, setFocusLink] = useState(false);
  const shown = added ?? application ?? null;
  const showsLink = shown !== null;
  useEffect(() => {
    if (showsLink && (focusLink || (focusLost() && lastAdded === candidateId))) link.current?.focus();
  }, [focusLink, showsLink, candidateId]);
  // The row going away with the focus (it moved into the ranking): its twin there takes it.
  useEffect(
    () => () => {
      if (lastAdded !== candidateId) return;
      requestAnimationFrame(() => {
        if (focusLost()) document.querySelector<HTMLElement>(`[data-stage-for="${CSS.escape(candidateId)}"]`)?.focus();
      });
    },
    [candidateId],
  );
  if (shown) {
    return (
      <Link
        ref={link}
        className="stage-link"
        to={boardPath(openingId, shown.id)}
        aria-label={t.pipeline.shortlist.inPipelineOf(label, t.pipeline.stages[shown.stage])}
        data-testid="stage-link"
        data-stage-for={candidateId}
      >
        <span className="stage-link-text">{t.pipeline.shortlist.onBoard}</span> <StageBadge stage={shown.stage} />
      </Link>
    );
  }
  if (!canAdd) return null;
  return (
    <div className="shortlist">
      <button
        type="button"
        className="button-secondary"
        disabled={fetching}
        onClick={async () => {
          const result = await add({ openingId, candidateId, stage: 'SHORTLISTED', source });
          const created = result.data?.addToPipeline;
          if (!created) return;
          lastAdded = candidateId;
          setAdded({ id: created.id, stage: created.stage });
          setFocusLink(true);
        }}
      >
        {fetching ? t.pipeline.shortlist.adding : t.pipeline.shortlist.add}
        <span className="visually-hidden">: {label}</span>
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
