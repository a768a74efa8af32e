import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { useCheckedForm } from '../components/useCheckedForm';
import { ErrorMessage, FieldError } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { graphql } from '../gql';
import { useT } from '../i18n/LanguageContext';
import {
  emptyWebhookDraft,
  generateSecret,
  validateWebhook,
  webhookEvents,
  type WebhookDraft,
  type WebhookField,
} from './webhookForm';

const CreateWebhookDocument = graphql(`
  mutation CreateWebhook($url: String!, $openingId: ID, $minScore: Float, $secret: String!, $events: [WebhookEvent!]!) {
    createWebhook(url: $url, openingId: $openingId, minScore: $minScore, secret: $secret, events: $events) {
      id
      url
    }
  }
`);

const fields: WebhookField[] = ['url', 'openingId', 'minScore', 'secret', 'events'];

/**
 * A new webhook: URL, what it receives (new candidates, pipeline changes or both), optionally
 * one opening and a minimum score, and the signing secret
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
  const [generatedNote, setGeneratedNote] = useState(false);
  const [{ fetching }, create] = useMutation(CreateWebhookDocument);
  const { form, draft, update, errorOf, general, hasErrors, submit } = useCheckedForm({
    empty: emptyWebhookDraft,
    fields,
    check: (d: WebhookDraft) => validateWebhook(d, t),
    send: create,
    onDone: (data) => {
      setGeneratedNote(false);
      onCreated(data.createWebhook.url);
    },
  });
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
      <fieldset
        className="webhook-events"
        aria-describedby={errorOf('events') ? `${id}-events-error` : undefined}
      >
        <legend>{t.integrations.events}</legend>
        {webhookEvents.map((event) => (
          <div className="field-check" key={event}>
            <input
              id={`${id}-event-${event}`}
              type="checkbox"
              checked={draft.events.includes(event)}
              aria-describedby={`${id}-event-${event}-hint`}
              aria-invalid={errorOf('events') ? true : undefined}
              onChange={(e) =>
                update({
                  events: e.target.checked ? [...draft.events, event] : draft.events.filter((x) => x !== event),
                  // The score's complaint may have been about the missing new candidates.
                  minScore: draft.minScore,
                })
              }
            />
            <div>
              <label htmlFor={`${id}-event-${event}`}>{t.integrations.eventNames[event]}</label>
              <p className="hint" id={`${id}-event-${event}-hint`}>
                {t.integrations.eventHints[event]}
              </p>
            </div>
          </div>
        ))}
        <FieldError id={`${id}-events-error`} message={errorOf('events')} />
      </fieldset>
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
