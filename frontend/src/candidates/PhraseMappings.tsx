import { useId, useState } from 'react';
import type { CandidateProfileFragment } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import type { Messages } from '../i18n/messages';

type Phrase = CandidateProfileFragment['competences'][number];
type Mapping = Phrase['mappings'][number];

/**
 * The server labels an indicator or a knowledge item "B.2.6 tegevusnäitaja 9" (in Estonian,
 * whatever the reader's language); those two are put into the reader's words.
 */
const itemLabel = /^(.+) (tegevusnäitaja|teadmine) (\d+)$/;

/** One mapping in words: a job's competence group, a standard competence, or one of its items. */
export function MappingLabel({ mapping: m }: { mapping: Mapping }) {
  const { t } = useLanguage();
  if (!m.competence) return <>{t.candidate.mappedToGroup(m.label)}</>;
  const item = itemLabel.exec(m.label);
  if (item) {
    const [, code = '', kind, n = ''] = item;
    return (
      <>
        {kind === 'tegevusnäitaja' ? t.candidate.indicator(code, n) : t.candidate.knowledge(code, n)}
        {` (${m.competence.title})`}
      </>
    );
  }
  return (
    <>
      {m.competence.code && <span className="code">{m.competence.code}</span>} {m.competence.title}
    </>
  );
}

/**
 * A job's competence group is reached through its name and each of its items, all labelled
 * with the group's name: to a reader those are one entry, shown once at its best similarity
 * (the list comes best first).
 */
export function distinct(mappings: Mapping[]): Mapping[] {
  const seen = new Set<string>();
  return mappings.filter((m) => {
    const key = `${m.competence?.id ?? 'group'}\u0000${m.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function similarity(t: Messages, formatNumber: (v: number) => string, value: number) {
  return t.editor.similarity(formatNumber(value * 100));
}

/**
 * One of the candidate's phrases and what it was mapped to when written (`mappings`, best
 * first: what the ranking uses): the best entry with its similarity, and on request every
 * entry. A phrase stored before mappings were kept still shows its standard competence.
 */
export function PhraseMappings({ phrase }: { phrase: Phrase }) {
  const { t, formatNumber } = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const mappings = distinct(phrase.mappings);
  const [best, ...others] = mappings;
  if (!best) {
    return (
      <>
        {phrase.phrase}
        <span className="muted">
          {' → '}
          {phrase.competence ? (
            <>
              {phrase.competence.code && <span className="code">{phrase.competence.code}</span>} {phrase.competence.title}
              {phrase.similarity != null && ` (${similarity(t, formatNumber, phrase.similarity)})`}
            </>
          ) : (
            t.candidate.unmapped
          )}
        </span>
      </>
    );
  }
  return (
    <>
      <span id={`${id}-phrase`}>{phrase.phrase}</span>
      <span className="muted">
        {' → '}
        <MappingLabel mapping={best} /> ({similarity(t, formatNumber, best.similarity)})
      </span>
      {others.length > 0 && (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={`${id}-all`}
            // Which phrase's mappings: the buttons read alike.
            aria-describedby={`${id}-phrase`}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t.candidate.hideMappings : t.candidate.showMappings(mappings.length)}
          </button>
          <ol id={`${id}-all`} className="mappings" aria-label={t.candidate.mappingsOf(phrase.phrase)} hidden={!open}>
            {open &&
              mappings.map((m, i) => (
                <li key={i}>
                  <MappingLabel mapping={m} />
                  <span className="mapping-similarity">{similarity(t, formatNumber, m.similarity)}</span>
                </li>
              ))}
          </ol>
        </>
      )}
    </>
  );
}
