import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { problemsOf, type ApiProblem } from '../api/errors';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { graphql } from '../gql';
import type { CandidateInput } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { useSession } from '../session/SessionContext';
import { formPathOf, inputFromForm, type CandidateFormState, type RowIndex } from './candidateForm';
import { DigitalLevels, EducationSelect, ExperienceRows, LanguageRows, TextRows } from './EditorSections';

const CreateCandidateDocument = graphql(`
  mutation CreateCandidate($input: CandidateInput!, $cvFile: Upload) {
    createCandidate(input: $input, cvFile: $cvFile) {
      ...CandidateProfile
    }
  }
`);

const UpdateCandidateDocument = graphql(`
  mutation UpdateCandidate($id: ID!, $input: CandidateInput!) {
    updateCandidate(id: $id, input: $input) {
      ...CandidateProfile
    }
  }
`);

/** Paths the form shows next to an input; other problems are listed above the buttons. */
const scalarFields = ['name', 'email', 'phone', 'education'];
function shownOnForm(path: string): boolean {
  return scalarFields.includes(path) || /^(experience|languages|digital|competences|qualifications)\./.test(path);
}

function splitProblems(error: CombinedError, rows: RowIndex, t: ReturnType<typeof useT>) {
  const fields: Record<string, string> = {};
  const general: ApiProblem[] = [];
  for (const p of problemsOf(error, t)) {
    if (p.code === 'BAD_USER_INPUT' && p.field) {
      const serverPath = p.field.replace(/^input\./, '');
      const path = formPathOf(serverPath, rows);
      if (shownOnForm(path)) {
        const prefix = `${p.field}: `;
        fields[path] = p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
        continue;
      }
    }
    general.push(p);
  }
  return { fields, general };
}

/**
 * Create or edit a candidate. What the user typed stays in the form whatever the server says;
 * its errors appear beside the field they name.
 */
export function CandidateForm({
  candidateId,
  initial,
  cvFile = null,
  onSaved,
  onCancel,
}: {
  candidateId: string | null;
  initial: CandidateFormState;
  /** A CV file to keep with a new candidate (the recruiter chose to). */
  cvFile?: File | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { me } = useSession();
  const [form, setForm] = useState(initial);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiProblem[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // After a refused save, keyboard and screen-reader users land on the first field to fix.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  const [{ fetching: creating }, create] = useMutation(CreateCandidateDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateCandidateDocument);
  const saving = creating || updating;
  const set = <K extends keyof CandidateFormState>(key: K, value: CandidateFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const rowsOf = <K extends 'languages' | 'experience' | 'competences' | 'qualifications'>(key: K) => ({
    rows: form[key],
    onChange: (rows: CandidateFormState[K]) => set(key, rows),
    errors: fieldErrors,
    focusKey,
    onAdd: setFocusKey,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const converted = inputFromForm(form);
    if (!converted.ok) {
      setFieldErrors(Object.fromEntries(Object.keys(converted.errors).map((path) => [path, t.editor.yearsInvalid])));
      setGeneral([{ code: null, field: null, message: t.editor.fixErrors }]);
      setAttempt((n) => n + 1);
      return;
    }
    const input: CandidateInput = converted.input;
    const result = candidateId ? await update({ id: candidateId, input }) : await create({ input, cvFile });
    if (result.error) {
      const { fields, general: rest } = splitProblems(result.error, converted.rows, t);
      setFieldErrors(fields);
      setGeneral(Object.keys(fields).length > 0 ? [{ code: null, field: null, message: t.editor.fixErrors }, ...rest] : rest);
      setAttempt((n) => n + 1);
      return;
    }
    const saved = result.data && ('createCandidate' in result.data ? result.data.createCandidate : result.data.updateCandidate);
    if (saved) onSaved(saved.id);
  }

  return (
    <form className="candidate-form" onSubmit={submit} noValidate ref={formRef}>
      {me.seesPersonalData && (
        <fieldset className="form-section personal-grid">
          <legend>{t.editor.personal}</legend>
          <TextField
            label={t.editor.name}
            value={form.name}
            required
            autoComplete="off"
            onChange={(v) => set('name', v)}
            error={fieldErrors.name}
          />
          <TextField
            label={t.editor.email}
            type="email"
            autoComplete="off"
            value={form.email}
            onChange={(v) => set('email', v)}
            error={fieldErrors.email}
          />
          <TextField
            label={t.editor.phone}
            type="tel"
            autoComplete="off"
            value={form.phone}
            onChange={(v) => set('phone', v)}
            error={fieldErrors.phone}
          />
        </fieldset>
      )}
      <div className="form-section">
        <EducationSelect value={form.education} onChange={(v) => set('education', v)} error={fieldErrors.education} />
      </div>
      <LanguageRows {...rowsOf('languages')} />
      <DigitalLevels value={form.digital} onChange={(v) => set('digital', v)} errors={fieldErrors} />
      <ExperienceRows {...rowsOf('experience')} />
      <TextRows kind="competences" {...rowsOf('competences')} />
      <TextRows kind="qualifications" {...rowsOf('qualifications')} />
      <ErrorMessage problems={general} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
