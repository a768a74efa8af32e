import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import type { PipelineColumnPageFragment, PipelineStage } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { PipelineColumnMoreDocument } from './operations';
import type { Card } from './useBoardMoves';

/**
 * Cards a column loads at a time: eight columns of 20 stay well within the server's query
 * complexity limit (5,000 by default; a card costs about 20).
 */
export const columnPageSize = 20;

/**
 * One stage of the board: its name and count, its cards (the first page came with the board,
 * later ones on "show more"), and a drop target while another stage's card is dragged. The
 * target is marked by its outline only: nothing on the board may move while the pointer
 * carries a card to where the column was.
 */
export function PipelineColumn({
  openingId,
  stage,
  count,
  page,
  dropTarget,
  onDrop,
  renderCard,
}: {
  openingId: string;
  stage: PipelineStage;
  count: number;
  page: PipelineColumnPageFragment;
  /** A card from another column is being dragged: this column takes it. */
  dropTarget: boolean;
  onDrop: () => void;
  renderCard: (card: Card) => ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const [over, setOver] = useState(false);
  const cards = page.edges.map((e) => e.node);
  const name = t.pipeline.stages[stage];
  const dragOver = (e: DragEvent) => {
    if (!dropTarget) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const dragLeave = (e: DragEvent) => {
    // Leaving for one of the column's own children is not leaving the column.
    if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
    setOver(false);
  };
  const drop = (e: DragEvent) => {
    if (!dropTarget) return;
    e.preventDefault();
    setOver(false);
    onDrop();
  };
  const classes = [
    'pipeline-column',
    `stage-${stage.toLowerCase()}`,
    count === 0 && 'is-empty',
    dropTarget && 'is-drop-target',
    dropTarget && over && 'is-drag-over',
  ];
  return (
    <section
      className={classes.filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      data-stage={stage}
      onDragOver={dragOver}
      onDragLeave={dragLeave}
      onDrop={drop}
    >
      <h2
        className="pipeline-column-head"
        id={headingId}
        tabIndex={-1}
        data-stage-heading={stage}
        aria-label={t.pipeline.columnLabel(name, count)}
      >
        <span>{name}</span>
        <span className="pipeline-count" aria-hidden="true">
          {count}
        </span>
      </h2>
      {cards.length === 0 && <p className="pipeline-empty">{t.pipeline.columnEmpty}</p>}
      {cards.length > 0 && <ul className="pipeline-cards">{cards.map(renderCard)}</ul>}
      <LaterPages openingId={openingId} stage={stage} pageInfo={page.pageInfo} renderCard={renderCard} />
    </section>
  );
}

function LaterPages({
  openingId,
  stage,
  pageInfo,
  renderCard,
}: {
  openingId: string;
  stage: PipelineStage;
  pageInfo: PipelineColumnPageFragment['pageInfo'];
  renderCard: (card: Card) => ReactNode;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
  if (!open) {
    return (
      <button type="button" className="button-secondary load-more" onClick={() => setOpen(true)}>
        {t.common.loadMore}
      </button>
    );
  }
  return <LaterPage openingId={openingId} stage={stage} after={pageInfo.endCursor} renderCard={renderCard} />;
}

function LaterPage({
  openingId,
  stage,
  after,
  renderCard,
}: {
  openingId: string;
  stage: PipelineStage;
  after: string;
  renderCard: (card: Card) => ReactNode;
}) {
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: PipelineColumnMoreDocument,
    variables: { openingId, stage, first: columnPageSize, after },
  });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading /> : null;
  const page = data.pipeline;
  return (
    <>
      {page.edges.length > 0 && <ul className="pipeline-cards">{page.edges.map((e) => renderCard(e.node))}</ul>}
      <LaterPages openingId={openingId} stage={stage} pageInfo={page.pageInfo} renderCard={renderCard} />
    </>
  );
}
