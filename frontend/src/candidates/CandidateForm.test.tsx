import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderApp, viewer } from '../test/render';
import { CandidateForm } from './CandidateForm';
import { emptyForm } from './candidateForm';

describe('CandidateForm', () => {
  it('shows the server’s complaint next to the language level it names and keeps what was typed', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      CreateCandidate: () => ({
        errors: [
          {
            message: "input.languages[0].level: 'Z9' is not a CEFR level",
            extensions: { code: 'BAD_USER_INPUT', field: 'input.languages[0].level' },
          },
        ],
      }),
      MapPhrase: () => ({ data: { mapPhrase: [] } }),
    });
    const onSaved = vi.fn();
    renderApp(<CandidateForm candidateId={null} initial={emptyForm()} onSaved={onSaved} onCancel={() => {}} />, {
      client: api.client,
    });
    await user.type(screen.getByLabelText('Nimi'), 'Mari Maasikas');
    await user.type(screen.getByLabelText('Keel'), 'eesti');
    await user.selectOptions(screen.getByLabelText('Tase'), 'C1');
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));

    const level = screen.getByLabelText('Tase');
    await waitFor(() => expect(level).toHaveAttribute('aria-invalid', 'true'));
    expect(level).toHaveFocus();
    expect(level).toHaveAccessibleDescription("'Z9' is not a CEFR level");
    expect(screen.getByRole('alert')).toHaveTextContent('paranda märgitud väljad');
    expect(screen.getByLabelText('Nimi')).toHaveValue('Mari Maasikas');
    expect(screen.getByLabelText('Keel')).toHaveValue('eesti');
    expect(onSaved).not.toHaveBeenCalled();
    expect(api.calls.find((c) => c.name === 'CreateCandidate')?.variables).toMatchObject({
      input: { name: 'Mari Maasikas', languages: [{ language: 'eesti', level: 'C1' }] },
    });
  });

  it('says in words that the server could not be reached', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ CreateCandidate: () => ({ networkError: new TypeError('Failed to fetch') }) });
    renderApp(<CandidateForm candidateId={null} initial={emptyForm()} onSaved={() => {}} onCancel={() => {}} />, {
      client: api.client,
    });
    await user.type(screen.getByLabelText('Nimi'), 'Jaan');
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Serveriga ei saanud ühendust');
    expect(screen.getByLabelText('Nimi')).toHaveValue('Jaan');
  });

  it('has no personal fields for a role that may not see personal data', () => {
    renderApp(<CandidateForm candidateId={null} initial={emptyForm()} onSaved={() => {}} onCancel={() => {}} />, {
      me: viewer,
    });
    expect(screen.queryByLabelText('Nimi')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('E-post')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Digipädevused' })).toBeInTheDocument();
  });

  it('offers every CEFR level and native for a language, and three levels for each of five digital areas', () => {
    renderApp(<CandidateForm candidateId={null} initial={emptyForm()} onSaved={() => {}} onCancel={() => {}} />);
    const levels = Array.from((screen.getByLabelText('Tase') as HTMLSelectElement).options).map((o) => o.text);
    expect(levels).toEqual(['—', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'emakeel']);
    for (const area of ['infotöötlus', 'kommunikatsioon', 'sisuloome', 'turvalisus', 'probleemilahendus']) {
      const options = Array.from((screen.getByLabelText(area) as HTMLSelectElement).options).map((o) => o.text);
      expect(options).toEqual(['Puudub / märkimata', 'algtase', 'iseseisev', 'vilunud']);
    }
  });
});
