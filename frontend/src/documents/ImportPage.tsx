import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { fieldErrorsOf, generalProblemsOf } from '../api/errors';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { SelectField } from '../components/TextField';
import { graphql } from '../gql';
import type {
  DocumentKind,
  DocumentPreviewFieldsFragment,
  ImportDocumentMutation,
  OpeningRequirementInput,
} from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { DocumentPreview } from './DocumentPreview';
import { ImportOutcome } from './ImportOutcome';

const PreviewDocumentDocument = graphql(`
  query PreviewDocument($text: String!, $kind: DocumentKind) {
    previewDocument(text: $text, kind: $kind) {
      ...DocumentPreviewFields
    }
  }
`);

const PreviewFileDocument = graphql(`
  mutation PreviewFile($file: Upload!, $kind: DocumentKind) {
    previewFile(file: $file, kind: $kind) {
      fileName
      format
      pages
      text
      document {
        ...DocumentPreviewFields
      }
    }
  }
`);

/** What the file picker and the drop zone take; the server reads the bytes, not the name. */
const acceptedFiles =
  '.txt,.pdf,.docx,.odt,.html,.htm,text/plain,text/html,application/pdf,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,' +
  'application/vnd.oasis.opendocument.text';

const ImportDocumentDocument = graphql(`
  mutation ImportDocument($text: String!, $kind: DocumentKind, $requirements: [OpeningRequirementInput!]) {
    importDocument(text: $text, kind: $kind, requirements: $requirements) {
      kind
      created
      warnings
      standard {
        id
        title
      }
      competence {
        id
        code
        title
        standardId
      }
      jobDescription {
        id
        title
      }
      opening {
        id
        title
      }
    }
  }
`);

export const documentKinds: DocumentKind[] = [
  'OCCUPATIONAL_STANDARD',
  'COMPETENCE',
  'JOB_DESCRIPTION',
  'JOB_ADVERTISEMENT',
];

type Step =
  | { step: 'edit' }
  | { step: 'preview'; preview: DocumentPreviewFieldsFragment }
  | { step: 'saved'; result: ImportDocumentMutation['importDocument'] };

/** Paste or upload → see what was understood → save. The text stays while the user looks. */
export function ImportPage() {
  const t = useT();
  const id = useId();
  const client = useClient();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [state, setState] = useState<Step>({ step: 'edit' });
  const [previewing, setPreviewing] = useState(false);
  // A new preview starts the corrections afresh.
  const [previewCount, setPreviewCount] = useState(0);
  const [error, setError] = useState<CombinedError | null>(null);
  const [localError, setLocalError] = useState<{ field: 'text' | 'file'; message: string } | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [readFrom, setReadFrom] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [{ fetching: saving }, importDocument] = useMutation(ImportDocumentDocument);

  const fieldErrors = fieldErrorsOf(error ?? undefined, t);
  // A requirement's field is shown beside it in the preview; the rest (the list as a whole,
  // an id) above the save button.
  const general = generalProblemsOf(
    error ?? undefined,
    t,
    (f) => f === 'text' || f === 'kind' || /^requirements\[\d+\]\.(?!id$|partOf$)/.test(f),
  );
  const textError = (localError?.field === 'text' ? localError.message : undefined) ?? fieldErrors.text;

  function edited(next: () => void) {
    next();
    setState({ step: 'edit' });
    setError(null);
    setLocalError(null);
  }

  /** The server reads the file (PDF, Word, ODT, web page, text in any of its encodings) and
   * answers with its text and the preview of it, so a dropped file lands where a paste would. */
  async function readFile(file: File) {
    setReading(file.name);
    setState({ step: 'edit' });
    setError(null);
    setLocalError(null);
    setReadFrom(null);
    const result = await client.mutation(PreviewFileDocument, { file, kind: kind || null }).toPromise();
    setReading(null);
    const read = result.data?.previewFile;
    if (read) {
      setText(read.text);
      setReadFrom(t.import.fileRead(read.fileName, t.import.formats[read.format], read.pages ?? null));
      setPreviewCount((n) => n + 1);
      setState({ step: 'preview', preview: read.document });
      return;
    }
    // A file that cannot be read is refused on `file`; a text read but not understood is
    // refused on `text` or `kind`, shown where a pasted text's refusal would be.
    const onFile = fieldErrorsOf(result.error, t).file;
    if (onFile || !result.error) setLocalError({ field: 'file', message: onFile ?? t.import.fileError(file.name) });
    else setError(result.error);
  }

  function dropped(e: DragEvent<HTMLElement>) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  }

  async function preview(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setLocalError({ field: 'text', message: t.import.textRequired });
      return;
    }
    setPreviewing(true);
    setError(null);
    setLocalError(null);
    const result = await client
      .query(PreviewDocumentDocument, { text, kind: kind || null }, { requestPolicy: 'network-only' })
      .toPromise();
    setPreviewing(false);
    if (result.error) setError(result.error);
    else if (result.data) {
      setPreviewCount((n) => n + 1);
      setState({ step: 'preview', preview: result.data.previewDocument });
    }
  }

  async function save(requirements: OpeningRequirementInput[] | null) {
    setError(null);
    const result = await importDocument({ text, kind: kind || null, requirements });
    if (result.error) setError(result.error);
    else if (result.data) setState({ step: 'saved', result: result.data.importDocument });
  }

  return (
    <section aria-labelledby="import-title" className="import-page">
      <h1 id="import-title">{t.import.title}</h1>
      <p>{t.import.intro}</p>
      <form onSubmit={preview} noValidate className="import-form">
        <div
          className={dragging ? 'field dropzone dropzone-active' : 'field dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={dropped}
          data-testid="import-dropzone"
        >
          <label htmlFor={`${id}-text`}>{t.import.text}</label>
          <p className="dropzone-hint">{reading ? t.import.readingFile(reading) : t.import.dropHint}</p>
          {readFrom && !reading && <p className="dropzone-read" role="status">{readFrom}</p>}
          <textarea
            id={`${id}-text`}
            rows={12}
            value={text}
            spellCheck={false}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? `${id}-text-error` : undefined}
            onChange={(e) => edited(() => {
              setText(e.target.value);
              setReadFrom(null);
            })}
          />
          <FieldError id={`${id}-text-error`} message={textError} />
        </div>
        <div className="import-options">
          <div className="field">
            <label htmlFor={`${id}-file`}>{t.import.file}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept={acceptedFiles}
              aria-describedby={localError?.field === 'file' ? `${id}-file-error` : undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readFile(file);
              }}
            />
            <FieldError id={`${id}-file-error`} message={localError?.field === 'file' ? localError.message : undefined} />
          </div>
          <SelectField<DocumentKind | ''>
            label={t.import.kind}
            value={kind}
            onChange={(value) => edited(() => setKind(value))}
            error={fieldErrors.kind}
            options={[
              { value: '', label: t.import.kindAuto },
              ...documentKinds.map((k) => ({ value: k, label: t.documentKinds[k] })),
            ]}
          />
        </div>
        {state.step !== 'preview' && <ErrorMessage problems={general} />}
        <div className="form-actions">
          <button type="submit" disabled={previewing} className={state.step === 'preview' ? 'button-secondary' : undefined}>
            {previewing ? t.import.previewing : t.import.preview}
          </button>
        </div>
      </form>
      {state.step === 'preview' && (
        <>
          <DocumentPreview key={previewCount} preview={state.preview} onSave={save} saving={saving} errors={fieldErrors} />
          <ErrorMessage problems={general} />
        </>
      )}
      {state.step === 'saved' && <ImportOutcome result={state.result} />}
    </section>
  );
}
