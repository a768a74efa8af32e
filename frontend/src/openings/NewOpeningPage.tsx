import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { fieldErrorsOf, generalProblemsOf } from '../api/errors';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';

const StandardChoicesDocument = graphql(`
  query StandardChoices {
    standards(first: 100) {
      edges {
        node {
          id
          title
          partialQualifications {
            title
          }
        }
      }
    }
  }
`);

const CreateOpeningDocument = graphql(`
  mutation CreateOpening($input: OpeningInput!) {
    createOpening(input: $input) {
      id
    }
  }
`);

const formFields = ['title', 'standardId', 'partialQualification'];

/** An opening from a standard or one of its osakutsed; the title follows the choice until edited. */
export function NewOpeningPage() {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [{ data, fetching, error: loadError }, reload] = useQuery({ query: StandardChoicesDocument });
  const [standardId, setStandardId] = useState(params.get('standard') ?? '');
  const [partial, setPartial] = useState(params.get('partial') ?? '');
  const [title, setTitle] = useState<string | null>(null);
  const [{ fetching: saving, error }, create] = useMutation(CreateOpeningDocument);

  if (loadError && !data) return <ErrorMessage error={loadError} onRetry={() => reload()} />;
  if (!data) return fetching ? <Loading /> : null;
  const standards = data.standards.edges.map((e) => e.node);
  const standard = standards.find((s) => s.id === standardId);
  const suggestedTitle = partial || standard?.title || '';
  const shownTitle = title ?? suggestedTitle;
  const fieldErrors = fieldErrorsOf(error, t);
  const general = generalProblemsOf(error, t, (f) => formFields.includes(f));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await create({
      input: {
        title: shownTitle,
        standardId: standardId || null,
        partialQualification: partial || null,
      },
    });
    if (result.data) navigate(`/openings/${result.data.createOpening.id}`);
  }

  return (
    <section aria-labelledby="new-opening-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/openings">{t.nav.openings}</Link>
      </p>
      <h1 id="new-opening-title">{t.newOpening.title}</h1>
      <p>{t.newOpening.intro}</p>
      {standards.length === 0 ? (
        <p className="notice">
          {t.newOpening.noStandards} <Link to="/import">{t.nav.import}</Link>
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-standard`}>{t.newOpening.standard}</label>
            <select
              id={`${id}-standard`}
              value={standardId}
              aria-invalid={fieldErrors.standardId ? true : undefined}
              aria-describedby={fieldErrors.standardId ? `${id}-standard-error` : undefined}
              onChange={(e) => {
                setStandardId(e.target.value);
                setPartial('');
              }}
            >
              <option value="">{t.newOpening.chooseStandard}</option>
              {standards.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-standard-error`} message={fieldErrors.standardId} />
          </div>
          {standard && standard.partialQualifications.length > 0 && (
            <fieldset className="field">
              <legend>{t.newOpening.partial}</legend>
              <div className="radio">
                <input
                  type="radio"
                  id={`${id}-whole`}
                  name="partial"
                  checked={partial === ''}
                  onChange={() => setPartial('')}
                />
                <label htmlFor={`${id}-whole`}>{t.newOpening.wholeStandard}</label>
              </div>
              {standard.partialQualifications.map((p, i) => (
                <div className="radio" key={p.title}>
                  <input
                    type="radio"
                    id={`${id}-partial-${i}`}
                    name="partial"
                    checked={partial === p.title}
                    onChange={() => setPartial(p.title)}
                  />
                  <label htmlFor={`${id}-partial-${i}`}>{p.title}</label>
                </div>
              ))}
              <FieldError id={`${id}-partial-error`} message={fieldErrors.partialQualification} />
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`${id}-title`}>{t.newOpening.name}</label>
            <input
              id={`${id}-title`}
              value={shownTitle}
              aria-invalid={fieldErrors.title ? true : undefined}
              aria-describedby={fieldErrors.title ? `${id}-title-error` : undefined}
              onChange={(e) => setTitle(e.target.value)}
            />
            <FieldError id={`${id}-title-error`} message={fieldErrors.title} />
          </div>
          <ErrorMessage problems={general} />
          <button type="submit" disabled={saving}>
            {saving ? t.newOpening.creating : t.newOpening.submit}
          </button>
        </form>
      )}
    </section>
  );
}
