import { useId, useState } from 'react';
import { SelectField, TextField } from '../components/TextField';
import type { RequirementKind } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { cefrLevels, digitalAreas, digitalLevels, educationLevels } from '../levels';

/** The area select's value for a tool statement's own areas (`digitalServed`). */
const TOOL_AREAS = 'TOOL_AREAS' as const;
import { blankDraft, editableKinds, removeDraft, type RequirementDraft } from './requirementDraft';

/**
 * Every requirement of a job as editable rows: its kind, hard or soft, weight and what it
 * asks, beside the sentence it was read from. Used by the import preview (before saving) and
 * by an opening's edit mode (after saving). `errors` are keyed `requirements[i].field`, as the
 * server names them.
 */
export function RequirementEditor({
  drafts,
  onChange,
  errors,
}: {
  drafts: RequirementDraft[];
  onChange: (next: RequirementDraft[]) => void;
  errors: Record<string, string>;
}) {
  const t = useT();
  const [newKind, setNewKind] = useState<RequirementKind>('LANGUAGE');
  const update = (i: number, change: Partial<RequirementDraft>, edited = true) =>
    onChange(drafts.map((d, j) => (j === i ? { ...d, ...change, edited: d.edited || edited } : d)));
  return (
    <div className="requirement-editor">
      {drafts.length === 0 && <p className="muted">{t.opening.noRequirements}</p>}
      <ol className="requirement-rows">
        {drafts.map((d, i) => (
          <li key={d.key} className={d.partOf !== null ? 'requirement-row is-part' : 'requirement-row'}>
            <RequirementRow
              draft={d}
              index={i}
              parent={d.partOf !== null ? drafts[d.partOf] : undefined}
              errors={errors}
              onUpdate={(change, edited) => update(i, change, edited)}
              onRemove={() => onChange(removeDraft(drafts, i))}
            />
          </li>
        ))}
      </ol>
      <div className="requirement-add">
        <SelectField<RequirementKind>
          label={t.requirementEditor.newKind}
          value={newKind}
          onChange={setNewKind}
          options={editableKinds.map((k) => ({ value: k, label: t.requirementKinds[k] }))}
        />
        <button type="button" className="button-secondary" onClick={() => onChange([...drafts, blankDraft(newKind)])}>
          {t.requirementEditor.add}
        </button>
      </div>
    </div>
  );
}

