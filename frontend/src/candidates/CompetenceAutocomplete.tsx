import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { FieldError } from '../components/ErrorMessage';
import { graphql } from '../gql';
import type { MapPhraseQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { useDebounced } from './useDebounced';

export const MapPhraseDocument = graphql(`
  query MapPhrase($phrase: String!) {
    mapPhrase(phrase: $phrase) {
      label
      similarity
      concepts
      competence {
        id
        code
        title
      }
    }
  }
`);

type Mapping = MapPhraseQuery['mapPhrase'][number];

/** What choosing a suggestion writes into the field: the competence's own words. */
function phraseOf(m: Mapping): string {
  return m.competence?.title ?? m.label;
}

const minLength = 3;
const shownSuggestions = 5;

/**
 * A competence phrase with, while the user types, what the server would map it to: the
 * vocabulary entry, its standard competence, the similarity and the thesaurus concepts the
 * phrase shares with the entry (why "customer support" met an Estonian indicator). The suggestions come from the
 * server's canonical vocabulary (`mapPhrase`), asked after a pause in typing; choosing one
 * replaces the phrase with that competence's title. Keyboard: arrows move, Enter picks, Escape
 * closes (the combobox pattern).
 */
export function CompetenceAutocomplete({
  label,
  value,
  onChange,
  error,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  const { t, formatNumber } = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const phrase = useDebounced(value.trim(), 300);
  const [{ data, error: lookupError }] = useQuery({
    query: MapPhraseDocument,
    variables: { phrase },
    pause: phrase.length < minLength,
    requestPolicy: 'cache-first',
  });
  const suggestions = phrase.length >= minLength ? (data?.mapPhrase ?? []).slice(0, shownSuggestions) : [];
  const expanded = open && value.trim().length >= minLength && data !== undefined && phrase === value.trim();
  const listId = `${id}-list`;

  function choose(m: Mapping) {
    onChange(phraseOf(m));
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!expanded || suggestions.length === 0) {
      if (e.key === 'ArrowDown') setOpen(true);
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      const m = suggestions[active];
      if (m) choose(m);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const described = [error && `${id}-error`, expanded && `${id}-status`].filter(Boolean).join(' ');
  return (
    <div className="field autocomplete">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        role="combobox"
        autoComplete="off"
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-expanded={expanded && suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <FieldError id={`${id}-error`} message={error} />
      {lookupError && value.trim().length >= minLength && (
        <p className="hint">{lookupError.message}</p>
      )}
      <ul id={listId} role="listbox" aria-label={t.editor.suggestions} className="suggestions" hidden={!expanded || suggestions.length === 0}>
        {expanded &&
          suggestions.map((m, i) => (
            <li
              key={`${m.label}-${i}`}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              <span className="suggestion-competence">
                {m.competence ? (
                  <>
                    {m.competence.code && <span className="code">{m.competence.code}</span>} {m.competence.title}
                  </>
                ) : (
                  m.label
                )}
              </span>
              <span className="suggestion-meta">
                {m.competence && <span>{m.label}</span>}
                <span>{t.editor.similarity(formatNumber(m.similarity * 100))}</span>
                {m.concepts && m.concepts.length > 0 && <span>{t.editor.sharedConcepts(m.concepts.join(', '))}</span>}
              </span>
            </li>
          ))}
      </ul>
      {expanded && (
        <p id={`${id}-status`} className="visually-hidden" role="status">
          {suggestions.length === 0 ? t.editor.noSuggestion : `${t.editor.suggestions}: ${suggestions.length}`}
        </p>
      )}
      {expanded && suggestions.length === 0 && (
        <p className="hint" aria-hidden="true">
          {t.editor.noSuggestion}
        </p>
      )}
    </div>
  );
}
