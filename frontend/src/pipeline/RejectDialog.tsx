import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/ErrorMessage';
import type { RejectionInput, RejectionKind } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import type { Refusal } from './refusal';
import { maxTextLength, rejectionKinds } from './stages';

/**
 * Asks why before a candidate is rejected: one of the six reasons, and a text (required for
 * "other"). The move is sent by `onSubmit`, which answers with the server's refusal or null
 * once the candidate is rejected; an administrator is offered the force when the server says
 * it would pass.
 */
export function RejectDialog({
  name,
  onSubmit,
  onClose,
}: {
  name: string;
  onSubmit: (reason: RejectionInput, force: boolean) => Promise<Refusal | null>;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<RejectionKind | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ kind?: string; text?: string }>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sending, setSending] = useState(false);
  const firstKind = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const focusFirstError = (found: { kind?: string; text?: string }) =>
    requestAnimationFrame(() => (found.kind ? firstKind.current : found.text ? textArea.current : null)?.focus());

  async function send(force: boolean) {
    const trimmed = text.trim();
    const length = [...trimmed].length;
    const local: { kind?: string; text?: string } = {};
    if (!kind) local.kind = t.pipeline.reject.kindRequired;
    if (kind === 'OTHER' && !trimmed) local.text = t.pipeline.reject.textRequired;
    if (length > maxTextLength) local.text = t.pipeline.reject.textTooLong(length);
    setErrors(local);
    setRefusal(null);
    if (!kind || local.kind || local.text) {
      focusFirstError(local);
      return;
    }
    setSending(true);
    const refused = await onSubmit({ kind, text: trimmed || null }, force);
    setSending(false);
    if (!refused) return;
    const fieldText = refused.fields['reason.text'];
    const fieldKind = refused.fields.reason;
    if (fieldText || fieldKind) {
      const found = { text: fieldText, kind: fieldKind };
      setErrors(found);
      focusFirstError(found);
    } else setRefusal(refused);
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  const textRequired = kind === 'OTHER';
  return (
    <Dialog title={t.pipeline.reject.titleOf(name)} onClose={onClose} className="reject-dialog">
      <form onSubmit={submit} noValidate>
        <p className="hint">{t.pipeline.reject.intro}</p>
        <fieldset
          className="reject-kinds"
          role="radiogroup"
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={errors.kind ? `${id}-kind-error` : undefined}
        >
          <legend>{t.pipeline.reject.kind}</legend>
          {rejectionKinds.map((k, i) => (
            <div className="field-check" key={k}>
              <input
                type="radio"
                id={`${id}-${k}`}
                name={`${id}-kind`}
                value={k}
                ref={i === 0 ? firstKind : undefined}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setErrors((e) => ({ ...e, kind: undefined, text: k === 'OTHER' ? e.text : undefined }));
                }}
              />
              <label htmlFor={`${id}-${k}`}>{t.pipeline.rejectionKinds[k]}</label>
            </div>
          ))}
          <FieldError id={`${id}-kind-error`} message={errors.kind} />
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-text`}>
            {t.pipeline.reject.text}
            {textRequired && <span aria-hidden="true"> *</span>}
          </label>
          <textarea
            id={`${id}-text`}
            ref={textArea}
            rows={3}
            value={text}
            required={textRequired}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={`${id}-text-hint${errors.text ? ` ${id}-text-error` : ''}`}
            onChange={(e) => {
              setText(e.target.value);
              setErrors((x) => ({ ...x, text: undefined }));
            }}
          />
          <p className="hint" id={`${id}-text-hint`}>
            {t.pipeline.reject.textHint}
          </p>
          <FieldError id={`${id}-text-error`} message={errors.text} />
        </div>
        {refusal && (
          <div className="error" role="alert">
            <p>{refusal.message}</p>
            {refusal.forcible && (
              <>
                <p className="hint">{t.pipeline.forceHint}</p>
                <button type="button" className="button-danger" disabled={sending} onClick={() => void send(true)}>
                  {t.pipeline.reject.force}
                </button>
              </>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button-danger" disabled={sending}>
            {sending ? t.pipeline.reject.confirming : t.pipeline.reject.confirm}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
