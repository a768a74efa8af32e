import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { fieldErrorsOf } from '../api/errors';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import { useLanguage } from '../i18n/LanguageContext';
import { CandidateForm } from './CandidateForm';
import { emptyForm, formFromCandidate } from './candidateForm';

const EditCandidateDocument = graphql(`
  query EditCandidate($id: ID!) {
    candidate(id: $id) {
      ...CandidateProfile
    }
  }
`);

const PreviewCandidateFileDocument = graphql(`
  mutation PreviewCandidateFile($file: Upload!) {
    previewCandidateFile(file: $file) {
      fileName
      name
      email
      phone
      educationLevel
      educationText
      experience {
        years
        description
      }
      languages {
        language
        languageCode
        level
        native
      }
      digital {
        area
        level
      }
      competences {
        phrase
      }
      qualifications {
        phrase
      }
      sources {
        field
        confidence
      }
    }
  }
`);

/** A new candidate, typed in or filled in from a CV file the server reads (nothing is stored
 * until the recruiter saves the checked form). */
export function NewCandidatePage() {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const client = useClient();
  const [initial, setInitial] = useState(emptyForm);
  const [filled, setFilled] = useState(0);
  const [reading, setReading] = useState<string | null>(null);
  const [note, setNote] = useState<{ read: string; unsure: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [cvFile, setCvFile] = useState<File | null>(null);
  const [keepFile, setKeepFile] = useState(false);

  const fieldLabel = (field: string): string =>
    ({ name: t.editor.name, email: t.editor.email, phone: t.editor.phone, education: t.editor.education })[
      field
    ] ?? field;

  async function fillFrom(file: File) {
    setReading(file.name);
    setProblem(null);
    setNote(null);
    setCvFile(null);
    const result = await client.mutation(PreviewCandidateFileDocument, { file }).toPromise();
    setReading(null);
    const draft = result.data?.previewCandidateFile;
    if (!draft) {
      setProblem(fieldErrorsOf(result.error, t).file ?? result.error?.graphQLErrors[0]?.message ?? t.import.fileError(file.name));
      return;
    }
    setInitial(
      formFromCandidate(
        { ...draft, competences: draft.competences, qualifications: draft.qualifications.map((q) => q.phrase) },
        language,
      ),
    );
    setFilled((n) => n + 1);
    setCvFile(file);
    setNote({
      read: draft.fileName,
      unsure: draft.sources.filter((s) => s.confidence < 0.75).map((s) => fieldLabel(s.field)),
    });
  }

  return (
    <section aria-labelledby="editor-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/candidates">{t.nav.candidates}</Link>
      </p>
      <h1 id="editor-title">{t.editor.createTitle}</h1>
      <div className="field dropzone">
        <label htmlFor="cv-file">{t.editor.fromCv}</label>
        <input
          id="cv-file"
          type="file"
          accept=".pdf,.docx,.odt,.html,.htm,.txt,.xml,application/pdf,text/plain,application/xml,text/xml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void fillFrom(file);
          }}
        />
        {reading && <p className="dropzone-hint">{t.editor.fromCvReading(reading)}</p>}
        {note && (
          <p className="dropzone-read" role="status">
            {t.editor.fromCvRead(note.read)} {note.unsure.length > 0 && t.editor.fromCvUnsure(note.unsure.join(', '))}
          </p>
        )}
        {cvFile && (
          <label className="checkbox">
            <input type="checkbox" checked={keepFile} onChange={(e) => setKeepFile(e.target.checked)} />{' '}
            {t.editor.keepCvFile(cvFile.name)}
          </label>
        )}
        <FieldError id="cv-file-error" message={problem ?? undefined} />
      </div>
      <CandidateForm
        key={filled}
        candidateId={null}
        initial={initial}
        cvFile={keepFile ? cvFile : null}
        onSaved={(id) => navigate(`/candidates/${id}`)}
        onCancel={() => navigate('/candidates')}
      />
    </section>
  );
}

export function EditCandidatePage() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EditCandidateDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  if (error && !data) return <ErrorMessage error={error} onRetry={() => reexecute()} />;
  if (!data) return fetching ? <Loading /> : null;
  if (!data.candidate) return <p>{t.candidate.notFound}</p>;
  return (
    <section aria-labelledby="editor-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/candidates/${id}`}>{data.candidate.name ?? t.candidates.anonymous(id)}</Link>
      </p>
      <h1 id="editor-title">{t.editor.editTitle}</h1>
      <CandidateForm
        key={data.candidate.updatedAt}
        candidateId={id}
        initial={formFromCandidate(data.candidate, language)}
        onSaved={() => navigate(`/candidates/${id}`)}
        onCancel={() => navigate(`/candidates/${id}`)}
      />
    </section>
  );
}
