import type { OpeningQuery } from '../gql/graphql';
import { described } from '../i18n/described';
import { useLanguage } from '../i18n/LanguageContext';
import { groupRequirements, type RequirementGroup } from '../matching/matchMath';

type Opening = NonNullable<OpeningQuery['opening']>;
type Requirement = Opening['requirements'][number];

/** Competence id → the osakutsed of the opening's standard that include it. */
function partialsByCompetence(opening: Opening): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const partial of opening.standard?.partialQualifications ?? []) {
    for (const c of partial.competences) out.set(c.id, [...(out.get(c.id) ?? []), partial.title]);
  }
  return out;
}

/** The opening's requirements: hard first, each side grouped by kind. */
export function RequirementList({ opening }: { opening: Opening }) {
  const { t } = useLanguage();
  const { hard, soft } = groupRequirements(opening.requirements);
  const partials = partialsByCompetence(opening);
  if (opening.requirements.length === 0) return <p>{t.opening.noRequirements}</p>;
  return (
    <div className="requirements">
      {hard.length > 0 && (
        <section aria-labelledby="hard-requirements">
          <h3 id="hard-requirements">{t.opening.hard}</h3>
          <p className="hint">{t.opening.hardHint}</p>
          <Groups groups={hard} partials={partials} />
        </section>
      )}
      {soft.length > 0 && (
        <section aria-labelledby="soft-requirements">
          <h3 id="soft-requirements">{t.opening.soft}</h3>
          <Groups groups={soft} partials={partials} />
        </section>
      )}
    </div>
  );
}

function Groups({
  groups,
  partials,
}: {
  groups: RequirementGroup<Requirement>[];
  partials: Map<string, string[]>;
}) {
  const { t, formatNumber, language } = useLanguage();
  return (
    <>
      {groups.map((g) => (
        <div key={g.kind} className="requirement-group">
          <h4>{t.requirementKinds[g.kind]}</h4>
          <ul>
            {g.items.map((r) => (
              <li key={r.id} className={r.parentId ? 'requirement is-part' : 'requirement'}>
                {r.competence ? (
                  <>
                    {r.competence.code && <span className="code">{r.competence.code}</span>}{' '}
                    {r.competence.title}
                    {(partials.get(r.competence.id) ?? []).map((title) => (
                      <span key={title} className="tag tag-partial">
                        {t.opening.osakutse(title)}
                      </span>
                    ))}
                    {r.description !== r.competence.title && (
                      <span className="requirement-note">{described(r, language)}</span>
                    )}
                  </>
                ) : (
                  described(r, language)
                )}
                <span className="muted"> · {t.opening.weight(formatNumber(r.weight, 1))}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
