import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n/LanguageContext';

/**
 * A search field that reports what was typed after a pause, so each keystroke is not a
 * request; Enter searches at once.
 */
export function SearchBox({
  label,
  value,
  onSearch,
  delayMs = 300,
}: {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  delayMs?: number;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, onSearch, delayMs]);
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t.common.search}</button>
      </div>
    </form>
  );
}
