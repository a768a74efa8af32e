import type { BreakdownItemFragment } from '../gql/graphql';
import { described } from '../i18n/described';
import { useLanguage } from '../i18n/LanguageContext';
import { groupScores, kindOrder } from './matchMath';

/**
 * A match explained: a bar per requirement group, then every requirement with whether it was
 * met, how much of its weight was earned and the evidence.
 */
export function BreakdownDetails({ breakdown }: { breakdown: readonly BreakdownItemFragment[] }) {
  const { t, formatNumber, language } = useLanguage();
  const groups = groupScores(breakdown);
  return (
    <>
      <h3>{t.match.groups}</h3>
      <ul className="group-scores">
        {groups.map((g) => (
          <li key={g.kind}>
            <span className="group-score-name">
              {t.requirementKinds[g.kind]}
              <span className="muted">
                {' '}
                {g.met}/{g.total}
              </span>
            </span>
            <span
              className="group-score-track"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(g.fulfilment * 100)}
              aria-label={t.requirementKinds[g.kind]}
            >
              <span
                className={`group-score-fill${g.knockedOut ? ' is-unqualified' : ''}`}
                style={{ width: `${g.fulfilment * 100}%` }}
              />
            </span>
            <span className="group-score-value">{formatNumber(g.fulfilment * 100)}%</span>
          </li>
        ))}
      </ul>
      {kindOrder.map((kind) => {
        const items = breakdown.filter((r) => r.requirement.kind === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} className="breakdown-group">
            <h3>{t.requirementKinds[kind]}</h3>
            <ul className="breakdown-items">
              {items.map((r) => (
                <li key={r.requirement.id} className={r.met ? 'is-met' : 'is-unmet'}>
                  <div className="breakdown-line">
                    <span className="breakdown-mark" aria-hidden="true">
                      {r.met ? '✓' : '✕'}
                    </span>
                    <span className="breakdown-description">{described(r.requirement, language)}</span>
                  </div>
                  <div className="breakdown-facts">
                    <span className={`tag ${r.requirement.hard ? 'tag-hard' : 'tag-soft'}`}>
                      {r.requirement.hard ? t.match.hard : t.match.soft}
                    </span>
                    <span>{r.met ? t.match.met : t.match.notMet}</span>
                    <span>{t.match.fulfilment(formatNumber(r.fulfilment * 100))}</span>
                    <span>{t.opening.weight(formatNumber(r.requirement.weight, 1))}</span>
                  </div>
                  <p className="evidence">
                    <span className="visually-hidden">{t.match.evidence}: </span>
                    {language === 'en' ? (r.evidenceEn ?? r.evidence) : r.evidence}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
