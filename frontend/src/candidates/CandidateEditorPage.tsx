import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/ErrorMessage';
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

export function NewCandidatePage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [initial] = useState(emptyForm);
  return (
    <section aria-labelledby="editor-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/candidates">{t.nav.candidates}</Link>
      </p>
      <h1 id="editor-title">{t.editor.createTitle}</h1>
      <CandidateForm
        candidateId={null}
        initial={initial}
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
