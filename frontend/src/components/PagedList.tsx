import { useCallback, useState, type ReactNode } from 'react';

/**
 * Relay-style "show more": one entry per loaded page, each its own query from its cursor (the
 * first page from null). Pages render themselves; only the last one offers the next cursor.
 */
export function usePageCursors(resetKey: string) {
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

export function LoadMore({
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
