/** Estonian texts for the occupational standards browser. */
export const etStandards = {
  standards: {
    title: 'Kutsestandardid',
    searchLabel: 'Otsi kutsestandardit pealkirja järgi',
    count: (n: number) => `${n} kutsestandardit`,
    empty: 'Kutsestandardeid pole veel imporditud.',
    ekr: (n: number) => `EKR tase ${n}`,
    notFound: 'Sellist kutsestandardit ei ole.',
    competences: 'Kompetentsid',
    indicators: (n: number) => `Tegevusnäitajad (${n})`,
    knowledge: (n: number) => `Teadmised (${n})`,
    ecf: (codes: string) => `e-CF: ${codes}`,
    partials: 'Osakutsed',
    noPartials: 'Osakutseid pole.',
    createOpening: 'Loo ametikoht selle standardi põhjal',
    createFromPartial: 'Loo ametikoht',
  },
};
