import { useT } from '../i18n/LanguageContext';

/** Whether every hard requirement is met; shape and words, not colour alone. */
export function QualifiedBadge({ qualified }: { qualified: boolean }) {
  const t = useT();
  return qualified ? (
    <span className="badge badge-qualified">
      <span aria-hidden="true">✓ </span>
      {t.match.qualified}
    </span>
  ) : (
    <span className="badge badge-unqualified">
      <span aria-hidden="true">✕ </span>
      {t.match.notQualified}
    </span>
  );
}
