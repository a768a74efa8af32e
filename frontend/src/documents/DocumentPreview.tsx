import { useEffect, useRef, useState } from 'react';
import { graphql } from '../gql';
import type { DocumentPreviewFieldsFragment, OpeningRequirementInput } from '../gql/graphql';
import { described } from '../i18n/described';
import { useLanguage } from '../i18n/LanguageContext';
import { groupRequirements } from '../matching/matchMath';
import { RequirementEditor } from '../requirements/RequirementEditor';
import { checkDrafts, draftsFromPreview, toInput, type RequirementDraft } from '../requirements/requirementDraft';

export const DocumentPreviewFieldsFragmentDoc = graphql(`
  fragment DocumentPreviewFields on DocumentPreview {
    kind
    title
    taskCount
    competenceGroups
    warnings
    alreadyImported
    requirements {
      kind
      hard
      weight
      description
      descriptionEn: description(language: EN)
      source
      partOf
      language
      anyForeignLanguage
      languageCount
      preferredLanguages
      minCefr
      minSpoken
      minWritten
      digitalArea
      digitalServed
      minDigital
      minEducation
      preferredEducation
      minYears
      field
      qualification
    }
    competences {
      code
      title
      kind
      indicatorCount
      knowledgeCount
    }
  }
`);

const isJob = (kind: DocumentPreviewFieldsFragment['kind']) =>
  kind === 'JOB_DESCRIPTION' || kind === 'JOB_ADVERTISEMENT';

/**
 * What the server understood of the text, before anything is stored. A job's requirements
 * are editable: the recruiter corrects what was read, and saving sends the corrected list
 * (`onSave(list)`; `null` when nothing was changed, so the reading is stored as it is).
 */
export function DocumentPreview({
  preview,
  onSave,
  saving,
  errors,
}: {
  preview: DocumentPreviewFieldsFragment;
  onSave: (requirements: OpeningRequirementInput[] | null) => void;
  saving: boolean;
  errors: Record<string, string>;
}) {
  const { t, language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [preview]);
  const editable = isJob(preview.kind) && !preview.alreadyImported;
  const [drafts, setDrafts] = useState<RequirementDraft[]>(() => draftsFromPreview(preview.requirements, language));
  const [changed, setChanged] = useState(false);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const shownErrors = { ...errors, ...checked };
  const { hard, soft } = groupRequirements(preview.requirements);
  function save() {
    if (!editable || !changed) {
      onSave(null);
      return;
    }
    const problems = checkDrafts(drafts, t);
    setChecked(problems);
    if (Object.keys(problems).length === 0) onSave(toInput(drafts));
  }
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title" ref={heading} tabIndex={-1}>
        {t.import.previewTitle}
      </h2>
      <p className="preview-kind">
        <span className="tag">{t.documentKinds[preview.kind]}</span> <strong>{preview.title}</strong>
      </p>
      {preview.alreadyImported && <p className="notice">{t.import.alreadyImported}</p>}
      {preview.taskCount > 0 && <p>{t.import.taskCount(preview.taskCount)}</p>}
      {editable && (
        <>
          <h3>{t.import.requirements}</h3>
          <p className="hint">{t.requirementEditor.intro}</p>
          <RequirementEditor
            drafts={drafts}
            errors={shownErrors}
            onChange={(next) => {
              setDrafts(next);
              setChanged(true);
              setChecked({});
            }}
          />
          {changed && <p className="notice">{t.requirementEditor.edited}</p>}
          {Object.keys(checked).length > 0 && (
            <p className="error" role="alert">
              {t.requirementEditor.problems}
            </p>
          )}
        </>
      )}
      {!editable && preview.requirements.length > 0 && (
        <>
          <h3>{t.import.requirements}</h3>
          {[
            { title: t.opening.hard, groups: hard },
            { title: t.opening.soft, groups: soft },
          ].map(
            (side) =>
              side.groups.length > 0 && (
                <div key={side.title} className="requirement-side">
                  <h4>{side.title}</h4>
                  {side.groups.map((g) => (
                    <div key={g.kind} className="requirement-group">
                      <h5>{t.requirementKinds[g.kind]}</h5>
                      <ul>
                        {g.items.map((r, i) => (
                          <li key={i}>
                            {described(r, language)}
                            {r.source && r.source !== r.description && (
                              <span className="requirement-note">„{r.source}“</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              ),
          )}
        </>
      )}
      {preview.competences.length > 0 && (
        <>
          <h3>{t.import.competences}</h3>
          <ul className="competence-preview">
            {preview.competences.map((c, i) => (
              <li key={`${c.code ?? ''}-${i}`}>
                {c.code && <span className="code">{c.code}</span>} {c.title}{' '}
                <span className="tag">{t.competenceKinds[c.kind]}</span>
                <span className="muted"> · {t.import.competenceCounts(c.indicatorCount, c.knowledgeCount)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.competenceGroups.length > 0 && (
        <>
          <h3>{t.import.competenceGroups}</h3>
          <p>{preview.competenceGroups.join(', ')}</p>
        </>
      )}
      {preview.warnings.length > 0 && (
        <div className="warnings">
          <h3>{t.import.warnings}</h3>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={save} disabled={saving}>
          {saving ? t.common.saving : t.import.save}
        </button>
      </div>
    </section>
  );
}
