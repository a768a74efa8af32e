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
  type ExperienceRow,
  type LanguageLevelChoice,
  type LanguageRow,
  type TextRow,
} from './candidateForm';
import { CompetenceAutocomplete } from './CompetenceAutocomplete';
import { EditableRows, type RowsProps } from './EditableRows';

type Errors = Record<string, string>;

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

export function ExperienceRows({ errors, ...rows }: RowsProps<ExperienceRow>) {
  const { t } = useLanguage();
  return (
    <EditableRows
      {...rows}
      legend={t.editor.experience}
      item={t.editor.experience}
      addLabel={t.editor.addExperience}
      grouped
      blank={() => ({ years: '', description: '' })}
      fields={(r, { autoFocus, update }) => (
        <>
          <TextField
            className="field-years"
            label={t.editor.years}
            inputMode="decimal"
            value={r.years}
            autoFocus={autoFocus}
            onChange={(years) => update({ years })}
            error={errors[`experience.${r.key}.years`]}
          />
          <TextField
            className="field-grow"
            label={t.editor.description}
            value={r.description}
            onChange={(description) => update({ description })}
            error={errors[`experience.${r.key}.description`]}
          />
        </>
      )}
    />
  );
}

export function LanguageRows({ errors, ...rows }: RowsProps<LanguageRow>) {
  const { t, language } = useLanguage();
  const listId = useId();
  const levelOptions: { value: LanguageLevelChoice; label: string }[] = [
    { value: '', label: '—' },
    ...cefrLevels.map((level) => ({ value: level, label: level })),
    { value: 'NATIVE', label: t.editor.nativeLevel },
  ];
  return (
    <EditableRows
      {...rows}
      legend={t.editor.languages}
      item={t.editor.language}
      addLabel={t.editor.addLanguage}
      grouped
      intro={
        <datalist id={listId}>
          {Object.values(languageNames).map((names) => (
            <option key={names.en} value={names[language]} />
          ))}
        </datalist>
      }
      blank={(): Omit<LanguageRow, 'key'> => ({ language: '', level: '' })}
      fields={(r, { autoFocus, update }) => (
        <>
          <TextField
            className="field-grow"
            label={t.editor.language}
            list={listId}
            value={r.language}
            autoFocus={autoFocus}
            onChange={(value) => update({ language: value })}
            error={errors[`languages.${r.key}.language`]}
          />
          <SelectField<LanguageLevelChoice>
            className="field-level"
            label={t.editor.level}
            value={r.level}
            options={levelOptions}
            onChange={(level) => update({ level })}
            error={errors[`languages.${r.key}.level`]}
          />
        </>
      )}
    />
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
  errors,
  ...rows
}: RowsProps<TextRow> & { kind: 'competences' | 'qualifications' }) {
  const { t } = useLanguage();
  const words =
    kind === 'competences'
      ? { legend: t.editor.competences, item: t.editor.competence, add: t.editor.addCompetence }
      : { legend: t.editor.qualifications, item: t.editor.qualification, add: t.editor.addQualification };
  return (
    <EditableRows
      {...rows}
      legend={words.legend}
      item={words.item}
      addLabel={words.add}
      intro={kind === 'competences' && <p className="hint">{t.editor.competencesHint}</p>}
      blank={() => ({ text: '' })}
      fields={(r, { rowName, autoFocus, update }) => {
        const error = errors[`${kind}.${r.key}`];
        return kind === 'competences' ? (
          <CompetenceAutocomplete
            label={rowName}
            value={r.text}
            onChange={(text) => update({ text })}
            error={error}
            autoFocus={autoFocus}
          />
        ) : (
          <TextField
            className="field-grow"
            label={rowName}
            value={r.text}
            autoFocus={autoFocus}
            onChange={(text) => update({ text })}
            error={error}
          />
        );
      }}
    />
  );
}
