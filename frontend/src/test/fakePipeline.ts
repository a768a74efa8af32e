import type { PipelineStage, RejectionKind } from '../gql/graphql';
import { rejectionKinds, stages } from '../pipeline/stages';
import { fakeApi, type Reply } from './render';

export interface FakeApplication {
  id: string;
  stage: PipelineStage;
  candidate: { id: string; name: string | null };
  scoreWhenAdded: number | null;
  qualifiedWhenAdded: boolean | null;
  rejectionKind: RejectionKind | null;
  rejectionText?: string | null;
  notes?: { id: string; text: string; author: string; createdAt: string }[] | null;
  /** Who added and moved it (`addedBy`, `actor`): null, as for roles that do not see staff names. */
  staff?: string | null;
}

export const pipelineOpening = { id: '7', title: 'Nõunik', closedAt: null as string | null };

export function application(
  id: string,
  stage: PipelineStage,
  name: string | null,
  score = 80,
  qualified = true,
): FakeApplication {
  return {
    id,
    stage,
    candidate: { id: `1${id}`, name },
    scoreWhenAdded: score,
    qualifiedWhenAdded: qualified,
    rejectionKind: null,
    rejectionText: null,
    notes: [],
  };
}

function card(a: FakeApplication) {
  return {
    id: a.id,
    stage: a.stage,
    source: 'RANKED_MATCH',
    scoreWhenAdded: a.scoreWhenAdded,
    qualifiedWhenAdded: a.qualifiedWhenAdded,
    rejectionKind: a.rejectionKind,
    candidate: a.candidate,
  };
}

function page(list: FakeApplication[]) {
  return { pageInfo: { hasNextPage: false, endCursor: null }, edges: list.map((a) => ({ node: card(a) })) };
}

/**
 * An opening's pipeline held in memory, answering the board's operations the way the server
 * does: counts for every stage, a column per alias, moves that change the stage (unless a test
 * replaces `MoveApplication` to refuse), details with notes and history, new notes.
 */
export function fakePipeline(apps: FakeApplication[], overrides: Record<string, (v: Record<string, unknown>) => Reply> = {}) {
  const history = new Map<string, { fromStage: PipelineStage | null; toStage: PipelineStage; forced: boolean }[]>(
    apps.map((a) => [a.id, [{ fromStage: null, toStage: a.stage, forced: false }]]),
  );
  const fake = fakeApi({
    PipelineBoard: () => {
      const byStage = Object.fromEntries(stages.map((s) => [s, page(apps.filter((a) => a.stage === s))]));
      const counts = stages.map((stage) => ({ stage, count: apps.filter((a) => a.stage === stage).length }));
      const rejected = apps.filter((a) => a.stage === 'REJECTED');
      const rejections = rejectionKinds.map((kind) => ({ kind, count: rejected.filter((a) => a.rejectionKind === kind).length }));
      return {
        data: { opening: { ...pipelineOpening, summary: { totalCount: apps.length, counts, rejections }, ...byStage } },
      };
    },
    MoveApplication: ({ id, stage, reason, force }) => {
      const a = apps.find((x) => x.id === id)!;
      history.get(a.id)!.push({ fromStage: a.stage, toStage: stage as PipelineStage, forced: Boolean(force) });
      a.stage = stage as PipelineStage;
      const given = reason as { kind: RejectionKind; text: string | null } | null;
      a.rejectionKind = given?.kind ?? null;
      a.rejectionText = given?.text ?? null;
      return { data: { moveApplication: card(a) } };
    },
    ApplicationDetails: ({ id }) => {
      const a = apps.find((x) => x.id === id);
      if (!a) return { data: { application: null } };
      return {
        data: {
          application: {
            ...card(a),
            rejectionText: a.rejectionText ?? null,
            addedBy: a.staff === undefined ? 'Mari' : a.staff,
            createdAt: '2026-12-01T09:00:00Z',
            opening: { id: pipelineOpening.id },
            notes: a.notes === undefined ? [] : a.notes,
            history: history.get(a.id)!.map((m) => ({
              ...m,
              rejectionKind: null,
              rejectionText: null,
              actor: a.staff === undefined ? 'Mari' : a.staff,
              at: '2026-12-01T09:00:00Z',
            })),
          },
        },
      };
    },
    AddNote: ({ applicationId, text }) => {
      const a = apps.find((x) => x.id === applicationId)!;
      const note = { id: String((a.notes?.length ?? 0) + 1), text: String(text), author: 'Mari', createdAt: '2026-12-02T10:00:00Z' };
      a.notes = [...(a.notes ?? []), note];
      return { data: { addNote: note } };
    },
    ...overrides,
  });
  return { ...fake, apps };
}

/** A refusal as the server words it, on the argument it names. */
export function badInput(field: string, message: string): Reply {
  return { errors: [{ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } }] };
}

/**
 * A move the pipeline's rules refuse, as the server says it (api/src/error.rs `MoveRefused`):
 * the rule's name and whether an administrator's force would get past it.
 */
export function moveRefused(reason: string, message: string, { field = 'stage', forcible = false } = {}): Reply {
  return { errors: [{ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field, reason, forcible } }] };
}
