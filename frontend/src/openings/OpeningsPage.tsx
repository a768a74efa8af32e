import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { LoadMore, usePageCursors } from '../components/PagedList';
import { SearchBox } from '../components/SearchBox';
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
  const { t } = useLanguage();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const onSearch = useCallback(
    (q: string) => setParams(q ? { q } : {}, { replace: true }),
    [setParams],
  );
  const { cursors, loadMore } = usePageCursors(search);
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
      {cursors.map((after, i) => (
        <OpeningsPageOfList
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

function OpeningsPageOfList({
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
  const { t, formatDate } = useLanguage();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OpeningsDocument,
    variables: { first: pageSize, after, search: search || null },
  });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const { openings } = data;
  return (
    <>
      {first && (
        <p className="count" role="status">
          {openings.totalCount > 0
            ? t.openings.count(openings.totalCount)
            : search
              ? t.common.nothingFound
              : t.openings.empty}
        </p>
      )}
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
      {last && (
        <LoadMore
          endCursor={openings.pageInfo.endCursor}
          hasNextPage={openings.pageInfo.hasNextPage}
          onLoadMore={onLoadMore}
          label={t.common.loadMore}
        />
      )}
    </>
  );
}
