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
  const [params, setParams] = useSearchParams();
  const search = me.seesPersonalData ? (params.get('q') ?? '') : '';
  const onSearch = useCallback((q: string) => setParams(q ? { q } : {}, { replace: true }), [setParams]);
  const { cursors, loadMore } = usePageCursors(search);
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
      {cursors.map((after, i) => (
        <CandidatesPageOfList
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

function CandidatesPageOfList({
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
  const { t } = useLanguage();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CandidatesDocument,
    variables: { first: pageSize, after, search: search || null },
  });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  const { candidates } = data;
  return (
    <>
      {first && (
        <p className="count" role="status">
          {candidates.totalCount > 0
            ? t.candidates.count(candidates.totalCount)
            : search
              ? t.common.nothingFound
              : t.candidates.empty}
        </p>
      )}
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
      {last && (
        <LoadMore
          endCursor={candidates.pageInfo.endCursor}
          hasNextPage={candidates.pageInfo.hasNextPage}
          onLoadMore={onLoadMore}
          label={t.common.loadMore}
        />
      )}
    </>
  );
}
