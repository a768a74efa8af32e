import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';
import { ImportPage } from './ImportPage';

/** A preview requirement with every field the preview carries. */
function requirement(fields: Record<string, unknown>) {
  return {
    hard: true,
    weight: 1,
    partOf: null,
    language: null,
    anyForeignLanguage: false,
    languageCount: null,
    preferredLanguages: [],
    minCefr: null,
    minSpoken: null,
    minWritten: null,
    digitalArea: null,
    minDigital: null,
    minEducation: null,
    preferredEducation: null,
    minYears: null,
    field: null,
    qualification: null,
    ...fields,
  };
}

const imported = {
  data: {
    importDocument: {
      kind: 'JOB_DESCRIPTION',
      created: true,
      warnings: [],
      standard: null,
      competence: null,
      jobDescription: { id: '3', title: 'Nõunik' },
      opening: { id: '4', title: 'Nõunik' },
    },
  },
};

const preview = {
  kind: 'JOB_DESCRIPTION',
  title: 'Nõunik',
  taskCount: 8,
  competenceGroups: ['Kliendikesksus'],
  warnings: ['rida 12: ei mõistetud'],
  alreadyImported: false,
  requirements: [
    requirement({
      kind: 'LANGUAGE',
      description: 'eesti keel ≥ C1',
      source: 'Valdab eesti keelt vähemalt tasemel C1.',
      language: 'Estonian',
      minCefr: 'C1',
    }),
    requirement({
      kind: 'EXPERIENCE',
      description: 'vähemalt 5 aastat',
      source: 'Vähemalt 5-aastane töökogemus, sellest 2 aastat juhina.',
      minYears: 5,
    }),
    requirement({
      kind: 'EXPERIENCE',
      description: 'vähemalt 2 aastat: juhina',
      source: 'Vähemalt 5-aastane töökogemus, sellest 2 aastat juhina.',
      minYears: 2,
      field: 'juhina',
      partOf: 1,
    }),
  ],
  competences: [],
};

