import type {
  CandidateInput,
  CefrLevel,
  DigitalArea,
  DigitalLevel,
  EducationLevel,
} from '../gql/graphql';
import type { Language } from '../i18n/messages';

export type LanguageLevelChoice = CefrLevel | 'NATIVE' | '';
export { cefrLevels, digitalAreas, digitalLevels, educationLevels, languageNames } from '../levels';
import { digitalAreas, languageNames } from '../levels';

/**
 * The server reads levels from free text; these are the Estonian words it reads for each
 * choice, sent whatever the UI language, so a profile reads the same for every recruiter.
 */
const educationWords: Record<EducationLevel, string> = {
  BASIC: 'põhiharidus',
  VOCATIONAL: 'kutseharidus',
  SECONDARY: 'keskharidus',
  VOCATIONAL_SECONDARY: 'kutsekeskharidus',
  POST_SECONDARY_VOCATIONAL: 'kutseharidus keskhariduse baasil',
  PROFESSIONAL_HIGHER: 'rakenduskõrgharidus',
  HIGHER: 'kõrgharidus',
  BACHELOR: 'bakalaureusekraad',
  MASTER: 'magistrikraad',
  DOCTOR: 'doktorikraad',
};
const digitalAreaWords: Record<DigitalArea, string> = {
  INFORMATION: 'infotöötlus',
  COMMUNICATION: 'kommunikatsioon',
  CONTENT_CREATION: 'sisuloome',
  SAFETY: 'turvalisus',
  PROBLEM_SOLVING: 'probleemilahendus',
};
const digitalLevelWords: Record<DigitalLevel, string> = {
  BASIC: 'algtase',
  INDEPENDENT: 'iseseisev',
  PROFICIENT: 'vilunud',
};

export interface ExperienceRow {
  key: string;
  years: string;
  description: string;
}
export interface LanguageRow {
  key: string;
  language: string;
  level: LanguageLevelChoice;
}
export interface TextRow {
  key: string;
  text: string;
}

export interface CandidateFormState {
  name: string;
  email: string;
  phone: string;
  education: EducationLevel | '';
  /**
   * The education as it was entered (through the API, say "magistrikraad, Tartu Ülikool") and
   * the level the server read from it: sent back unchanged while the select still shows that
   * level, so saving the form does not rewrite what nobody edited.
   */
  educationSource: { text: string; level: EducationLevel } | null;
  experience: ExperienceRow[];
  languages: LanguageRow[];
  digital: Record<DigitalArea, DigitalLevel | ''>;
  competences: TextRow[];
  qualifications: TextRow[];
}

let nextKey = 0;
/** Rows keep their identity while others are added and removed, so focus and errors stay put. */
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function emptyForm(): CandidateFormState {
  return {
    name: '',
    email: '',
    phone: '',
    education: '',
    educationSource: null,
    experience: [],
    languages: [{ key: rowKey(), language: '', level: '' }],
    digital: { INFORMATION: '', COMMUNICATION: '', CONTENT_CREATION: '', SAFETY: '', PROBLEM_SOLVING: '' },
    competences: [{ key: rowKey(), text: '' }],
    qualifications: [],
  };
}

export interface StoredCandidate {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  educationLevel?: EducationLevel | null;
  educationText?: string | null;
  experience: { years: number; description: string }[];
  languages: { language: string; languageCode: string; level: CefrLevel; native: boolean }[];
  digital: { area: DigitalArea; level: DigitalLevel }[];
  competences: { phrase: string }[];
  qualifications: string[];
}

export function formFromCandidate(c: StoredCandidate, uiLanguage: Language): CandidateFormState {
  const form = emptyForm();
  return {
    ...form,
    name: c.name ?? '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    education: c.educationLevel ?? '',
    educationSource: c.educationText && c.educationLevel ? { text: c.educationText, level: c.educationLevel } : null,
    experience: c.experience.map((e) => ({ key: rowKey(), years: String(e.years), description: e.description })),
    languages: c.languages.map((l) => ({
      key: rowKey(),
      language: languageNames[l.languageCode]?.[uiLanguage] ?? l.language,
      level: l.native ? 'NATIVE' : l.level,
    })),
    digital: { ...form.digital, ...Object.fromEntries(c.digital.map((d) => [d.area, d.level])) },
    competences: c.competences.map((p) => ({ key: rowKey(), text: p.phrase })),
    qualifications: c.qualifications.map((q) => ({ key: rowKey(), text: q })),
  };
}

/** Where a server error path (`languages[2].level`) points to in the form (`languages.row-7.level`). */
export type RowIndex = Record<'experience' | 'languages' | 'digital' | 'competences' | 'qualifications', string[]>;

export type FormConversion =
  | { ok: true; input: CandidateInput; rows: RowIndex }
  | { ok: false; errors: Record<string, 'yearsInvalid'> };

/** "2,5" and "2.5" are both two and a half years. */
function parseYears(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

/**
 * The form as the mutation's input. Blank rows are left out; half-filled rows are sent, so the
 * server names what is missing, and `rows` tells which form row each sent item came from.
 */
export function inputFromForm(form: CandidateFormState): FormConversion {
  const errors: Record<string, 'yearsInvalid'> = {};
  const experience = form.experience.filter((r) => r.years.trim() || r.description.trim());
  for (const r of experience) {
    if (parseYears(r.years) === null) errors[`experience.${r.key}.years`] = 'yearsInvalid';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const languages = form.languages.filter((r) => r.language.trim() || r.level);
  const digital = digitalAreas.flatMap((area) => {
    const level = form.digital[area];
    return level ? [{ area, level }] : [];
  });
  const competences = form.competences.filter((r) => r.text.trim());
  const qualifications = form.qualifications.filter((r) => r.text.trim());
  const optional = (text: string) => (text.trim() ? text.trim() : null);
  const education = form.education
    ? form.educationSource?.level === form.education
      ? form.educationSource.text
      : educationWords[form.education]
    : null;
  return {
    ok: true,
    input: {
      name: form.name.trim(),
      email: optional(form.email),
      phone: optional(form.phone),
      education,
      experience: experience.map((r) => ({ years: parseYears(r.years) ?? 0, description: r.description.trim() })),
      languages: languages.map((r) => ({
        language: r.language.trim(),
        level: r.level === 'NATIVE' ? 'emakeel' : r.level,
      })),
      digital: digital.map((d) => ({ area: digitalAreaWords[d.area], level: digitalLevelWords[d.level] })),
      competences: competences.map((r) => r.text.trim()),
      qualifications: qualifications.map((r) => r.text.trim()),
    },
    rows: {
      experience: experience.map((r) => r.key),
      languages: languages.map((r) => r.key),
      digital: digital.map((d) => d.area),
      competences: competences.map((r) => r.key),
      qualifications: qualifications.map((r) => r.key),
    },
  };
}

/** `languages[1].level` → `languages.<row key>.level`, using the rows sent. */
export function formPathOf(serverPath: string, rows: RowIndex): string {
  const match = /^(experience|languages|digital|competences|qualifications)\[(\d+)\](.*)$/.exec(serverPath);
  if (!match) return serverPath;
  const [, list, index, rest] = match as unknown as [string, keyof RowIndex, string, string];
  const key = rows[list][Number(index)];
  return key ? `${list}.${key}${rest}` : serverPath;
}
