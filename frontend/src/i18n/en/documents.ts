import type { etDocuments } from '../et/documents';

/** English texts for importing a document. */
export const enDocuments: typeof etDocuments = {
  import: {
    title: 'Import a document',
    intro: 'Paste the text of an occupational standard, a competence from the register, a job description or a job advertisement, or drop a file here (PDF, Word, ODT, web page, text). Before saving you see what was understood.',
    text: 'Text of the document',
    file: 'Or choose a file',
    fileError: (name) => `“${name}” could not be read.`,
    dropHint: 'Drop a file here: PDF (with a text layer), DOCX, ODT, HTML or text, up to 10 MiB.',
    readingFile: (name) => `Reading “${name}”…`,
    fileRead: (name, format, pages) =>
      `Read from “${name}” (${format}${pages ? `, ${pages} pages` : ''}). You can correct the text before saving.`,
    formats: { PDF: 'PDF', DOCX: 'Word', ODT: 'OpenDocument', HTML: 'web page', XML: 'XML', TEXT: 'text' },
    kind: 'Kind of document',
    kindAuto: 'Detect automatically',
    preview: 'Preview',
    previewing: 'Reading…',
    previewTitle: 'What was understood',
    save: 'Save',
    alreadyImported: 'This text has been imported before: saving creates nothing new and opens the earlier import.',
    warnings: 'Warnings: these parts were not understood',
    requirements: 'Requirements',
    competences: 'Competences',
    competenceCounts: (i, k) => `${i} performance indicators, ${k} knowledge items`,
    taskCount: (n) => (n === 1 ? '1 task' : `${n} tasks`),
    competenceGroups: 'Behavioural competences',
    saved: 'Saved.',
    savedExisting: 'The same text had been imported before: nothing new was created.',
    openOpening: (title) => `Open the opening “${title}”`,
    openStandard: (title) => `Open the standard “${title}”`,
    competenceSaved: (title) => `Competence “${title}”`,
    textRequired: 'Add the text of the document.',
    previewUnavailable: 'The server does not offer a preview yet; you can still save.',
    editAgain: 'Edit the text',
  },
};
