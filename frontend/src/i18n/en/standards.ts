import type { etStandards } from '../et/standards';

/** English texts for the occupational standards browser. */
export const enStandards: typeof etStandards = {
  standards: {
    title: 'Occupational standards',
    searchLabel: 'Search standards by title',
    count: (n) => (n === 1 ? '1 standard' : `${n} standards`),
    empty: 'No occupational standards have been imported yet.',
    ekr: (n) => `EKR level ${n}`,
    notFound: 'There is no such standard.',
    competences: 'Competences',
    indicators: (n) => `Performance indicators (${n})`,
    knowledge: (n) => `Knowledge (${n})`,
    ecf: (codes) => `e-CF: ${codes}`,
    partials: 'Partial qualifications',
    noPartials: 'No partial qualifications.',
    createOpening: 'Create an opening from this standard',
    createFromPartial: 'Create opening',
  },
};
