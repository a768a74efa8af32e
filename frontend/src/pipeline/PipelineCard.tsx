import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { candidateLabel } from '../candidates/candidateLabel';
import { QualifiedBadge } from '../components/QualifiedBadge';
import type { PipelineStage } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { openingPath } from '../openings/paths';
import { boardPath, stages } from './stages';
import type { Card, CardRefusal } from './useBoardMoves';

/** The data type a dragged card carries (the application id). */
export const dragType = 'application/x-sobivus-application';

/**
 * One candidate on the board: name (or a label by number when the role may not see names),
 * the score and decision when added, the way to the details and to the match breakdown, and
 * for those who may move it a stage choice with a button, the same move a drag makes. A
 * refused move is said right here, with the force for an administrator when it would help.
 */
export function PipelineCard({
  card,
  openingId,
  canMove,
  busy,
  selected,
  refusal,
  focus,
  onFocused,
  onMove,
  onDismiss,
  onDragStart,
  onDragEnd,
}: {
  card: Card;
  openingId: string;
  canMove: boolean;
  busy: boolean;
  /** Its details are open beside the board. */
  selected: boolean;
  refusal: CardRefusal | undefined;
  /** Take the focus (after this card was moved here). */
  focus: boolean;
  onFocused: () => void;
  onMove: (to: PipelineStage, force?: boolean) => void;
  onDismiss: () => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { t, formatNumber } = useLanguage();
  const id = useId();
  const label = candidateLabel(card.candidate, t);
  // '' until a stage is chosen: the select then reads "Move to…", its own visible label.
  const [choice, setChoice] = useState<PipelineStage | ''>('');
  const root = useRef<HTMLLIElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => setChoice(''), [card.stage]);
  useEffect(() => {
    if (!focus) return;
    (select.current ?? root.current)?.focus();
    root.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    onFocused();
  }, [focus, onFocused]);

  const dragStart = (e: DragEvent) => {
    e.dataTransfer?.setData(dragType, card.id);
    e.dataTransfer?.setData('text/plain', label);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    onDragStart();
  };
  const stageNames = t.pipeline.stages;
  return (
    <li
      ref={root}
      className={`pipeline-card${busy ? ' is-busy' : ''}${selected ? ' is-selected' : ''}${refusal ? ' is-refused' : ''}`}
      data-testid="pipeline-card"
      tabIndex={-1}
      draggable={canMove && !busy}
      onDragStart={canMove ? dragStart : undefined}
      onDragEnd={canMove ? onDragEnd : undefined}
      aria-busy={busy || undefined}
    >
      <Link className="pipeline-card-name" to={`/candidates/${card.candidate.id}`}>
        {label}
      </Link>
      <div className="pipeline-card-facts">
        {card.qualifiedWhenAdded != null && <QualifiedBadge qualified={card.qualifiedWhenAdded} />}
        {card.scoreWhenAdded != null && (
          <span className="pipeline-score">
            {t.pipeline.scoreWhenAdded}: <strong>{formatNumber(card.scoreWhenAdded, 1)}</strong>
          </span>
        )}
      </div>
      {card.rejectionKind && <p className="pipeline-reason">{t.pipeline.rejectionKinds[card.rejectionKind]}</p>}
      {canMove && (
        <div className="move-control">
          <label className="visually-hidden" htmlFor={`${id}-stage`}>
            {t.pipeline.moveToOf(label)}
          </label>
          <select
            id={`${id}-stage`}
            ref={select}
            value={choice}
            disabled={busy}
            onChange={(e) => setChoice(e.target.value as PipelineStage | '')}
          >
            <option value="" disabled>
              {t.pipeline.moveTo}…
            </option>
            {stages
              .filter((s) => s !== card.stage)
              .map((s) => (
                <option key={s} value={s}>
                  {stageNames[s]}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || choice === ''}
            aria-label={t.pipeline.moveOf(label)}
            onClick={() => choice && onMove(choice)}
          >
            {t.pipeline.move}
          </button>
        </div>
      )}
      <div className="pipeline-card-links">
        <Link
          to={boardPath(openingId, card.id)}
          aria-label={t.pipeline.detailsOf(label)}
          aria-current={selected ? 'true' : undefined}
          data-details-for={card.id}
        >
          {t.pipeline.details}
        </Link>
        <Link to={openingPath(openingId, card.candidate.id)} aria-label={t.pipeline.breakdownOf(label)}>
          {t.opening.showBreakdown}
        </Link>
      </div>
      {busy && (
        <p className="hint" role="status">
          {t.pipeline.moving}
        </p>
      )}
      {refusal && (
        <div className="error pipeline-refusal" role="alert">
          <p>{refusal.message}</p>
          {refusal.forcible && <p className="hint">{t.pipeline.forceHint}</p>}
          <div className="pipeline-refusal-actions">
            {refusal.forcible && (
              <button
                type="button"
                className="button-danger"
                aria-label={t.pipeline.forceOf(label, stageNames[refusal.to])}
                onClick={() => onMove(refusal.to, true)}
              >
                {t.pipeline.force}
              </button>
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setChoice('');
                onDismiss();
              }}
            >
              {t.pipeline.dismiss}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
