import { Link } from 'react-router-dom';
import type { CandidateQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { StageBadge } from './StageBadge';
import { boardPath } from './stages';

type Applications = NonNullable<CandidateQuery['candidate']>['applications'];

/** The openings' pipelines a candidate is in: the opening, the stage, and the way to the board. */
export function CandidateApplications({ applications }: { applications: Applications }) {
  const { t, formatDate } = useLanguage();
  return (
    <section className="candidate-applications" aria-labelledby="candidate-applications-title">
      <h2 id="candidate-applications-title">{t.pipeline.candidate.title}</h2>
      {applications.length === 0 ? (
        <p>{t.pipeline.candidate.empty}</p>
      ) : (
        <ul className="application-list">
          {applications.map((a) => (
            <li key={a.id} data-testid="application">
              <Link to={boardPath(a.opening.id, a.id)} aria-label={t.pipeline.candidate.openBoard(a.opening.title)}>
                {a.opening.title}
              </Link>
              <StageBadge stage={a.stage} />
              {a.rejectionKind && <span className="muted">{t.pipeline.rejectionKinds[a.rejectionKind]}</span>}
              <span className="muted">{t.pipeline.candidate.since(formatDate(a.createdAt))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
