import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrorsOf, generalProblemsOf, type ApiProblem } from '../api/errors';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import { emptyWebhookDraft, generateSecret, validateWebhook, type WebhookDraft, type WebhookField } from './webhookForm';

const CreateWebhookDocument = graphql(`
  mutation CreateWebhook($url: String!, $openingId: ID, $minScore: Float, $secret: String!) {
    createWebhook(url: $url, openingId: $openingId, minScore: $minScore, secret: $secret) {
      id
      url
    }
  }
`);

const fields: WebhookField[] = ['url', 'openingId', 'minScore', 'secret'];

/**
 * A new webhook: URL, optionally one opening and a minimum score, and the signing secret
 * (typed or generated). Mistakes are named beside their field, first by the same rules the
 * server applies, then by the server itself (e.g. a private address); what was typed stays.
 */
export function WebhookForm({
  openings,
  onCreated,
}: {
  openings: { id: string; title: string }[];
  onCreated: (url: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<WebhookDraft>(emptyWebhookDraft);
  const [local, setLocal] = useState<Partial<Record<WebhookField, string>>>({});
  const [generatedNote, setGeneratedNote] = useState(false);
  const [{ fetching }, create] = useMutation(CreateWebhookDocument);
  const [server, setServer] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiProblem[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const errorOf = (f: WebhookField) => local[f] ?? server[f];
  const update = (patch: Partial<WebhookDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field's old complaint goes once it is changed.
    const drop = <T extends Record<string, unknown>>(errors: T) => {
      const next = { ...errors };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    };
    setLocal(drop);
    setServer(drop);
  };
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  async function submit(e: FormEvent) {
    e.preventDefault();
    setServer({});
    setGeneral([]);
    const checked = validateWebhook(draft, t);
    if (!checked.ok) {
      setLocal(checked.errors);
      focusFirstInvalid();
      return;
    }
    setLocal({});
    const result = await create(checked.variables);
    if (result.error) {
      setServer(fieldErrorsOf(result.error, t));
      setGeneral(generalProblemsOf(result.error, t, (f) => (fields as string[]).includes(f)));
      focusFirstInvalid();
      return;
    }
    if (result.data) {
      setDraft(emptyWebhookDraft);
      setGeneratedNote(false);
      onCreated(result.data.createWebhook.url);
    }
  }

  const hasErrors = fields.some((f) => errorOf(f));
  return (
    <form ref={form} className="webhook-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.integrations.createTitle}</h2>
      <TextField
        label={t.integrations.url}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={draft.url}
        onChange={(url) => update({ url })}
        hint={t.integrations.urlHint}
        error={errorOf('url')}
      />
      <div className="webhook-form-row">
        <div className="field">
          <label htmlFor={`${id}-opening`}>{t.integrations.opening}</label>
          <select
            id={`${id}-opening`}
            value={draft.openingId}
            aria-invalid={errorOf('openingId') ? true : undefined}
            aria-describedby={errorOf('openingId') ? `${id}-opening-error` : undefined}
            // The score's complaint may have been about the missing opening.
            onChange={(e) => update({ openingId: e.target.value, minScore: draft.minScore })}
          >
            <option value="">{t.integrations.anyOpening}</option>
            {openings.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-opening-error`} message={errorOf('openingId')} />
        </div>
        <TextField
          className="field-score"
          label={t.integrations.minScoreLabel}
          inputMode="decimal"
          value={draft.minScore}
          onChange={(minScore) => update({ minScore })}
          hint={t.integrations.minScoreHint}
          error={errorOf('minScore')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{t.integrations.secret}</label>
        <div className="secret-row">
          <input
            id={`${id}-secret`}
            value={draft.secret}
            autoComplete="off"
            spellCheck={false}
            className="secret-input"
            aria-invalid={errorOf('secret') ? true : undefined}
            aria-describedby={`${id}-secret-hint${errorOf('secret') ? ` ${id}-secret-error` : ''}`}
            onChange={(e) => {
              setGeneratedNote(false);
              update({ secret: e.target.value });
            }}
          />
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              update({ secret: generateSecret() });
              setGeneratedNote(true);
            }}
          >
            {t.integrations.generate}
          </button>
        </div>
        <p className="hint" id={`${id}-secret-hint`}>
          {t.integrations.secretHint}
        </p>
        <p className="hint" role="status">
          {generatedNote ? t.integrations.generated : ''}
        </p>
        <FieldError id={`${id}-secret-error`} message={errorOf('secret')} />
      </div>
      {hasErrors && <p className="field-error">{t.integrations.fixErrors}</p>}
      <ErrorMessage problems={general} />
      <button type="submit" disabled={fetching}>
        {fetching ? t.integrations.creating : t.integrations.create}
      </button>
    </form>
  );
}
