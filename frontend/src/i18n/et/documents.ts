/** Estonian texts for importing a document. */
export const etDocuments = {
  import: {
    title: 'Impordi dokument',
    intro: 'Kleebi kutsestandardi, kutseregistri kompetentsi, ametijuhendi või töökuulutuse tekst või lohista siia fail (PDF, Word, ODT, veebileht, tekst). Enne salvestamist näed, mida sellest aru saadi.',
    text: 'Dokumendi tekst',
    file: 'Või vali fail',
    fileError: (name: string) => `Faili „${name}“ ei saanud lugeda.`,
    dropHint: 'Lohista fail siia: PDF (tekstikihiga), DOCX, ODT, HTML või tekst, kuni 10 MiB.',
    readingFile: (name: string) => `Loen faili „${name}“…`,
    fileRead: (name: string, format: string, pages: number | null) =>
      `Loetud failist „${name}“ (${format}${pages ? `, ${pages} lk` : ''}). Teksti võib enne salvestamist parandada.`,
    formats: { PDF: 'PDF', DOCX: 'Word', ODT: 'OpenDocument', HTML: 'veebileht', XML: 'XML', TEXT: 'tekst' } as Record<
      'PDF' | 'DOCX' | 'ODT' | 'HTML' | 'XML' | 'TEXT',
      string
    >,
    kind: 'Dokumendi liik',
    kindAuto: 'Tuvasta automaatselt',
    preview: 'Eelvaade',
    previewing: 'Loen…',
    previewTitle: 'Mida tekstist aru saadi',
    save: 'Salvesta',
    alreadyImported: 'See tekst on juba imporditud: salvestamine uut ei loo, vaid avab varasema.',
    warnings: 'Hoiatused: neid tekstiosi ei mõistetud',
    requirements: 'Nõuded',
    competences: 'Kompetentsid',
    competenceCounts: (i: number, k: number) => `${i} tegevusnäitajat, ${k} teadmist`,
    taskCount: (n: number) => `${n} tööülesannet`,
    competenceGroups: 'Käitumuslikud kompetentsid',
    saved: 'Salvestatud.',
    savedExisting: 'Sama tekst oli juba imporditud: uut ei loodud.',
    openOpening: (title: string) => `Ava ametikoht „${title}“`,
    openStandard: (title: string) => `Ava kutsestandard „${title}“`,
    competenceSaved: (title: string) => `Kompetents „${title}“`,
    textRequired: 'Lisa dokumendi tekst.',
    previewUnavailable: 'Server ei paku veel eelvaadet; salvestada saab ka ilma.',
    editAgain: 'Muuda teksti',
  },
};
