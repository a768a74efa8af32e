import { useLanguage } from '../i18n/LanguageContext';

/** A 0..100 score as a bar with its number; the number is what assistive tech reads. */
export function ScoreBar({ score, label, qualified }: { score: number; label?: string; qualified?: boolean }) {
  const { t, formatNumber } = useLanguage();
  const clamped = Math.max(0, Math.min(100, score));
  const text = formatNumber(score, 1);
  return (
    <div className="score-bar" title={label ?? t.match.scoreOf(text)}>
      <div
        className="score-bar-track"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamped * 10) / 10}
        aria-label={label ?? t.match.score}
      >
        <div
          className={`score-bar-fill${qualified === false ? ' is-unqualified' : ''}`}
          style={{ width: `${clamped}%` }}
        />
      </div>
      <span className="score-bar-value">{text}</span>
    </div>
  );
}
