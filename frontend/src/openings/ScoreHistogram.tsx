import { useId } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/LanguageContext';
import { histogram, type HistogramBin } from '../matching/matchMath';
import { useAllScores } from './useAllScores';

/** How the opening's candidates spread over the score range, qualified ones stacked apart. */
export function ScoreHistogram({ openingId }: { openingId: string }) {
  const t = useT();
  const { scores, totalCount, error, done } = useAllScores(openingId);
  if (error) return <ErrorMessage error={error} />;
  if (!done || totalCount === 0) return null;
  const qualified = scores.filter((s) => s.qualified).length;
  return (
    <figure className="histogram">
      <HistogramChart bins={histogram(scores)} total={scores.length} qualified={qualified} />
      {scores.length < totalCount && <figcaption className="hint">{t.opening.histogramPartial(scores.length)}</figcaption>}
    </figure>
  );
}

const width = 320;
const height = 140;
const pad = { top: 8, right: 16, bottom: 28, left: 32 };

export function HistogramChart({ bins, total, qualified }: { bins: HistogramBin[]; total: number; qualified: number }) {
  const t = useT();
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...bins.map((b) => b.total));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const barW = plotW / bins.length;
  const y = (n: number) => pad.top + plotH - (n / max) * plotH;
  return (
    <svg
      className="histogram-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{t.opening.histogram}</title>
      <desc id={descId}>
        {t.opening.histogramDesc(total, qualified)}{' '}
        {bins
          .filter((b) => b.total > 0)
          .map((b) => t.opening.histogramBar(b.from, b.to, b.total, b.qualified))
          .join('; ')}
      </desc>
      <line className="axis" x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} />
      <text className="axis-label" x={pad.left - 4} y={y(max) + 4} textAnchor="end">
        {max}
      </text>
      <text className="axis-label" x={pad.left - 4} y={y(0)} textAnchor="end">
        0
      </text>
      {bins.map((b, i) => {
        const x = pad.left + i * barW + 1;
        return (
          <g key={`bin-${b.from}`}>
            <title>{t.opening.histogramBar(b.from, b.to, b.total, b.qualified)}</title>
            <rect className="bar-unqualified" x={x} width={barW - 2} y={y(b.total)} height={y(b.qualified) - y(b.total)} />
            <rect className="bar-qualified" x={x} width={barW - 2} y={y(b.qualified)} height={y(0) - y(b.qualified)} />
          </g>
        );
      })}
      {[0, 50, 100].map((tick) => (
        <text key={`tick-${tick}`} className="axis-label" x={pad.left + (tick / 100) * plotW} y={height - 14} textAnchor="middle">
          {tick}
        </text>
      ))}
      <text className="axis-label" x={pad.left + plotW / 2} y={height - 2} textAnchor="middle">
        {t.opening.histogramX}
      </text>
    </svg>
  );
}
