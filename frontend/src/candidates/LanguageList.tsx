import { useLanguage } from '../i18n/LanguageContext';
import { languageNames } from './candidateForm';

/** "eesti emakeel, inglise C1": the language in the UI's words where known. */
export function LanguageList({
  languages,
}: {
  languages: readonly { language: string; languageCode: string; level: string; native: boolean }[];
}) {
  const { t, language } = useLanguage();
  return (
    <>
      {languages
        .map((l) => `${languageNames[l.languageCode]?.[language] ?? l.language} ${l.native ? t.candidate.native : l.level}`)
        .join(', ')}
    </>
  );
}
