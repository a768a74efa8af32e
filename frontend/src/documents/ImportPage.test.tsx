import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';
import { ImportPage } from './ImportPage';

const preview = {
  kind: 'JOB_DESCRIPTION',
  title: 'Nõunik',
  taskCount: 8,
  competenceGroups: ['Kliendikesksus'],
  warnings: ['rida 12: ei mõistetud'],
  alreadyImported: false,
  requirements: [
    { kind: 'LANGUAGE', hard: true, description: 'eesti keel ≥ C1', source: 'Valdab eesti keelt vähemalt tasemel C1.' },
  ],
  competences: [],
};

describe('ImportPage', () => {
  it('previews what was understood before saving, then links to the opening it created', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewDocument: () => ({ data: { previewDocument: preview } }),
      ImportDocument: () => ({
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
      }),
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
    });
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

  it('asks for text before sending anything', async () => {
    const user = userEvent.setup();
    const api = fakeApi({});
    renderApp(<ImportPage />, { client: api.client });
    await user.click(screen.getByRole('button', { name: 'Eelvaade' }));
    expect(screen.getByText('Lisa dokumendi tekst.')).toBeInTheDocument();
    expect(api.calls).toEqual([]);
  });
});
