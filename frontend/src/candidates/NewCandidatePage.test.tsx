import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderApp } from '../test/render';
import { NewCandidatePage } from './CandidateEditorPage';

const draft = {
  fileName: 'mari-cv.pdf',
  name: 'Mari Maasikas',
  email: 'mari@example.ee',
  phone: '+372 5555 1234',
  educationLevel: 'BACHELOR',
  educationText: 'Tallinna Ülikool, bakalaureusekraad',
  experience: [{ years: 8, description: 'Klienditeeninduse osakonna juhataja' }],
  languages: [{ language: 'Estonian', languageCode: 'et', level: 'C2', native: true }],
  digital: [],
  competences: [{ phrase: 'kaebuste käsitlemine' }],
  qualifications: [],
  sources: [
    { field: 'name', confidence: 0.7 },
    { field: 'email', confidence: 0.95 },
  ],
};

describe('NewCandidatePage', () => {
  it('fills the form from a CV file and says that nothing is stored until it is saved', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewCandidateFile: () => ({ data: { previewCandidateFile: draft } }),
      MapPhrase: () => ({ data: { mapPhrase: [] } }),
    });
    renderApp(<NewCandidatePage />, { client: api.client });
    const file = new File(['%PDF-1.4'], 'mari-cv.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText(/Täida CV failist/), file);
    expect(await screen.findByRole('status')).toHaveTextContent('Andmed on loetud failist „mari-cv.pdf“');
    expect(screen.getByRole('status')).toHaveTextContent('Ebakindlalt loetud: Nimi.');
    expect(screen.getByLabelText('Nimi')).toHaveValue('Mari Maasikas');
    expect(screen.getByLabelText('E-post')).toHaveValue('mari@example.ee');
    expect(screen.getByDisplayValue('Klienditeeninduse osakonna juhataja')).toBeInTheDocument();
    expect(screen.getByDisplayValue('kaebuste käsitlemine')).toBeInTheDocument();
    expect(api.calls.some((c) => c.name === 'CreateCandidate')).toBe(false);
  });

  it('says beside the picker why a file could not be read', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewCandidateFile: () => ({
        errors: [
          {
            message: "file: 'pilt.png': this is not a file Sobivus reads (it looks like a PNG image)",
            extensions: { code: 'BAD_USER_INPUT', field: 'file' },
          },
        ],
      }),
    });
    renderApp(<NewCandidatePage />, { client: api.client });
    await user.upload(screen.getByLabelText(/Täida CV failist/), new File(['x'], 'skann.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText(/looks like a PNG image/)).toBeInTheDocument();
    expect(screen.getByLabelText('Nimi')).toHaveValue('');
  });

  it('says why a file was refused in the reader’s language, from the reason the server gives', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewCandidateFile: () => ({
        errors: [
          {
            message: "file: 'skann.pdf': this PDF has no text layer (a scanned image?)",
            extensions: { code: 'BAD_USER_INPUT', field: 'file', reason: 'NO_TEXT_LAYER', fileName: 'skann.pdf' },
          },
        ],
      }),
    });
    renderApp(<NewCandidatePage />, { client: api.client });
    await user.upload(screen.getByLabelText(/Täida CV failist/), new File(['x'], 'skann.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('„skann.pdf“ on tekstikihita PDF (skannitud pilt?). Tee sellele tekstituvastus (OCR) või kleebi selle tekst.')).toBeInTheDocument();
  });

  it('keeps the CV file with the candidate only when the recruiter ticks the box', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      PreviewCandidateFile: () => ({ data: { previewCandidateFile: draft } }),
      MapPhrase: () => ({ data: { mapPhrase: [] } }),
      CreateCandidate: () => ({ data: { createCandidate: { id: '77' } } }),
    });
    renderApp(<NewCandidatePage />, { client: api.client });
    const file = new File(['%PDF-1.4'], 'mari-cv.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText(/Täida CV failist/), file);
    const keep = await screen.findByLabelText(/Säilita „mari-cv.pdf“ kandidaadi juures/);
    expect(keep).not.toBeChecked();
    await user.click(keep);
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));
    const create = await vi.waitFor(() => {
      const call = api.calls.find((c) => c.name === 'CreateCandidate');
      if (!call) throw new Error('not saved yet');
      return call;
    });
    expect(create.variables.cvFile).toBe(file);
    expect(create.variables.input).toMatchObject({ name: 'Mari Maasikas' });
  });
});
