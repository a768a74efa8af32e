import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, recruiter, renderApp } from '../test/render';
import { TokensPage } from './TokensPage';

const secret = 'sbv_4f1c2b9e7d0a4c3b8e6f5a1d2c3b4a5f';

function token(overrides: Record<string, unknown>) {
  return {
    id: '1',
    name: 'e2e admin',
    role: 'ADMIN',
    createdAt: '2026-11-20T09:00:00Z',
    expiresAt: null,
    lastUsedAt: '2026-11-26T08:00:00Z',
    revokedAt: null,
    active: true,
    movesApplications: false,
    ...overrides,
  };
}

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const tokens = [
    token({ id: '3', name: 'HR süsteem', role: 'INTEGRATION', expiresAt: '2027-01-15T12:00:00Z', lastUsedAt: null }),
    token({ id: '2', name: 'Vana võti', role: 'VIEWER', revokedAt: '2026-11-21T10:00:00Z', active: false }),
    token({ id: '1' }),
  ];
  const fake = fakeApi({
    Tokens: () => ({ data: { tokens: tokens.map((t) => ({ ...t })) } }),
    CreateToken: ({ name, role, expiresInDays, movesApplications }) => {
      const created = token({
        id: '4',
        name,
        role,
        movesApplications,
        lastUsedAt: null,
        expiresAt: expiresInDays ? '2026-12-26T11:00:00Z' : null,
      });
      tokens.unshift(created);
      return { data: { createToken: { secret, token: { id: '4', name } } } };
    },
    RevokeToken: ({ id }) => {
      const found = tokens.find((t) => t.id === id);
      const was = found?.revokedAt == null;
      if (found) Object.assign(found, { revokedAt: '2026-11-26T11:05:00Z', active: false });
      return { data: { revokeToken: was } };
    },
    ...overrides,
  });
  return { ...fake, tokens };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('TokensPage', () => {
  it('lists every token with its role, state, expiry and last use', async () => {
    renderApp(<TokensPage />, { client: api().client });
    const cards = await screen.findAllByTestId('token');
    expect(screen.getByText('3 võtit')).toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('HR süsteem');
    expect(cards[0]).toHaveTextContent('liidestus');
    expect(cards[0]).toHaveTextContent('kehtiv');
    expect(cards[0]).toHaveTextContent(/aegub 15\. jaan 2027/);
    expect(cards[0]).toHaveTextContent('pole kasutatud');
    expect(cards[1]).toHaveTextContent('tühistatud');
    expect(within(cards[1]!).queryByRole('button', { name: /Tühista/ })).not.toBeInTheDocument();
    expect(cards[2]).toHaveTextContent('ei aegu');
    expect(cards[2]).toHaveTextContent('viimati kasutatud');
  });

  it('shows a new token’s secret once, with a warning and a copy button, and never again after “copied”', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const fake = api();
    renderApp(<TokensPage />, { client: fake.client });
    await screen.findAllByTestId('token');
    await user.type(screen.getByLabelText('Nimi'), '  Mari Maasikas ');
    await user.selectOptions(screen.getByLabelText('Roll'), 'RECRUITER');
    await user.type(screen.getByLabelText('Kehtib päevi (valikuline)'), '30');
    await user.click(screen.getByRole('button', { name: 'Loo võti' }));

    const shown = await screen.findByTestId('new-token');
    expect(within(shown).getByRole('heading', { name: 'Võti „Mari Maasikas“ on loodud' })).toHaveFocus();
    expect(shown).toHaveTextContent('Seda ei näidata enam kunagi');
    const field = within(shown).getByLabelText('Võti');
    expect(field).toHaveValue(secret);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Kopeeri võti kohe'));
    await user.click(within(shown).getByRole('button', { name: 'Kopeeri' }));
    expect(writeText).toHaveBeenCalledWith(secret);
    expect(within(shown).getByRole('status')).toHaveTextContent('Võti on lõikelauale kopeeritud.');
    expect(fake.calls).toContainEqual({
      name: 'CreateToken',
      variables: { name: 'Mari Maasikas', role: 'RECRUITER', expiresInDays: 30, movesApplications: false },
    });
    // The list shows the new token (without its secret), and the form is empty again.
    await waitFor(() => expect(screen.getAllByTestId('token')).toHaveLength(4));
    expect(screen.getAllByTestId('token')[0]).toHaveTextContent('Mari Maasikas');
    expect(screen.getAllByTestId('token')[0]).not.toHaveTextContent(secret);
    expect(screen.getByLabelText('Nimi')).toHaveValue('');

    await user.click(within(shown).getByRole('button', { name: 'Olen võtme kopeerinud' }));
    expect(screen.queryByTestId('new-token')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(secret);
    expect([...document.querySelectorAll('input')].some((i) => i.value === secret)).toBe(false);
  });

  it('selects the secret for copying by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp(<TokensPage />, { client: api().client, language: 'en' });
    await screen.findAllByTestId('token');
    await user.type(screen.getByLabelText('Name'), 'CI');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const shown = await screen.findByTestId('new-token');
    expect(shown).toHaveTextContent('It cannot be shown again');
    await user.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(await within(shown).findByText(/Copying failed/)).toBeInTheDocument();
    const field = within(shown).getByLabelText('Token') as HTMLInputElement;
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(secret.length);
  });

  it('names form mistakes beside their fields and asks nothing', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderApp(<TokensPage />, { client: fake.client });
    await screen.findAllByTestId('token');
    await user.type(screen.getByLabelText('Kehtib päevi (valikuline)'), '0');
    await user.click(screen.getByRole('button', { name: 'Loo võti' }));
    const name = screen.getByLabelText('Nimi');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(expect.stringContaining('Sisesta nimi.'));
    expect(screen.getByLabelText('Kehtib päevi (valikuline)')).toHaveAccessibleDescription(
      expect.stringContaining('Sisesta täisarv 1 ja 3650 vahel'),
    );
    await waitFor(() => expect(name).toHaveFocus());
    expect(fake.calls.some((c) => c.name === 'CreateToken')).toBe(false);
    expect(screen.queryByTestId('new-token')).not.toBeInTheDocument();
  });

  it('revokes only after confirmation, and “keep it” keeps the token', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderApp(<TokensPage />, { client: fake.client });
    const cards = await screen.findAllByTestId('token');
    const card = cards[0]!;
    await user.click(within(card).getByRole('button', { name: 'Tühista võti HR süsteem' }));
    expect(within(card).getByText(/Kas tühistada võti „HR süsteem“\? Kõik, kes seda kasutavad, logitakse kohe välja/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Jah, tühista' })).toHaveFocus();
    await user.click(within(card).getByRole('button', { name: 'Ära tühista' }));
    expect(fake.calls.some((c) => c.name === 'RevokeToken')).toBe(false);
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Tühista võti HR süsteem' })).toHaveFocus());

    await user.click(within(card).getByRole('button', { name: 'Tühista võti HR süsteem' }));
    await user.click(within(card).getByRole('button', { name: 'Jah, tühista' }));
    expect(fake.calls).toContainEqual({ name: 'RevokeToken', variables: { id: '3' } });
    await waitFor(() => expect(screen.getAllByTestId('token')[0]).toHaveTextContent('tühistatud'));
    expect(within(screen.getAllByTestId('token')[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Võti „HR süsteem“ on tühistatud.');
    expect(screen.getByText('Võti „HR süsteem“ on tühistatud.', { selector: '.success' })).toBeInTheDocument();
  });

  it('tells another role the page is the administrator’s, without asking the server', () => {
    const fake = api();
    renderApp(<TokensPage />, { client: fake.client, me: recruiter });
    expect(screen.getByText('See leht on ainult administraatorile.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Juurdepääsuvõtmed' })).not.toBeInTheDocument();
    expect(fake.calls).toEqual([]);
  });

  it('offers “may move candidates” for an integration token only, sends it, and marks such a token in the list', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderApp(<TokensPage />, { client: fake.client });
    await screen.findAllByTestId('token');
    expect(screen.queryByLabelText('Võib lisada ja liigutada kandidaate värbamisprotsessis')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Nimi'), 'Personalisüsteem');
    await user.selectOptions(screen.getByLabelText('Roll'), 'INTEGRATION');
    const box = screen.getByLabelText('Võib lisada ja liigutada kandidaate värbamisprotsessis');
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(expect.stringContaining('Isikuandmeid see õigus juurde ei anna.'));
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Loo võti' }));
    expect(fake.calls).toContainEqual({
      name: 'CreateToken',
      variables: { name: 'Personalisüsteem', role: 'INTEGRATION', expiresInDays: null, movesApplications: true },
    });
    await waitFor(() => expect(screen.getAllByTestId('token')).toHaveLength(4));
    expect(screen.getAllByTestId('token')[0]).toHaveTextContent('liigutab kandidaate');
    expect(screen.getAllByTestId('token')[1]).not.toHaveTextContent('liigutab kandidaate');
  });
});
