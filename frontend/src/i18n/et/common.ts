/** Estonian texts for the app shell, sign-in, roles, shared words and error messages. */
export const etCommon = {
  app: {
    name: 'Sobivus',
    tagline: 'Kompetentsipõhine värbamine',
    skipToContent: 'Liigu sisu juurde',
    mainNav: 'Peamenüü',
    language: 'Keel',
    switchTo: 'In English',
  },
  nav: {
    openings: 'Ametikohad',
    candidates: 'Kandidaadid',
    import: 'Import',
    standards: 'Kutsestandardid',
    integrations: 'Liidestused',
    tokens: 'Võtmed',
    audit: 'Auditilogi',
  },
  session: {
    title: 'Logi sisse',
    intro: 'Sisesta administraatorilt saadud juurdepääsuvõti (token). Võti hoitakse ainult selle brauseri vahekaardi mälus.',
    token: 'Juurdepääsuvõti',
    tokenHint: 'Algab tavaliselt „sbv_“.',
    submit: 'Logi sisse',
    checking: 'Kontrollin…',
    signOut: 'Logi välja',
    signedInAs: (name: string, role: string) => `${name} (${role})`,
    invalid: 'See võti ei kehti. Kontrolli, et kopeerisid selle tervikuna.',
    expired: 'Sessioon lõppes: võti ei kehti enam. Logi uuesti sisse.',
    tokenRequired: 'Sisesta juurdepääsuvõti.',
    noPersonalData: 'Sinu roll ei näe isikuandmeid: nimed, e-postid ja telefonid on peidetud.',
    readOnly: 'Sinu roll saab andmeid ainult vaadata.',
    /** Read-only, but `me.movesApplications` (an HR tool's token given the right). */
    readAndMove: 'Sinu roll saab andmeid vaadata ning kandidaate värbamise töölauale lisada ja seal liigutada.',
  },
  roles: {
    ADMIN: 'administraator',
    RECRUITER: 'värbaja',
    VIEWER: 'vaataja',
    INTEGRATION: 'liidestus',
  },
  common: {
    loading: 'Laadin…',
    search: 'Otsi',
    loadMore: 'Näita rohkem',
    save: 'Salvesta',
    saving: 'Salvestan…',
    cancel: 'Tühista',
    add: 'Lisa',
    remove: 'Eemalda',
    close: 'Sulge',
    edit: 'Muuda',
    none: '—',
    shownOf: (shown: number, total: number) => `Näidatud ${shown} / ${total}`,
    nothingFound: 'Midagi ei leitud.',
    back: 'Tagasi',
    created: (date: string) => `Loodud ${date}`,
    retry: 'Proovi uuesti',
  },
  errors: {
    network: 'Serveriga ei saanud ühendust. Kontrolli võrguühendust ja proovi uuesti.',
    unauthenticated: 'Juurdepääsuvõti ei kehti.',
    forbidden: 'Sinu roll ei luba seda teha.',
    notFound: 'Ei leitud.',
    internal: 'Serveris tekkis viga. Proovi hiljem uuesti.',
    badInput: 'Sisestus ei sobi.',
    failed: 'Päring ebaõnnestus.',
    timeout: 'Server ei vastanud õigel ajal.',
    /** The server is starting (503 NOT_READY); `progress` is its own word on how far it is. */
    notReady: (progress: string) => `Server alles käivitub (${progress}). Proovi mõne hetke pärast uuesti.`,
    /** A file the server could not read, by its `reason` and `kind`; null for a reason this
     * version does not know (the server's own words are shown then). */
    fileRefused: (reason: string, name: string, kind: string | null): string | null => {
      const what: Record<string, string> = {
        PNG: 'PNG-pilt',
        JPEG: 'JPEG-pilt',
        GIF: 'GIF-pilt',
        TIFF: 'TIFF-pilt',
        OLD_OFFICE: 'vana Wordi või Exceli fail (.doc/.xls); salvesta see DOCX-vormingus',
        RTF: 'RTF-fail; salvesta see DOCX-vormingus',
        ARCHIVE: 'arhiivifail',
        EXCEL: 'Exceli tabel',
        POWERPOINT: 'PowerPointi esitlus',
        OPENDOCUMENT_OTHER: 'muud liiki OpenDocumenti fail',
        BINARY: 'binaarandmed',
      };
      const looks = kind && what[kind] ? ` (see on ${what[kind]})` : '';
      const messages: Record<string, string> = {
        TOO_LARGE: `„${name}“ on liiga suur: loetakse kuni 10 MiB suuruseid faile.`,
        UNSUPPORTED: `„${name}“ ei ole fail, mida Sobivus loeb${looks}. Saada tekstikihiga PDF, DOCX-, ODT-, HTML-, XML- või tekstifail.`,
        NO_TEXT_LAYER: `„${name}“ on tekstikihita PDF (skannitud pilt?). Tee sellele tekstituvastus (OCR) või kleebi selle tekst.`,
        ENCRYPTED: `„${name}“ on parooliga kaitstud PDF; salvesta see paroolita ja proovi uuesti.`,
        CORRUPT: `„${name}“ on vigane või poolik fail.`,
        EMPTY: `„${name}“ ei sisalda teksti.`,
        EUROPASS_INVALID: `„${name}“ ei ole korrektne Europassi CV: selle XML on vigane.`,
      };
      return messages[reason] ?? null;
    },
  },
};
