import type { etVocabulary } from '../et/vocabulary';

/** English texts for the API's kinds and levels in words. */
export const enVocabulary: typeof etVocabulary = {
  requirementKinds: {
    EDUCATION: 'Education',
    EXPERIENCE: 'Experience',
    LANGUAGE: 'Languages',
    DIGITAL: 'Digital competence',
    COMPETENCE: 'Competences',
    QUALIFICATION: 'Qualification',
  },
  competenceKinds: {
    MANDATORY: 'mandatory',
    OPTIONAL: 'optional',
    TRANSVERSAL: 'transversal',
    GENERAL_SKILL: 'general skill',
  },
  documentKinds: {
    OCCUPATIONAL_STANDARD: 'occupational standard',
    COMPETENCE: 'competence (from the register)',
    JOB_DESCRIPTION: 'job description',
    JOB_ADVERTISEMENT: 'job advertisement',
  },
  digitalAreas: {
    INFORMATION: 'information and data literacy',
    COMMUNICATION: 'communication and collaboration',
    CONTENT_CREATION: 'digital content creation',
    SAFETY: 'safety',
    PROBLEM_SOLVING: 'problem solving',
  },
  digitalLevels: {
    BASIC: 'basic',
    INDEPENDENT: 'independent',
    PROFICIENT: 'proficient',
  },
  educationLevels: {
    BASIC: 'basic education',
    VOCATIONAL: 'vocational education',
    SECONDARY: 'secondary education',
    VOCATIONAL_SECONDARY: 'vocational secondary education',
    POST_SECONDARY_VOCATIONAL: 'post-secondary vocational education',
    PROFESSIONAL_HIGHER: 'professional higher education',
    HIGHER: 'higher education',
    BACHELOR: 'bachelor’s degree',
    MASTER: 'master’s degree',
    DOCTOR: 'doctoral degree',
  },
};
