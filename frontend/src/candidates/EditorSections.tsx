import { useId } from 'react';
import { SelectField, TextField } from '../components/TextField';
import type { DigitalArea, DigitalLevel, EducationLevel } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import {
  cefrLevels,
  digitalAreas,
  digitalLevels,
  educationLevels,
  languageNames,
  rowKey,
  type ExperienceRow,
  type LanguageLevelChoice,
  type LanguageRow,
  type TextRow,
} from './candidateForm';
import { CompetenceAutocomplete } from './CompetenceAutocomplete';

type Errors = Record<string, string>;

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="button-secondary row-remove" onClick={onClick}>
      {t.common.remove}
      <span className="visually-hidden">: {label}</span>
    </button>
  );
}

export function EducationSelect({
  value,
  onChange,
  error,
}: {
  value: EducationLevel | '';
  onChange: (value: EducationLevel | '') => void;
  error?: string;
}) {
  const { t } = useLanguage();
  return (
    <SelectField<EducationLevel | ''>
      label={t.editor.education}
      value={value}
      onChange={onChange}
      error={error}
      options={[
        { value: '', label: t.editor.noEducation },
        ...educationLevels.map((level) => ({ value: level, label: t.educationLevels[level] })),
      ]}
    />
  );
}

export function ExperienceRows({
  rows,
  onChange,
  errors,
  focusKey,
  onAdd,
}: {
  rows: ExperienceRow[];
  onChange: (rows: ExperienceRow[]) => void;
  errors: Errors;
  focusKey: string | null;
  onAdd: (key: string) => void;
}) {
  const { t } = useLanguage();
  const update = (key: string, patch: Partial<ExperienceRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="form-section">
      <legend>{t.editor.experience}</legend>
      {rows.map((r, i) => {
        const rowName = t.editor.rowLabel(t.editor.experience, i + 1);
        return (
          <div className="row" key={r.key} role="group" aria-label={rowName}>
            <TextField
              className="field-years"
              label={t.editor.years}
              inputMode="decimal"
              value={r.years}
              autoFocus={focusKey === r.key}
              onChange={(years) => update(r.key, { years })}
              error={errors[`experience.${r.key}.years`]}
            />
            <TextField
              className="field-grow"
              label={t.editor.description}
              value={r.description}
              onChange={(description) => update(r.key, { description })}
              error={errors[`experience.${r.key}.description`]}
            />
            <RemoveButton label={rowName} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
          </div>
        );
      })}
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const key = rowKey();
          onChange([...rows, { key, years: '', description: '' }]);
          onAdd(key);
        }}
      >
        {t.editor.addExperience}
      </button>
    </fieldset>
  );
}

export function LanguageRows({
  rows,
  onChange,
  errors,
  focusKey,
  onAdd,
}: {
  rows: LanguageRow[];
  onChange: (rows: LanguageRow[]) => void;
  errors: Errors;
  focusKey: string | null;
  onAdd: (key: string) => void;
}) {
  const { t, language } = useLanguage();
  const listId = useId();
  const update = (key: string, patch: Partial<LanguageRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const levelOptions: { value: LanguageLevelChoice; label: string }[] = [
    { value: '', label: '—' },
    ...cefrLevels.map((level) => ({ value: level, label: level })),
    { value: 'NATIVE', label: t.editor.nativeLevel },
  ];
  return (
    <fieldset className="form-section">
      <legend>{t.editor.languages}</legend>
      <datalist id={listId}>
        {Object.values(languageNames).map((names) => (
          <option key={names.en} value={names[language]} />
        ))}
      </datalist>
      {rows.map((r, i) => {
        const rowName = t.editor.rowLabel(t.editor.language, i + 1);
        return (
          <div className="row" key={r.key} role="group" aria-label={rowName}>
            <TextField
              className="field-grow"
              label={t.editor.language}
              list={listId}
              value={r.language}
              autoFocus={focusKey === r.key}
              onChange={(value) => update(r.key, { language: value })}
              error={errors[`languages.${r.key}.language`]}
            />
            <SelectField<LanguageLevelChoice>
              className="field-level"
              label={t.editor.level}
              value={r.level}
              options={levelOptions}
              onChange={(level) => update(r.key, { level })}
              error={errors[`languages.${r.key}.level`]}
            />
            <RemoveButton label={rowName} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
          </div>
        );
      })}
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const key = rowKey();
          onChange([...rows, { key, language: '', level: '' }]);
          onAdd(key);
        }}
      >
        {t.editor.addLanguage}
      </button>
    </fieldset>
  );
}

export function DigitalLevels({
  value,
  onChange,
  errors,
}: {
  value: Record<DigitalArea, DigitalLevel | ''>;
  onChange: (value: Record<DigitalArea, DigitalLevel | ''>) => void;
  errors: Errors;
}) {
  const { t } = useLanguage();
  const options: { value: DigitalLevel | ''; label: string }[] = [
    { value: '', label: t.editor.digitalNone },
    ...digitalLevels.map((level) => ({ value: level, label: t.digitalLevels[level] })),
  ];
  return (
    <fieldset className="form-section digital-grid">
      <legend>{t.editor.digital}</legend>
      {digitalAreas.map((area) => (
        <SelectField<DigitalLevel | ''>
          key={area}
          label={t.digitalAreas[area]}
          value={value[area]}
          options={options}
          onChange={(level) => onChange({ ...value, [area]: level })}
          error={errors[`digital.${area}.level`] ?? errors[`digital.${area}.area`]}
        />
      ))}
    </fieldset>
  );
}

/** Free-text rows: competence phrases (with suggestions) or qualification titles. */
export function TextRows({
  kind,
  rows,
  onChange,
  errors,
  focusKey,
  onAdd,
}: {
  kind: 'competences' | 'qualifications';
  rows: TextRow[];
  onChange: (rows: TextRow[]) => void;
  errors: Errors;
  focusKey: string | null;
  onAdd: (key: string) => void;
}) {
  const { t } = useLanguage();
  const words =
    kind === 'competences'
      ? { legend: t.editor.competences, item: t.editor.competence, add: t.editor.addCompetence }
      : { legend: t.editor.qualifications, item: t.editor.qualification, add: t.editor.addQualification };
  const update = (key: string, text: string) => onChange(rows.map((r) => (r.key === key ? { ...r, text } : r)));
  return (
    <fieldset className="form-section">
      <legend>{words.legend}</legend>
      {kind === 'competences' && <p className="hint">{t.editor.competencesHint}</p>}
      {rows.map((r, i) => {
        const rowName = t.editor.rowLabel(words.item, i + 1);
        const error = errors[`${kind}.${r.key}`];
        return (
          <div className="row" key={r.key}>
            {kind === 'competences' ? (
              <CompetenceAutocomplete
                label={rowName}
                value={r.text}
                onChange={(text) => update(r.key, text)}
                error={error}
                autoFocus={focusKey === r.key}
              />
            ) : (
              <TextField
                className="field-grow"
                label={rowName}
                value={r.text}
                autoFocus={focusKey === r.key}
                onChange={(text) => update(r.key, text)}
                error={error}
              />
            )}
            <RemoveButton label={rowName} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
          </div>
        );
      })}
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const key = rowKey();
          onChange([...rows, { key, text: '' }]);
          onAdd(key);
        }}
      >
        {words.add}
      </button>
    </fieldset>
  );
}
