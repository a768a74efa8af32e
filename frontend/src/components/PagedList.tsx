import { useCallback, useState, type ReactNode } from 'react';
import { useQuery, type AnyVariables, type DocumentInput, type RequestPolicy, type UseQueryArgs } from 'urql';
import { useT } from '../i18n/LanguageContext';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

/**
 * Relay-style "show more": one entry per loaded page, each its own query from its cursor (the
 * first page from null). Pages render themselves; only the last one offers the next cursor.
 */
function usePageCursors(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key: resetKey,
    cursors: [null],
  });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const loadMore = useCallback(
    (cursor: string) =>
      setState((s) => ({
        key: resetKey,
        cursors: [...(s.key === resetKey ? s.cursors : [null]), cursor],
      })),
    [resetKey],
  );
  return { cursors, loadMore };
}

function LoadMore({
  endCursor,
  hasNextPage,
  onLoadMore,
  label,
}: {
  endCursor: string | null | undefined;
  hasNextPage: boolean;
  onLoadMore: (cursor: string) => void;
  label: string;
}): ReactNode {
  if (!hasNextPage || !endCursor) return null;
  return (
    <button type="button" className="button-secondary load-more" onClick={() => onLoadMore(endCursor)}>
      {label}
    </button>
  );
}

/** The part of a Relay connection that paging needs. */
export interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface PagedListProps<Data, Variables extends AnyVariables, List extends Connection> {
  /** A new value starts again from the first page. */
  resetKey: string;
  query: DocumentInput<Data, Variables>;
  /** The query's variables for the page starting after `after`. */
  variables: (after: string | null) => Variables;
  /** The connection inside the query's data. */
  connection: (data: Data) => List;
  /** Shown above the first page as the list's live count line. */
  status?: (list: List) => ReactNode;
  /** One page's items; `index` counts pages from 0. */
  children: (list: List, page: { index: number }) => ReactNode;
  /** E.g. 'cache-and-network' when the list is shown again because it changed on the server. */
  requestPolicy?: RequestPolicy;
}

/**
 * A list loaded page by page with "show more": each page runs `query` from its cursor and shows
 * loading, an error with retry, or its items; the last page offers the next one.
 */
export function PagedList<Data, Variables extends AnyVariables, List extends Connection>(
  props: PagedListProps<Data, Variables, List>,
) {
  const { cursors, loadMore } = usePageCursors(props.resetKey);
  return cursors.map((after, i) => (
    <ListPage
      key={after ?? 'first'}
      {...props}
      after={after}
      index={i}
      last={i === cursors.length - 1}
      onLoadMore={loadMore}
    />
  ));
}

function ListPage<Data, Variables extends AnyVariables, List extends Connection>({
  query,
  variables,
  connection,
  status,
  children,
  requestPolicy,
  after,
  index,
  last,
  onLoadMore,
}: PagedListProps<Data, Variables, List> & {
  after: string | null;
  index: number;
  last: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const t = useT();
  const vars = variables(after);
  const [{ data, fetching, error, operation }, reexecute] = useQuery<Data, Variables>({
    query,
    variables: vars,
    requestPolicy,
  } as UseQueryArgs<Variables, Data>);
  // While other variables load (a new filter), the list of the old ones is not shown as if
  // it were the answer.
  const current = !operation || JSON.stringify(operation.variables) === JSON.stringify(vars);
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data || !current) return fetching || !current ? <Loading /> : null;
  const list = connection(data);
  return (
    <>
      {index === 0 && status && (
        <p className="count" role="status">
          {status(list)}
        </p>
      )}
      {children(list, { index })}
      {last && (
        <LoadMore
          endCursor={list.pageInfo.endCursor}
          hasNextPage={list.pageInfo.hasNextPage}
          onLoadMore={onLoadMore}
          label={t.common.loadMore}
        />
      )}
    </>
  );
}
