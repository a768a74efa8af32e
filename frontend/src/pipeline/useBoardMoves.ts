import { useCallback, useMemo, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { isAdmin } from '../admin/AdminOnly';
import { candidateLabel } from '../candidates/candidateLabel';
import type { PipelineCardFragment, PipelineStage, RejectionInput } from '../gql/graphql';
import { useT } from '../i18n/LanguageContext';
import { useSession } from '../session/SessionContext';
import { MoveApplicationDocument } from './operations';
import { isStale, refusalOf, type Refusal } from './refusal';

export type Card = PipelineCardFragment;

/** A refusal kept beside its card, with the stage that was asked for (what force resends). */
export interface CardRefusal extends Refusal {
  to: PipelineStage;
}

/** The server's answer to a refused move, kept as it came: it is worded in the language of the moment. */
interface Refused {
  error: CombinedError | null;
  to: PipelineStage;
}

export interface BoardMoves {
  /** Cards whose move is on its way. */
  busy: ReadonlySet<string>;
  refusals: Readonly<Record<string, CardRefusal>>;
  /** The card whose rejection dialog is open. */
  rejecting: Card | null;
  /** After a move the card takes the focus again in its new column. */
  focusTarget: { id: string; stage: PipelineStage } | null;
  /** The last move in words, for the polite live region. */
  announcement: string;
  /** A move asked for by a drop, a card's stage choice or a force button. */
  request: (card: Card, to: PipelineStage, force?: boolean) => void;
  /** The rejection dialog's answer: null once rejected, else the server's refusal. */
  reject: (reason: RejectionInput, force: boolean) => Promise<Refusal | null>;
  closeRejection: () => void;
  dismiss: (id: string) => void;
  focused: () => void;
}

/**
 * Moving cards: one `moveApplication` per request, the refusal kept beside the card it is
 * about, REJECTED asked through the reason dialog. `onChanged` loads the board again after
 * every move (and after a refusal that shows the card was out of date).
 */
export function useBoardMoves(onChanged: () => void): BoardMoves {
  const t = useT();
  const { me } = useSession();
  const [, mutate] = useMutation(MoveApplicationDocument);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [refused, setRefused] = useState<Record<string, Refused>>({});
  const [rejecting, setRejecting] = useState<Card | null>(null);
  const [focusTarget, setFocusTarget] = useState<BoardMoves['focusTarget']>(null);
  const [announcement, setAnnouncement] = useState('');

  const send = useCallback(
    async (card: Card, to: PipelineStage, reason: RejectionInput | null, force: boolean): Promise<Refused | null> => {
      setBusy((b) => new Set(b).add(card.id));
      setRefused(({ [card.id]: _gone, ...rest }) => rest);
      const result = await mutate({ id: card.id, stage: to, reason, force });
      setBusy((b) => {
        const next = new Set(b);
        next.delete(card.id);
        return next;
      });
      if (result.error || !result.data) {
        const error = result.error ?? null;
        if (isStale(error)) onChanged();
        return { error, to };
      }
      setAnnouncement(t.pipeline.moved(candidateLabel(card.candidate, t), t.pipeline.stages[to]));
      setFocusTarget({ id: card.id, stage: to });
      onChanged();
      return null;
    },
    [mutate, t, onChanged],
  );

  const request = useCallback(
    (card: Card, to: PipelineStage, force = false) => {
      if (to === card.stage) return;
      if (to === 'REJECTED') {
        setRefused(({ [card.id]: _gone, ...rest }) => rest);
        setRejecting(card);
        return;
      }
      void send(card, to, null, force).then((refusal) => {
        if (refusal) setRefused((r) => ({ ...r, [card.id]: refusal }));
      });
    },
    [send],
  );
  const admin = isAdmin(me);
  // Worded again when the language changes while a refusal is shown.
  const refusals = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(refused).map(([id, r]) => [id, { ...refusalOf(r.error, t, r.to, admin), to: r.to }]),
      ),
    [refused, t, admin],
  );

  const reject = useCallback(
    async (reason: RejectionInput, force: boolean) => {
      if (!rejecting) return null;
      const refused = await send(rejecting, 'REJECTED', reason, force);
      if (!refused) setRejecting(null);
      return refused && refusalOf(refused.error, t, refused.to, admin);
    },
    [rejecting, send, t, admin],
  );

  return {
    busy,
    refusals,
    rejecting,
    focusTarget,
    announcement,
    request,
    reject,
    closeRejection: useCallback(() => setRejecting(null), []),
    dismiss: useCallback((id: string) => setRefused(({ [id]: _gone, ...rest }) => rest), []),
    focused: useCallback(() => setFocusTarget(null), []),
  };
}
