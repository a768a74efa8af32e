import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrorsOf, generalProblemsOf } from '../api/errors';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { graphql } from '../gql';
import type { OpeningQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/LanguageContext';
import { RequirementEditor } from '../requirements/RequirementEditor';
import { checkDrafts, draftsFromRequirements, toInput } from '../requirements/requirementDraft';

const UpdateOpeningDocument = graphql(`
  mutation UpdateOpening($id: ID!, $input: OpeningUpdateInput!) {
    updateOpening(id: $id, input: $input) {
      id
      title
      updatedAt
    }
  }
`);

type Opening = NonNullable<OpeningQuery['opening']>;

/**
 * The opening's edit mode: its title and its whole list of requirements, each field checked
 * beside it (in the browser first, then by the server). Saving is one `updateOpening`: the
 * ranking follows at once.
 */
export function OpeningEditor({ opening, onDone }: { opening: Opening; onDone: (saved: boolean) => void }) {
  const { t, language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [title, setTitle] = useState(opening.title);
  const [drafts, setDrafts] = useState(() => draftsFromRequirements(opening.requirements, language));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [{ fetching, error }, update] = useMutation(UpdateOpeningDocument);
  const serverErrors = fieldErrorsOf(error, t);
  const errors = { ...serverErrors, ...checked };
  const general = generalProblemsOf(error, t, (f) => f === 'title' || /^requirements\[\d+\]\.(?!id$|partOf$)/.test(f));

  async function save(e: FormEvent) {
    e.preventDefault();
    const problems = checkDrafts(drafts, t);
    if (!title.trim()) problems.title = t.requirementEditor.titleRequired;
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    const input = {
      ...(title.trim() !== opening.title ? { title: title.trim() } : {}),
      requirements: toInput(drafts),
    };
    const result = await update({ id: opening.id, input }, { additionalTypenames: ['Match', 'MatchConnection'] });
    if (!result.error) onDone(true);
  }

  return (
    <form className="opening-editor" onSubmit={save} noValidate aria-labelledby="opening-edit-title">
      <h2 id="opening-edit-title" ref={heading} tabIndex={-1}>
        {t.opening.editTitle}
      </h2>
      <TextField label={t.opening.title} value={title} error={errors.title} onChange={setTitle} />
      <h3>{t.opening.requirements}</h3>
      <RequirementEditor
        drafts={drafts}
        errors={errors}
        onChange={(next) => {
          setDrafts(next);
          setChecked({});
        }}
      />
      {Object.keys(checked).length > 0 && (
        <p className="error" role="alert">
          {t.requirementEditor.problems}
        </p>
      )}
      <ErrorMessage problems={general} />
      <div className="form-actions">
        <button type="submit" disabled={fetching}>
          {fetching ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(false)}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
