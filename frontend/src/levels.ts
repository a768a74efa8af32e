import type { CefrLevel, DigitalArea, DigitalLevel, EducationLevel } from './gql/graphql';
import type { Language } from './i18n/messages';

/** The API's level scales in order, lowest first, and the languages the app names itself: one
 * list each for the candidate editor and the requirement editor. */
export const cefrLevels: CefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

export const digitalAreas: DigitalArea[] = [
  'INFORMATION',
  'COMMUNICATION',
  'CONTENT_CREATION',
  'SAFETY',
  'PROBLEM_SOLVING',
];
export const digitalLevels: DigitalLevel[] = ['BASIC', 'INDEPENDENT', 'PROFICIENT'];

export const educationLevels: EducationLevel[] = [
  'BASIC',
  'VOCATIONAL',
  'SECONDARY',
  'VOCATIONAL_SECONDARY',
  'POST_SECONDARY_VOCATIONAL',
  'PROFESSIONAL_HIGHER',
  'HIGHER',
  'BACHELOR',
  'MASTER',
  'DOCTOR',
];

/** Languages offered in the editor's list, by ISO code; anything else can be typed. */
export const languageNames: Record<string, Record<Language, string>> = {
  et: { et: 'eesti', en: 'Estonian' },
  en: { et: 'inglise', en: 'English' },
  ru: { et: 'vene', en: 'Russian' },
  fi: { et: 'soome', en: 'Finnish' },
  de: { et: 'saksa', en: 'German' },
  fr: { et: 'prantsuse', en: 'French' },
  sv: { et: 'rootsi', en: 'Swedish' },
  lv: { et: 'läti', en: 'Latvian' },
  lt: { et: 'leedu', en: 'Lithuanian' },
  es: { et: 'hispaania', en: 'Spanish' },
  uk: { et: 'ukraina', en: 'Ukrainian' },
  pl: { et: 'poola', en: 'Polish' },
};
