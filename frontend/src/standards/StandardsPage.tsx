import { Link } from 'react-router-dom';
import { PagedList } from '../components/PagedList';
import { SearchBox } from '../components/SearchBox';
import { useSearchParam } from '../components/useSearchParam';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';

const StandardsDocument = graphql(`
  query Standards($first: Int!, $after: String, $search: String) {
    standards(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          titleEn
          ekrLevel
          registryCode
          competences {
            id
          }
          partialQualifications {
            title
          }
        }
      }
    }
  }
`);

const pageSize = 20;

export function StandardsPage() {
  const t = useT();
  const [search, onSearch] = useSearchParam();
  return (
    <section aria-labelledby="standards-title">
      <h1 id="standards-title">{t.standards.title}</h1>
      <SearchBox label={t.standards.searchLabel} value={search} onSearch={onSearch} />
      <PagedList
        resetKey={search}
        query={StandardsDocument}
        variables={(after) => ({ first: pageSize, after, search: search || null })}
        connection={(data) => data.standards}
        status={({ totalCount }) =>
          totalCount > 0 ? t.standards.count(totalCount) : search ? t.common.nothingFound : t.standards.empty
        }
      >
        {(standards) => (
          <ul className="card-list">
            {standards.edges.map(({ node }) => (
              <li key={node.id} className="card">
                <h2 className="card-title">
                  <Link to={`/standards/${node.id}`}>{node.title}</Link>
                </h2>
                <p className="meta">
                  {node.ekrLevel != null && <span>{t.standards.ekr(node.ekrLevel)}</span>}
                  {node.registryCode && <span>{node.registryCode}</span>}
                  <span>
                    {t.standards.competences}: {node.competences.length}
                  </span>
                  {node.partialQualifications.length > 0 && (
                    <span>
                      {t.standards.partials}: {node.partialQualifications.length}
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
