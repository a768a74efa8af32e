/** Estonian texts for the API's kinds and levels in words. */
export const etVocabulary = {
  requirementKinds: {
    EDUCATION: 'Haridus',
    EXPERIENCE: 'Töökogemus',
    LANGUAGE: 'Keeleoskus',
    DIGITAL: 'Digipädevus',
    COMPETENCE: 'Kompetentsid',
    QUALIFICATION: 'Kutse',
  },
  competenceKinds: {
    MANDATORY: 'kohustuslik',
    OPTIONAL: 'valitav',
    TRANSVERSAL: 'kutset läbiv',
    GENERAL_SKILL: 'üldoskus',
  },
  documentKinds: {
    OCCUPATIONAL_STANDARD: 'kutsestandard',
    COMPETENCE: 'kompetents (kutseregistrist)',
    JOB_DESCRIPTION: 'ametijuhend',
    JOB_ADVERTISEMENT: 'töökuulutus',
  },
  digitalAreas: {
    INFORMATION: 'infotöötlus',
    COMMUNICATION: 'kommunikatsioon',
    CONTENT_CREATION: 'sisuloome',
    SAFETY: 'turvalisus',
    PROBLEM_SOLVING: 'probleemilahendus',
  },
  digitalLevels: {
    BASIC: 'algtase',
    INDEPENDENT: 'iseseisev',
    PROFICIENT: 'vilunud',
  },
  educationLevels: {
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
  },
};
