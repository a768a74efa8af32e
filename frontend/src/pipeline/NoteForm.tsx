import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrorsOf, generalProblemsOf } from '../api/errors';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { useT } from '../i18n/LanguageContext';
import { AddNoteDocument } from './operations';
import { maxTextLength } from './stages';

/**
 * A new note on an application: checked like the server checks it (some text, at most 4,000
 * characters), the server's own complaint beside the field, the text kept on failure.
 */
export function NoteForm({ applicationId, onAdded }: { applicationId: string; onAdded: () => void }) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [{ fetching, error }, add] = useMutation(AddNoteDocument);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    const trimmed = text.trim();
    const length = [...trimmed].length;
    const local = !trimmed ? t.pipeline.panel.noteRequired : length > maxTextLength ? t.pipeline.panel.noteTooLong(length) : undefined;
    setProblem(local);
    if (local) {
      field.current?.focus();
      return;
    }
    const result = await add({ applicationId, text: trimmed });
    if (result.error) {
      const mine = fieldErrorsOf(result.error, t).text;
      setProblem(mine);
      if (mine) field.current?.focus();
      return;
    }
    setText('');
    setStatus(t.pipeline.panel.noteAdded);
    onAdded();
  }

  const general = generalProblemsOf(error, t, (path) => path === 'text');
  return (
    <form className="note-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t.pipeline.panel.newNote}</label>
        <textarea
          id={`${id}-text`}
          ref={field}
          rows={3}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(undefined);
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          {t.pipeline.panel.noteHint}
        </p>
        <FieldError id={`${id}-error`} message={problem} />
      </div>
      <ErrorMessage problems={general} />
      <button type="submit" disabled={fetching}>
        {fetching ? t.pipeline.panel.addingNote : t.pipeline.panel.addNote}
      </button>
      <p className="hint" role="status">
        {status}
      </p>
    </form>
  );
}
