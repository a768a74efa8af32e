import type {
  CefrLevel,
  DigitalArea,
  DigitalLevel,
  EducationLevel,
  OpeningRequirementInput,
  RequirementKind,
} from '../gql/graphql';
import { languageNames } from '../levels';
import type { Language, Messages } from '../i18n/messages';

/**
 * One requirement as the recruiter edits it: in the import preview (what the parser read) or
 * on an opening (what is stored). Text inputs keep what was typed; `toInput` turns the list
 * into what `importDocument(requirements:)` and `updateOpening` take.
 */
export interface RequirementDraft {
  key: string;
  /** The stored requirement it edits; null for one read from a preview or added by hand. */
  id: string | null;
  kind: RequirementKind;
  hard: boolean;
  weight: string;
  /** What the server said it asks, as read (shown until the row is edited). */
  description: string;
  /** The sentence it was read from. */
  source: string | null;
  /** Index in the list of the requirement this one is a part of. */
  partOf: number | null;
  language: string;
  anyForeignLanguage: boolean;
  languageCount: string;
  preferredLanguages: string;
  minCefr: CefrLevel | '';
  minSpoken: CefrLevel | '';
  minWritten: CefrLevel | '';
  digitalArea: DigitalArea | '';
  /** Without an area: the areas the tools of the statement serve (empty: every area). */
  digitalServed: DigitalArea[];
  minDigital: DigitalLevel | '';
  minEducation: EducationLevel | '';
  preferredEducation: EducationLevel | '';
  minYears: string;
  field: string;
  qualification: string;
  /** A competence requirement: only its hardness and weight can change. */
  competence: { code: string | null; title: string } | null;
  /** The recruiter changed what it asks (not only hard/weight): it is sent in full. */
  edited: boolean;
}

/** The typed fields a preview requirement and a stored requirement share. */
export interface RequirementSource {
  kind: RequirementKind;
  hard: boolean;
  weight: number;
  description: string;
  /** The same in English, when the API was asked for it. */
  descriptionEn?: string | null;
  source?: string | null;
  language?: string | null;
  anyForeignLanguage: boolean;
  languageCount?: number | null;
  preferredLanguages: readonly string[];
  minCefr?: CefrLevel | null;
  minSpoken?: CefrLevel | null;
  minWritten?: CefrLevel | null;
  digitalArea?: DigitalArea | null;
  digitalServed?: readonly DigitalArea[] | null;
  minDigital?: DigitalLevel | null;
  minEducation?: EducationLevel | null;
  preferredEducation?: EducationLevel | null;
  minYears?: number | null;
  field?: string | null;
  qualification?: string | null;
}

export const editableKinds: RequirementKind[] = ['LANGUAGE', 'EDUCATION', 'EXPERIENCE', 'DIGITAL', 'QUALIFICATION'];
let nextKey = 0;
function draftKey(): string {
  nextKey += 1;
  return `requirement-${nextKey}`;
}

function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

/** A draft of what `r` asks; `partOf` and `id` as the caller knows them. */
export function draftOf(
  r: RequirementSource,
  extra: { id?: string | null; partOf?: number | null; competence?: RequirementDraft['competence'] } = {},
): RequirementDraft {
  return {
    key: draftKey(),
    id: extra.id ?? null,
    kind: r.kind,
    hard: r.hard,
    weight: numberText(r.weight),
    description: r.description,
    source: r.source ?? null,
    partOf: extra.partOf ?? null,
    language: r.language ?? '',
    anyForeignLanguage: r.anyForeignLanguage,
    languageCount: numberText(r.languageCount),
    preferredLanguages: r.preferredLanguages.join(', '),
    minCefr: r.minCefr ?? '',
    minSpoken: r.minSpoken ?? '',
    minWritten: r.minWritten ?? '',
    digitalArea: r.digitalArea ?? '',
    digitalServed: [...(r.digitalServed ?? [])],
    minDigital: r.minDigital ?? '',
    minEducation: r.minEducation ?? '',
    preferredEducation: r.preferredEducation ?? '',
    minYears: r.kind === 'EXPERIENCE' && r.minYears ? numberText(r.minYears) : '',
    field: r.field ?? '',
    qualification: r.qualification ?? '',
    competence: extra.competence ?? null,
    edited: false,
  };
}

/** A language's English name (as the API gives it) in the UI's words, where known. */
function inUiLanguage(name: string, ui: Language): string {
  const known = Object.values(languageNames).find((n) => n.en === name);
  return known ? known[ui] : name;
}

function localised<T extends RequirementSource>(r: T, ui: Language): T {
  return {
    ...r,
    description: ui === 'en' && r.descriptionEn ? r.descriptionEn : r.description,
    language: r.language ? inUiLanguage(r.language, ui) : r.language,
    preferredLanguages: r.preferredLanguages.map((l) => inUiLanguage(l, ui)),
  };
}

/** The preview's list: `partOf` already indexes it. */
export function draftsFromPreview(
  list: readonly (RequirementSource & { partOf?: number | null })[],
  ui: Language = 'en',
): RequirementDraft[] {
  return list.map((r) => draftOf(localised(r, ui), { partOf: r.partOf ?? null }));
}

