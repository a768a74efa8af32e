import { useQuery } from 'urql';
import { useLanguage } from '../i18n/LanguageContext';
import type { CandidateProfileFragment } from '../gql/graphql';
import { MapPhraseDocument } from './CompetenceAutocomplete';

type Phrase = CandidateProfileFragment['competences'][number];

/**
 * What one of the candidate's phrases is tied to: a standard competence (stored with the
 * candidate), or else a job's competence group. `Candidate.competences` keeps only the best
 * standard competence, so for the others the server's own mapping (`mapPhrase`, the same
 * vocabulary the matching uses) tells whether a competence group took the phrase; only when
 * nothing did is it shown as unmapped.
 */
export function PhraseTarget({ phrase }: { phrase: Phrase }) {
  const { t, formatNumber } = useLanguage();
  const [{ data, error }] = useQuery({
    query: MapPhraseDocument,
    variables: { phrase: phrase.phrase },
    pause: phrase.competence != null,
  });
  if (phrase.competence) {
    return (
      <>
        {phrase.competence.code && <span className="code">{phrase.competence.code}</span>} {phrase.competence.title}
        {phrase.similarity != null && ` (${t.editor.similarity(formatNumber(phrase.similarity * 100))})`}
      </>
    );
  }
  if (!data) return error ? <>{t.candidate.unmapped}</> : <>{t.common.loading}</>;
  const group = data.mapPhrase.find((m) => m.competence == null);
  if (!group) return <>{t.candidate.unmapped}</>;
  return (
    <>
      {t.candidate.mappedToGroup(group.label)} ({t.editor.similarity(formatNumber(group.similarity * 100))})
    </>
  );
}
