import type { BreakdownItemFragment } from '../gql/graphql';
import { described } from '../i18n/described';
import { useLanguage } from '../i18n/LanguageContext';
import { biggestGaps } from './matchMath';

/** The two requirements that cost the candidate most, in a line each. */
export function GapList({ breakdown }: { breakdown: readonly BreakdownItemFragment[] }) {
  const { t, language } = useLanguage();
  const gaps = biggestGaps(breakdown);
  if (gaps.length === 0) return <p className="gaps gaps-none">{t.opening.noGaps}</p>;
  return (
    <div className="gaps">
      <span className="gaps-label">{t.opening.gaps}:</span>
      <ul>
        {gaps.map((g) => (
          <li key={g.requirement.id} className={g.requirement.hard && !g.met ? 'gap-knockout' : undefined}>
            {g.requirement.hard && !g.met && <span className="tag tag-hard">{t.match.hard}</span>}{' '}
            {described(g.requirement, language)}
          </li>
        ))}
      </ul>
    </div>
  );
}
