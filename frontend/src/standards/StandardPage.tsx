import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import type { StandardQuery } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { useSession } from '../session/SessionContext';

const StandardDocument = graphql(`
  query Standard($id: ID!) {
    standard(id: $id) {
      id
      title
      titleEn
      ekrLevel
      registryCode
      competences {
        id
        code
        title
        kind
        ecfCodes
        indicators
        knowledge
      }
      partialQualifications {
        title
        competences {
          id
          code
          title
        }
      }
    }
  }
`);

type Competence = NonNullable<StandardQuery['standard']>['competences'][number];

/** One standard: its competences with indicators and knowledge, and its osakutsed. */
export function StandardPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { me } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StandardDocument, variables: { id } });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const s = data.standard;
  if (!s) {
    return (
      <div className="empty">
        <p>{t.standards.notFound}</p>
        <Link to="/standards">{t.nav.standards}</Link>
      </div>
    );
  }
  return (
    <div className="standard-page">
      <p className="breadcrumb">
        <Link to="/standards">{t.nav.standards}</Link>
      </p>
      <div className="page-head">
        <h1>{s.title}</h1>
        {me.canWrite && (
          <Link className="button" to={`/openings/new?standard=${s.id}`}>
            {t.standards.createOpening}
          </Link>
        )}
      </div>
      <p className="meta">
        {s.titleEn && <span lang="en">{s.titleEn}</span>}
        {s.ekrLevel != null && <span>{t.standards.ekr(s.ekrLevel)}</span>}
        {s.registryCode && <span>{s.registryCode}</span>}
      </p>
      <section aria-labelledby="partials-title">
        <h2 id="partials-title">{t.standards.partials}</h2>
        {s.partialQualifications.length === 0 ? (
          <p>{t.standards.noPartials}</p>
        ) : (
          <ul className="card-list">
            {s.partialQualifications.map((p) => (
              <li key={p.title} className="card">
                <div className="page-head">
                  <h3 className="card-title">{p.title}</h3>
                  {me.canWrite && (
                    <Link
                      className="button button-secondary"
                      to={`/openings/new?standard=${s.id}&partial=${encodeURIComponent(p.title)}`}
                    >
                      {t.standards.createFromPartial}
                      <span className="visually-hidden">: {p.title}</span>
                    </Link>
                  )}
                </div>
                <p className="meta">
                  {p.competences.map((c) => (
                    <span key={c.id} title={c.title}>
                      <span className="code">{c.code ?? c.title}</span>
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="competences-title">
        <h2 id="competences-title">{t.standards.competences}</h2>
        <ul className="competence-list">
          {s.competences.map((c) => (
            <CompetenceItem key={c.id} competence={c} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function CompetenceItem({ competence: c }: { competence: Competence }) {
  const t = useT();
  return (
    <li className="card">
      <h3 className="card-title">
        {c.code && <span className="code">{c.code}</span>} {c.title}
      </h3>
      <p className="meta">
        <span className="tag">{t.competenceKinds[c.kind]}</span>
        {c.ecfCodes.length > 0 && <span>{t.standards.ecf(c.ecfCodes.join(', '))}</span>}
      </p>
      {c.indicators.length > 0 && (
        <details>
          <summary>{t.standards.indicators(c.indicators.length)}</summary>
          <ol>
            {c.indicators.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ol>
        </details>
      )}
      {c.knowledge.length > 0 && (
        <details>
          <summary>{t.standards.knowledge(c.knowledge.length)}</summary>
          <ul>
            {c.knowledge.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
