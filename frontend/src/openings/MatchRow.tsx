import { Link } from 'react-router-dom';
import { candidateLabel } from '../candidates/candidateLabel';
import { QualifiedBadge } from '../components/QualifiedBadge';
import { ScoreBar } from '../components/ScoreBar';
import type { ApplicationSource, BreakdownItemFragment } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { GapList } from '../matching/GapList';
import { ShortlistButton, type ApplicationRef } from '../pipeline/ShortlistButton';

export interface RankedMatch {
  score: number;
  qualified: boolean;
  candidate: { id: string; name?: string | null };
  breakdown: BreakdownItemFragment[];
  /** The candidate's place in this opening's pipeline, when they are in it. */
  application?: ApplicationRef | null;
}

/** How a row offers "add to shortlist": which opening, where the candidate was found, may the user add. */
export interface RowPipeline {
  openingId: string;
  source: ApplicationSource;
  canAdd: boolean;
}

/**
 * One ranked candidate: badge, score, the two biggest gaps, the way to the breakdown, and with
 * `pipeline` their stage in this opening's pipeline or the button that shortlists them.
 * `isNew` marks a candidate who arrived while the page was open (a badge, and a highlight
 * that fades).
 */
export function MatchRow({
  rank,
  match,
  selected,
  onSelect,
  isNew = false,
  pipeline,
}: {
  rank?: number;
  match: RankedMatch;
  selected: boolean;
  onSelect: (candidateId: string) => void;
  isNew?: boolean;
  pipeline?: RowPipeline;
}) {
  const t = useT();
  const label = candidateLabel(match.candidate, t);
  const classes = ['match-row', selected && 'is-selected', isNew && 'is-new'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid={isNew && rank === undefined ? 'live-row' : 'match-row'}>
      <div className="match-head">
        {rank !== undefined && (
          <span className="rank" aria-hidden="true">
            {rank}.
          </span>
        )}
        <Link className="match-name" to={`/candidates/${match.candidate.id}`}>
          {label}
        </Link>
        {isNew && <span className="badge badge-new">{t.live.newBadge}</span>}
        <QualifiedBadge qualified={match.qualified} />
      </div>
      <ScoreBar score={match.score} qualified={match.qualified} label={`${t.match.score}: ${label}`} />
      <GapList breakdown={match.breakdown} />
      <div className="match-actions">
        <button
          type="button"
          className="button-secondary"
          aria-expanded={selected}
          aria-controls={selected ? 'breakdown-panel' : undefined}
          data-breakdown-for={match.candidate.id}
          onClick={() => onSelect(match.candidate.id)}
        >
          {t.opening.showBreakdown}
          <span className="visually-hidden">: {label}</span>
        </button>
        {pipeline && (
          <ShortlistButton
            openingId={pipeline.openingId}
            candidateId={match.candidate.id}
            label={label}
            application={match.application}
            source={pipeline.source}
            canAdd={pipeline.canAdd}
          />
        )}
      </div>
    </li>
  );
}