/** An opening's stored list: parents become indexes of the same list. */
export function draftsFromRequirements(
  list: readonly (RequirementSource & {
    id: string;
    parentId?: string | null;
    competence?: { code?: string | null; title: string } | null;
  })[],
  ui: Language = 'en',
): RequirementDraft[] {
  const index = new Map(list.map((r, i) => [r.id, i]));
  return list.map((r) =>
    draftOf(localised(r, ui), {
      id: r.id,
      partOf: r.parentId ? (index.get(r.parentId) ?? null) : null,
      competence: r.competence ? { code: r.competence.code ?? null, title: r.competence.title } : null,
    }),
  );
}

/** A new requirement of `kind`, hard, added by hand. */
export function blankDraft(kind: RequirementKind): RequirementDraft {
  return draftOf({
    kind,
    hard: true,
    weight: 1,
    description: '',
    anyForeignLanguage: false,
    preferredLanguages: [],
  });
}

/** The list without entry `i`: later `partOf` indexes shift, its parts stand on their own. */
export function removeDraft(list: readonly RequirementDraft[], i: number): RequirementDraft[] {
  return list
    .filter((_, j) => j !== i)
    .map((d) => {
      if (d.partOf === null || d.partOf < i) return d;
      return { ...d, partOf: d.partOf === i ? null : d.partOf - 1 };
    });
}

function parseNumber(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || Number.isNaN(n) ? null : n;
}

/**
 * What is wrong with the list before it is sent, keyed by the server's paths
 * (`requirements[2].minDigital`), so that the browser's checks and the server's errors land on
 * the same field. The server checks again.
 */
export function checkDrafts(list: readonly RequirementDraft[], t: Messages): Record<string, string> {
  const errors: Record<string, string> = {};
  list.forEach((d, i) => {
    const at = (field: string, message: string) => {
      errors[`requirements[${i}].${field}`] = message;
    };
    const weight = parseNumber(d.weight);
    if (d.weight.trim() !== '' && (weight === null || weight <= 0 || weight > 10)) at('weight', t.requirementEditor.weightRange);
    if (d.kind === 'COMPETENCE' || (!d.edited && d.id)) return;
    switch (d.kind) {
      case 'LANGUAGE':
        if (!d.anyForeignLanguage && d.language.trim() === '') at('language', t.requirementEditor.languageRequired);
        break;
      case 'EXPERIENCE': {
        const years = parseNumber(d.minYears);
        if (d.minYears.trim() !== '' && (years === null || years < 0 || years > 60)) at('minYears', t.requirementEditor.yearsRange);
        break;
      }
      case 'DIGITAL':
        if (!d.minDigital) at('minDigital', t.requirementEditor.digitalRequired);
        break;
      case 'QUALIFICATION':
        if (d.qualification.trim() === '') at('qualification', t.requirementEditor.qualificationRequired);
        break;
      default:
        break;
    }
  });
  return errors;
}

/** The list as the API takes it. A stored row the recruiter did not change keeps what it asks. */
export function toInput(list: readonly RequirementDraft[]): OpeningRequirementInput[] {
  return list.map((d) => {
    const base: OpeningRequirementInput = {
      kind: d.kind,
      hard: d.hard,
      ...(d.id ? { id: d.id } : {}),
      ...(parseNumber(d.weight) !== null ? { weight: parseNumber(d.weight) } : {}),
      ...(d.partOf !== null ? { partOf: d.partOf } : {}),
      ...(d.source && !d.id ? { source: d.source } : {}),
    };
    if (d.kind === 'COMPETENCE' || (d.id && !d.edited)) return base;
    switch (d.kind) {
      case 'LANGUAGE': {
        const preferred = d.preferredLanguages
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        return {
          ...base,
          ...(d.anyForeignLanguage ? { anyForeignLanguage: true } : { language: d.language.trim() }),
          ...(d.anyForeignLanguage && parseNumber(d.languageCount) !== null
            ? { languageCount: parseNumber(d.languageCount) }
            : {}),
          ...(d.minCefr ? { minCefr: d.minCefr } : {}),
          ...(d.minSpoken ? { minSpoken: d.minSpoken } : {}),
          ...(d.minWritten ? { minWritten: d.minWritten } : {}),
          ...(preferred.length > 0 ? { preferredLanguages: preferred } : {}),
        };
      }
      case 'EDUCATION':
        return {
          ...base,
          ...(d.minEducation ? { minEducation: d.minEducation } : {}),
          ...(d.preferredEducation ? { preferredEducation: d.preferredEducation } : {}),
        };
      case 'EXPERIENCE':
        return {
          ...base,
          minYears: parseNumber(d.minYears) ?? 0,
          ...(d.field.trim() ? { field: d.field.trim() } : {}),
        };
      case 'DIGITAL':
        return {
          ...base,
          ...(d.minDigital ? { minDigital: d.minDigital } : {}),
          ...(d.digitalArea ? { digitalArea: d.digitalArea } : { digitalServed: d.digitalServed }),
        };
      case 'QUALIFICATION':
        return { ...base, qualification: d.qualification.trim() };
      default:
        return base;
    }
  });
}
