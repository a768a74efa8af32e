import { Link } from 'react-router-dom';
import { candidateLabel } from '../candidates/candidateLabel';
import { QualifiedBadge } from '../components/QualifiedBadge';
import { ScoreBar } from '../components/ScoreBar';
import type { BreakdownItemFragment } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { GapList } from '../matching/GapList';

export interface RankedMatch {
  score: number;
  qualified: boolean;
  candidate: { id: string; name?: string | null };
  breakdown: BreakdownItemFragment[];
}

/**
 * One ranked candidate: badge, score, the two biggest gaps, and the way to the breakdown.
 * `isNew` marks a candidate who arrived while the page was open (a badge, and a highlight
 * that fades).
 */
export function MatchRow({
  rank,
  match,
  selected,
  onSelect,
  isNew = false,
}: {
  rank?: number;
  match: RankedMatch;
  selected: boolean;
  onSelect: (candidateId: string) => void;
  isNew?: boolean;
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
    </li>
  );
}