function RequirementRow({
  draft: d,
  index,
  parent,
  errors,
  onUpdate,
  onRemove,
}: {
  draft: RequirementDraft;
  index: number;
  parent: RequirementDraft | undefined;
  errors: Record<string, string>;
  onUpdate: (change: Partial<RequirementDraft>, edited?: boolean) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const id = useId();
  const error = (field: string) => errors[`requirements[${index}].${field}`];
  const optional = { value: '' as const, label: t.common.none };
  // The server's reading names the row until the recruiter changes what it asks; then the
  // row says so and what it was, rather than a description that no longer holds.
  const heading = d.competence
    ? `${d.competence.code ? `${d.competence.code} ` : ''}${d.competence.title}`
    : d.kind === 'COMPETENCE'
      ? d.description
      : !d.description
      ? t.requirementEditor.newRequirement
      : d.edited
        ? t.requirementEditor.changed(t.requirementKinds[d.kind], d.description)
        : d.description;
  return (
    <fieldset aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>
        <span className="requirement-number">{index + 1}.</span> {heading}
        {parent && <span className="muted"> · {t.requirementEditor.partOf(parent.description || String(index))}</span>}
      </legend>
      {d.source && d.source !== d.description && <p className="requirement-source">„{d.source}“</p>}
      <div className="requirement-fields">
        {d.kind === 'COMPETENCE' ? (
          <p className="tag">{t.requirementKinds.COMPETENCE}</p>
        ) : (
          <SelectField<RequirementKind>
            label={t.requirementEditor.kind}
            value={d.kind}
            onChange={(kind) => onUpdate({ kind })}
            options={editableKinds.map((k) => ({ value: k, label: t.requirementKinds[k] }))}
          />
        )}
        <div className="field field-check">
          <input id={`${id}-hard`} type="checkbox" checked={d.hard} onChange={(e) => onUpdate({ hard: e.target.checked }, false)} />
          <label htmlFor={`${id}-hard`}>{t.requirementEditor.hard}</label>
        </div>
        <TextField
          label={t.requirementEditor.weight}
          value={d.weight}
          inputMode="decimal"
          className="field-narrow"
          error={error('weight')}
          onChange={(weight) => onUpdate({ weight }, false)}
        />
        {d.kind === 'LANGUAGE' && (
          <>
            <div className="field field-check">
              <input
                id={`${id}-any`}
                type="checkbox"
                checked={d.anyForeignLanguage}
                onChange={(e) => onUpdate({ anyForeignLanguage: e.target.checked })}
              />
              <label htmlFor={`${id}-any`}>{t.requirementEditor.anyForeign}</label>
            </div>
            {d.anyForeignLanguage ? (
              <TextField
                label={t.requirementEditor.languageCount}
                value={d.languageCount}
                inputMode="numeric"
                className="field-narrow"
                error={error('languageCount')}
                onChange={(languageCount) => onUpdate({ languageCount })}
              />
            ) : (
              <TextField
                label={t.requirementEditor.language}
                value={d.language}
                error={error('language')}
                onChange={(language) => onUpdate({ language })}
              />
            )}
            {(['minCefr', 'minSpoken', 'minWritten'] as const).map((field) => (
              <SelectField
                key={field}
                label={t.requirementEditor[field]}
                value={d[field]}
                error={error(field)}
                onChange={(value) => onUpdate({ [field]: value })}
                options={[optional, ...cefrLevels.map((l) => ({ value: l, label: l }))]}
              />
            ))}
            <TextField
              label={t.requirementEditor.preferredLanguages}
              value={d.preferredLanguages}
              error={error('preferredLanguages[0]')}
              onChange={(preferredLanguages) => onUpdate({ preferredLanguages })}
            />
          </>
        )}
        {d.kind === 'EDUCATION' && (
          <>
            {(['minEducation', 'preferredEducation'] as const).map((field) => (
              <SelectField
                key={field}
                label={t.requirementEditor[field]}
                value={d[field]}
                error={error(field)}
                onChange={(value) => onUpdate({ [field]: value })}
                options={[optional, ...educationLevels.map((l) => ({ value: l, label: t.educationLevels[l] }))]}
              />
            ))}
          </>
        )}
        {d.kind === 'EXPERIENCE' && (
          <>
            <TextField
              label={t.requirementEditor.minYears}
              hint={t.requirementEditor.minYearsHint}
              value={d.minYears}
              inputMode="decimal"
              className="field-narrow"
              error={error('minYears')}
              onChange={(minYears) => onUpdate({ minYears })}
            />
            <TextField
              label={t.requirementEditor.field}
              value={d.field}
              error={error('field')}
              onChange={(field) => onUpdate({ field })}
            />
          </>
        )}
        {d.kind === 'DIGITAL' && (
          <>
            <SelectField
              label={t.requirementEditor.minDigital}
              value={d.minDigital}
              error={error('minDigital')}
              onChange={(minDigital) => onUpdate({ minDigital })}
              options={[optional, ...digitalLevels.map((l) => ({ value: l, label: t.digitalLevels[l] }))]}
            />
            <SelectField
              label={t.requirementEditor.digitalArea}
              value={d.digitalArea === '' && d.digitalServed.length > 0 ? TOOL_AREAS : d.digitalArea}
              error={error('digitalArea')}
              onChange={(area) =>
                area === TOOL_AREAS
                  ? undefined
                  : onUpdate({ digitalArea: area, ...(area === '' ? { digitalServed: [] } : {}) })
              }
              options={[
                // A tool statement ("vilunud MS Office kasutaja") asks its level in the areas its
                // tools serve; choosing "all areas" or one area replaces that reading.
                ...(d.digitalServed.length > 0
                  ? [
                      {
                        value: TOOL_AREAS,
                        label: t.requirementEditor.toolAreas(d.digitalServed.map((a) => t.digitalAreas[a]).join(', ')),
                      },
                    ]
                  : []),
                { value: '' as const, label: t.requirementEditor.allAreas },
                ...digitalAreas.map((a) => ({ value: a, label: t.digitalAreas[a] })),
              ]}
            />
          </>
        )}
        {d.kind === 'QUALIFICATION' && (
          <TextField
            label={t.requirementEditor.qualification}
            value={d.qualification}
            error={error('qualification')}
            onChange={(qualification) => onUpdate({ qualification })}
          />
        )}
      </div>
      <button type="button" className="button-link" onClick={onRemove}>
        {t.requirementEditor.remove(index + 1)}
      </button>
    </fieldset>
  );
}
