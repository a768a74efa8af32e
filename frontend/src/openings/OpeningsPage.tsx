import { Link } from 'react-router-dom';
import { PagedList } from '../components/PagedList';
import { SearchBox } from '../components/SearchBox';
import { useSearchParam } from '../components/useSearchParam';
import { graphql } from '../gql';
import { useLanguage } from '../i18n/LanguageContext';
import { useSession } from '../session/SessionContext';

const OpeningsDocument = graphql(`
  query Openings($first: Int!, $after: String, $search: String) {
    openings(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          createdAt
          standard {
            id
            title
          }
          partialQualification {
            title
          }
          jobDescription {
            id
            kind
            organization
          }
          requirements {
            id
          }
        }
      }
    }
  }
`);

const pageSize = 20;

export function OpeningsPage() {
  const { t, formatDate } = useLanguage();
  const { me } = useSession();
  const [search, onSearch] = useSearchParam();
  return (
    <section aria-labelledby="openings-title">
      <div className="page-head">
        <h1 id="openings-title">{t.openings.title}</h1>
        {me.canWrite && (
          <Link className="button" to="/openings/new">
            {t.openings.create}
          </Link>
        )}
      </div>
      <SearchBox label={t.openings.searchLabel} value={search} onSearch={onSearch} />
      <PagedList
        resetKey={search}
        query={OpeningsDocument}
        variables={(after) => ({ first: pageSize, after, search: search || null })}
        connection={(data) => data.openings}
        status={({ totalCount }) =>
          totalCount > 0 ? t.openings.count(totalCount) : search ? t.common.nothingFound : t.openings.empty
        }
      >
        {(openings) => (
          <ul className="card-list">
            {openings.edges.map(({ node }) => (
              <li key={node.id} className="card">
                <h2 className="card-title">
                  <Link to={`/openings/${node.id}`}>{node.title}</Link>
                </h2>
                <p className="meta">
                  {node.standard && (
                    <span>
                      {t.openings.fromStandard}: {node.standard.title}
                      {node.partialQualification && ` · ${t.opening.osakutse(node.partialQualification.title)}`}
                    </span>
                  )}
                  {node.jobDescription && (
                    <span>
                      {t.documentKinds[node.jobDescription.kind]}
                      {node.jobDescription.organization && ` · ${node.jobDescription.organization}`}
                    </span>
                  )}
                  <span>{t.openings.requirementsCount(node.requirements.length)}</span>
                  <span>{t.common.created(formatDate(node.createdAt))}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
