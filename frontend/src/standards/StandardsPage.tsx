import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { LoadMore, usePageCursors } from '../components/PagedList';
import { SearchBox } from '../components/SearchBox';
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
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const onSearch = useCallback((q: string) => setParams(q ? { q } : {}, { replace: true }), [setParams]);
  const { cursors, loadMore } = usePageCursors(search);
  return (
    <section aria-labelledby="standards-title">
      <h1 id="standards-title">{t.standards.title}</h1>
      <SearchBox label={t.standards.searchLabel} value={search} onSearch={onSearch} />
      {cursors.map((after, i) => (
        <StandardsPageOfList
          key={after ?? 'first'}
          after={after}
          search={search}
          first={i === 0}
          last={i === cursors.length - 1}
          onLoadMore={loadMore}
        />
      ))}
    </section>
  );
}

function StandardsPageOfList({
  after,
  search,
  first,
  last,
  onLoadMore,
}: {
  after: string | null;
  search: string;
  first: boolean;
  last: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const t = useT();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: StandardsDocument,
    variables: { first: pageSize, after, search: search || null },
  });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const { standards } = data;
  return (
    <>
      {first && (
        <p className="count" role="status">
          {standards.totalCount > 0
            ? t.standards.count(standards.totalCount)
            : search
              ? t.common.nothingFound
              : t.standards.empty}
        </p>
      )}
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
      {last && (
        <LoadMore
          endCursor={standards.pageInfo.endCursor}
          hasNextPage={standards.pageInfo.hasNextPage}
          onLoadMore={onLoadMore}
          label={t.common.loadMore}
        />
      )}
    </>
  );
}
