import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import type { CandidateProfileFragment } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { useSession } from '../session/SessionContext';
import { CandidateFiles } from './CandidateFiles';
import { candidateLabel } from './candidateLabel';
import { CandidateOpenings } from './CandidateOpenings';
import { ExportCandidateButton, exportsCandidates } from './ExportCandidateButton';
import { LanguageList } from './LanguageList';
import { PhraseMappings } from './PhraseMappings';
import { CandidateApplications } from '../pipeline/CandidateApplications';

const CandidateDocument = graphql(`
  query Candidate($id: ID!) {
    candidate(id: $id) {
      ...CandidateProfile
      applications {
        id
        stage
        rejectionKind
        createdAt
        opening {
          id
          title
        }
      }
    }
  }
`);

/** A candidate's profile, the pipelines they are in, and how well they fit every opening. */
export function CandidatePage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useLanguage();
  const { me } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CandidateDocument, variables: { id } });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const c = data.candidate;
  if (!c) {
    return (
      <div className="empty">
        <p>{t.candidate.notFound}</p>
        <Link to="/candidates">{t.nav.candidates}</Link>
      </div>
    );
  }
  return (
    <div className="candidate-page">
      <p className="breadcrumb">
        <Link to="/candidates">{t.nav.candidates}</Link>
      </p>
      <div className="page-head">
        <h1>{candidateLabel(c, t)}</h1>
        <div className="page-actions">
          {me.canWrite && (
            <Link className="button" to={`/candidates/${c.id}/edit`}>
              {t.candidate.edit}
            </Link>
          )}
          {me.role === 'ADMIN' && (
            <Link className="button button-secondary" to={`/audit?candidate=${c.id}`}>
              {t.candidate.auditTrail}
            </Link>
          )}
          {exportsCandidates(me) && <ExportCandidateButton candidateId={c.id} />}
        </div>
      </div>
      <p className="meta">
        <span>{t.common.created(formatDate(c.createdAt))}</span>
        <span>{t.candidate.updated(formatDate(c.updatedAt))}</span>
      </p>
      <div className="candidate-columns">
        <Profile candidate={c} showPersonal={me.seesPersonalData} />
        <div className="candidate-side">
          <CandidateApplications applications={c.applications} />
          <CandidateOpenings candidateId={c.id} />
        </div>
      </div>
    </div>
  );
}

function Profile({ candidate: c, showPersonal }: { candidate: CandidateProfileFragment; showPersonal: boolean }) {
  const { t, formatNumber } = useLanguage();
  return (
    <section className="profile" aria-labelledby="profile-title">
      <h2 id="profile-title">{t.candidate.profile}</h2>
      <dl className="facts">
        {showPersonal && (c.email || c.phone) && (
          <>
            {c.email && (
              <>
                <dt>{t.candidate.email}</dt>
                <dd>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </dd>
              </>
            )}
            {c.phone && (
              <>
                <dt>{t.candidate.phone}</dt>
                <dd>
                  <a href={`tel:${c.phone}`}>{c.phone}</a>
                </dd>
              </>
            )}
          </>
        )}
        <dt>{t.candidate.education}</dt>
        <dd>
          {c.educationLevel ? t.educationLevels[c.educationLevel] : t.common.none}
          {c.educationText && c.educationLevel && c.educationText !== t.educationLevels[c.educationLevel] && (
            <span className="muted"> ({c.educationText})</span>
          )}
        </dd>
        <dt>{t.candidate.languages}</dt>
        <dd>{c.languages.length > 0 ? <LanguageList languages={c.languages} /> : t.common.none}</dd>
        <dt>{t.candidate.digital}</dt>
        <dd>
          {c.digital.length > 0 ? (
            <ul className="plain">
              {c.digital.map((d) => (
                <li key={d.area}>
                  {t.digitalAreas[d.area]}: {t.digitalLevels[d.level]}
                </li>
              ))}
            </ul>
          ) : (
            t.common.none
          )}
        </dd>
        <dt>{t.candidate.experience}</dt>
        <dd>
          {c.experience.length > 0 ? (
            <ul className="plain">
              {c.experience.map((e, i) => (
                <li key={i}>
                  {t.candidate.years(formatNumber(e.years, e.years % 1 === 0 ? 0 : 1))} · {e.description}
                </li>
              ))}
            </ul>
          ) : (
            t.common.none
          )}
        </dd>
        <dt>{t.candidate.competences}</dt>
        <dd>
          {c.competences.length > 0 ? (
            <ul className="plain">
              {c.competences.map((p, i) => (
                <li key={i}>
                  <PhraseMappings phrase={p} />
                </li>
              ))}
            </ul>
          ) : (
            t.common.none
          )}
        </dd>
        {c.qualifications.length > 0 && (
          <>
            <dt>{t.candidate.qualifications}</dt>
            <dd>
              <ul className="plain">
                {c.qualifications.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {showPersonal && <CandidateFiles candidateId={c.id} files={c.files} />}
      </dl>
    </section>
  );
}