describe('ImportPage', () => {
  it('previews what was understood before saving, then links to the opening it created', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewDocument: () => ({ data: { previewDocument: preview } }),
      ImportDocument: () => imported,
    });
    renderApp(<ImportPage />, { client: api.client });
    await user.type(screen.getByLabelText('Dokumendi tekst'), 'AMETIJUHEND');
    await user.selectOptions(screen.getByLabelText('Dokumendi liik'), 'ametijuhend');
    await user.click(screen.getByRole('button', { name: 'Eelvaade' }));
    const region = await screen.findByRole('region', { name: 'Mida tekstist aru saadi' });
    expect(region).toHaveTextContent('eesti keel ≥ C1');
    expect(region).toHaveTextContent('8 tööülesannet');
    expect(region).toHaveTextContent('rida 12: ei mõistetud');
    expect(api.calls.some((c) => c.name === 'ImportDocument')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));
    expect(await screen.findByRole('link', { name: 'Ava ametikoht „Nõunik“' })).toHaveAttribute('href', '/openings/4');
    expect(api.calls.find((c) => c.name === 'ImportDocument')?.variables).toEqual({
      text: 'AMETIJUHEND',
      kind: 'JOB_DESCRIPTION',
      requirements: null,
    });
  });

  it('saves the requirements as the recruiter corrected them, beside the sentence each came from', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewDocument: () => ({ data: { previewDocument: preview } }),
      ImportDocument: () => imported,
    });
    renderApp(<ImportPage />, { client: api.client });
    await user.type(screen.getByLabelText('Dokumendi tekst'), 'AMETIJUHEND');
    await user.click(screen.getByRole('button', { name: 'Eelvaade' }));
    const language = await screen.findByRole('group', { name: /eesti keel ≥ C1/ });
    expect(language).toHaveTextContent('„Valdab eesti keelt vähemalt tasemel C1.“');
    await user.selectOptions(within(language).getByLabelText('Tase'), 'B2');
    await user.click(screen.getByRole('button', { name: 'Eemalda nõue 2' }));
    expect(screen.getByRole('group', { name: /vähemalt 2 aastat/ })).not.toHaveTextContent('osa nõudest');
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));
    await screen.findByRole('link', { name: 'Ava ametikoht „Nõunik“' });
    expect(api.calls.find((c) => c.name === 'ImportDocument')?.variables.requirements).toEqual([
      {
        kind: 'LANGUAGE',
        hard: true,
        weight: 1,
        source: 'Valdab eesti keelt vähemalt tasemel C1.',
        language: 'eesti',
        minCefr: 'B2',
      },
      {
        kind: 'EXPERIENCE',
        hard: true,
        weight: 1,
        source: 'Vähemalt 5-aastane töökogemus, sellest 2 aastat juhina.',
        minYears: 2,
        field: 'juhina',
      },
    ]);
  });

  it('checks a corrected requirement beside its field before sending it', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ PreviewDocument: () => ({ data: { previewDocument: preview } }) });
    renderApp(<ImportPage />, { client: api.client });
    await user.type(screen.getByLabelText('Dokumendi tekst'), 'AMETIJUHEND');
    await user.click(screen.getByRole('button', { name: 'Eelvaade' }));
    const language = await screen.findByRole('group', { name: /eesti keel ≥ C1/ });
    await user.clear(within(language).getByLabelText('Keel'));
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));
    expect(within(language).getByLabelText('Keel')).toHaveAttribute('aria-invalid', 'true');
    expect(language).toHaveTextContent('Nimeta keel või märgi „mis tahes võõrkeel“.');
    expect(api.calls.some((c) => c.name === 'ImportDocument')).toBe(false);
  });

  it('shows a refusal of the text beside the text box and keeps the text', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewDocument: () => ({
        errors: [
          {
            message: 'text: looks like binary data, not a document',
            extensions: { code: 'BAD_USER_INPUT', field: 'text' },
          },
        ],
      }),
    });
    renderApp(<ImportPage />, { client: api.client });
    const text = screen.getByLabelText('Dokumendi tekst');
    await user.type(text, 'zzz');
    await user.click(screen.getByRole('button', { name: 'Eelvaade' }));
    expect(await screen.findByText('looks like binary data, not a document')).toBeInTheDocument();
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveValue('zzz');
  });

  it('reads a chosen file on the server and shows its text and what was understood', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewFile: () => ({
        data: {
          previewFile: {
            fileName: 'noudmised.docx',
            format: 'DOCX',
            pages: null,
            text: 'AMETIJUHEND\nNõunik',
            document: preview,
          },
        },
      }),
      ImportDocument: () => imported,
    });
    renderApp(<ImportPage />, { client: api.client });
    const file = new File(['PK...'], 'noudmised.docx', {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    await user.upload(screen.getByLabelText('Või vali fail'), file);
    const region = await screen.findByRole('region', { name: 'Mida tekstist aru saadi' });
    expect(region).toHaveTextContent('eesti keel ≥ C1');
    expect(screen.getByRole('status')).toHaveTextContent('Loetud failist „noudmised.docx“ (Word)');
    expect(screen.getByLabelText('Dokumendi tekst')).toHaveValue('AMETIJUHEND\nNõunik');
    expect(api.calls.find((c) => c.name === 'PreviewFile')?.variables.file).toBe(file);
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));
    await screen.findByRole('link', { name: 'Ava ametikoht „Nõunik“' });
    expect(api.calls.find((c) => c.name === 'ImportDocument')?.variables.text).toBe('AMETIJUHEND\nNõunik');
  });

  it('says why a file could not be read, beside the file picker', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewFile: () => ({
        errors: [
          {
            message: "file: 'skaneeritud.pdf': this PDF has no text layer (a scanned image?)",
            extensions: { code: 'BAD_USER_INPUT', field: 'file' },
          },
        ],
      }),
    });
    renderApp(<ImportPage />, { client: api.client });
    await user.upload(screen.getByLabelText('Või vali fail'), new File(['%PDF-1.4'], 'skaneeritud.pdf'));
    expect(await screen.findByText(/no text layer/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Mida tekstist aru saadi' })).toBeNull();
  });

  it('asks for text before sending anything', async () => {
    const user = userEvent.setup();
    const api = fakeApi({});
    renderApp(<ImportPage />, { client: api.client });
    await user.click(screen.getByRole('button', { name: 'Eelvaade' }));
    expect(screen.getByText('Lisa dokumendi tekst.')).toBeInTheDocument();
    expect(api.calls).toEqual([]);
  });
});
