import { useEffect, useRef } from 'react';
import { graphql } from '../gql';
import type { DocumentPreviewFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { groupRequirements } from '../matching/matchMath';

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
      description
      source
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

/** What the server understood of the text, before anything is stored. */
export function DocumentPreview({
  preview,
  onSave,
  saving,
}: {
  preview: DocumentPreviewFieldsFragment;
  onSave: () => void;
  saving: boolean;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [preview]);
  const { hard, soft } = groupRequirements(preview.requirements);
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
      {preview.requirements.length > 0 && (
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
                            {r.description}
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
        <button type="button" onClick={onSave} disabled={saving}>
          {saving ? t.common.saving : t.import.save}
        </button>
      </div>
    </section>
  );
}
