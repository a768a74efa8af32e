import { useEffect, useState } from 'react';
import { candidateLabel } from '../candidates/candidateLabel';
import type { PipelineBoardQuery, PipelineStage } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { PipelineCard } from './PipelineCard';
import { PipelineColumn } from './PipelineColumn';
import { RejectDialog } from './RejectDialog';
import { stages } from './stages';
import { useBoardMoves, type Card } from './useBoardMoves';

export type BoardOpening = NonNullable<PipelineBoardQuery['opening']>;

/**
 * The columns of one opening's pipeline, in stage order, each with the count the server gives
 * for it. Those who may move cards drag them to another column (native drag and drop) or
 * choose the stage on the card; either way a move to REJECTED asks for the reason first.
 */
export function PipelineBoard({
  opening,
  canMove,
  selectedId,
  onChanged,
}: {
  opening: BoardOpening;
  canMove: boolean;
  /** The application whose details are open. */
  selectedId: string | null;
  /** The board should load again (a card moved). */
  onChanged: () => void;
}) {
  const t = useT();
  const moves = useBoardMoves(onChanged);
  const [dragging, setDragging] = useState<Card | null>(null);
  const counts = new Map(opening.summary.counts.map((c) => [c.stage, c.count]));
  const reasons = opening.summary.rejections.filter((r) => r.count > 0);
  const { focusTarget, focused } = moves;
  useEffect(() => {
    // A moved card that lands past its new column's first page is not on the board: the
    // focus goes to that column instead of being lost.
    if (!focusTarget) return;
    const shown = stages.some((s) => opening[s].edges.some((e) => e.node.id === focusTarget.id));
    if (shown || !opening[focusTarget.stage].pageInfo.hasNextPage) return;
    document.querySelector<HTMLElement>(`[data-stage-heading="${focusTarget.stage}"]`)?.focus();
    focused();
  }, [opening, focusTarget, focused]);

  const renderCard = (card: Card) => (
    <PipelineCard
      key={card.id}
      card={card}
      openingId={opening.id}
      canMove={canMove}
      busy={moves.busy.has(card.id)}
      selected={card.id === selectedId}
      refusal={moves.refusals[card.id]}
      focus={moves.focusTarget?.id === card.id && moves.focusTarget.stage === card.stage}
      onFocused={moves.focused}
      onMove={(to, force) => moves.request(card, to, force)}
      onDismiss={() => moves.dismiss(card.id)}
      onDragStart={() => setDragging(card)}
      onDragEnd={() => setDragging(null)}
    />
  );
  const dropOn = (stage: PipelineStage) => {
    const card = dragging;
    setDragging(null);
    if (card) moves.request(card, stage);
  };
  return (
    <>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {moves.announcement}
      </p>
      <div className={`pipeline-board${dragging ? ' is-dragging' : ''}`} data-testid="pipeline-board">
        {stages.map((stage) => (
          <PipelineColumn
            key={stage}
            openingId={opening.id}
            stage={stage}
            count={counts.get(stage) ?? 0}
            page={opening[stage]}
            dropTarget={dragging !== null && dragging.stage !== stage}
            onDrop={() => dropOn(stage)}
            renderCard={renderCard}
          />
        ))}
      </div>
      {reasons.length > 0 && (
        <div className="pipeline-rejections">
          <h2>{t.pipeline.rejectionsTitle}</h2>
          <ul>
            {reasons.map((r) => (
              <li key={r.kind}>
                {t.pipeline.rejectionKinds[r.kind]}: <strong>{r.count}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {moves.rejecting && (
        <RejectDialog
          name={candidateLabel(moves.rejecting.candidate, t)}
          onSubmit={moves.reject}
          onClose={moves.closeRejection}
        />
      )}
    </>
  );
}
