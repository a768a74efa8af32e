import { Link } from 'react-router-dom';
import { PagedList } from '../components/PagedList';
import { SearchBox } from '../components/SearchBox';
import { useSearchParam } from '../components/useSearchParam';
import { graphql } from '../gql';
import { useLanguage } from '../i18n/LanguageContext';
import { useSession } from '../session/SessionContext';
import { candidateLabel } from './candidateLabel';
import { LanguageList } from './LanguageList';

const CandidatesDocument = graphql(`
  query Candidates($first: Int!, $after: String, $search: String) {
    candidates(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          educationLevel
          languages {
            language
            languageCode
            level
            native
          }
          competences {
            phrase
          }
          updatedAt
        }
      }
    }
  }
`);

const pageSize = 25;

/** Candidates, newest first; searching by name only for roles that may see names. */
export function CandidatesPage() {
  const { t } = useLanguage();
  const { me } = useSession();
  const [query, onSearch] = useSearchParam();
  const search = me.seesPersonalData ? query : '';
  return (
    <section aria-labelledby="candidates-title">
      <div className="page-head">
        <h1 id="candidates-title">{t.candidates.title}</h1>
        {me.canWrite && (
          <Link className="button" to="/candidates/new">
            {t.candidates.create}
          </Link>
        )}
      </div>
      {me.seesPersonalData ? (
        <SearchBox label={t.candidates.searchLabel} value={search} onSearch={onSearch} />
      ) : (
        <p className="hint">{t.candidates.searchHidden}</p>
      )}
      <PagedList
        resetKey={search}
        query={CandidatesDocument}
        variables={(after) => ({ first: pageSize, after, search: search || null })}
        connection={(data) => data.candidates}
        status={({ totalCount }) =>
          totalCount > 0 ? t.candidates.count(totalCount) : search ? t.common.nothingFound : t.candidates.empty
        }
      >
        {(candidates) => (
          <ul className="card-list">
            {candidates.edges.map(({ node }) => (
              <li key={node.id} className="card">
                <h2 className="card-title">
                  <Link to={`/candidates/${node.id}`}>{candidateLabel(node, t)}</Link>
                </h2>
                <p className="meta">
                  {node.educationLevel && <span>{t.educationLevels[node.educationLevel]}</span>}
                  {node.languages.length > 0 && (
                    <span>
                      <LanguageList languages={node.languages} />
                    </span>
                  )}
                  {node.competences.length > 0 && (
                    <span>
                      {t.candidate.competences}: {node.competences.length}
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
