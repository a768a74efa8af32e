import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The list search kept in the URL's `?q=` (links, back button), and the way to change it. */
export function useSearchParam(): [search: string, onSearch: (q: string) => void] {
  const [params, setParams] = useSearchParams();
  const onSearch = useCallback((q: string) => setParams(q ? { q } : {}, { replace: true }), [setParams]);
  return [params.get('q') ?? '', onSearch];
}
