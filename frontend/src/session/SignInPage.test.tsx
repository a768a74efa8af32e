import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../i18n/LanguageContext';
import { SignInPage } from './SignInPage';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('SignInPage', () => {
  it('checks the token with the server and signs in with the role it reports', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn(async () =>
      json(200, { data: { me: { name: 'Mari', role: 'RECRUITER', seesPersonalData: true, canWrite: true, movesApplications: true } } }),
    );
    vi.stubGlobal('fetch', fetch);
    const signIn = vi.fn();
    render(
      <LanguageProvider initial="et">
        <SignInPage expired={false} signIn={signIn} />
      </LanguageProvider>,
    );
    await user.type(screen.getByLabelText('Juurdepääsuvõti'), ' sbv_good ');
    await user.click(screen.getByRole('button', { name: 'Logi sisse' }));
    await vi.waitFor(() => expect(signIn).toHaveBeenCalled());
    expect(signIn).toHaveBeenCalledWith('sbv_good', expect.objectContaining({ role: 'RECRUITER' }));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer sbv_good');
  });

  it('says next to the field that a refused token is not valid, and keeps it typed', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(401, { errors: [{ message: 'missing or invalid bearer token', extensions: { code: 'UNAUTHENTICATED' } }] }),
      ),
    );
    const signIn = vi.fn();
    render(
      <LanguageProvider initial="en">
        <SignInPage expired={false} signIn={signIn} />
      </LanguageProvider>,
    );
    await user.type(screen.getByLabelText('Access token'), 'sbv_bad');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const field = screen.getByLabelText('Access token');
    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('This token is not valid'));
    expect(field).toHaveValue('sbv_bad');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('says a starting server (503 NOT_READY) is not ready yet, with how far it is, and signs nobody in', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(503, {
          errors: [
            {
              message: 'the server is starting (loading the match index: 350000 of 1000000 candidates); try again in a moment',
              extensions: { code: 'NOT_READY' },
            },
          ],
        }),
      ),
    );
    const signIn = vi.fn();
    render(
      <LanguageProvider initial="et">
        <SignInPage expired={false} signIn={signIn} />
      </LanguageProvider>,
    );
    await user.type(screen.getByLabelText('Juurdepääsuvõti'), 'sbv_good');
    await user.click(screen.getByRole('button', { name: 'Logi sisse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Server alles käivitub (loading the match index: 350000 of 1000000 candidates). Proovi mõne hetke pärast uuesti.',
    );
    expect(screen.getByLabelText('Juurdepääsuvõti')).not.toHaveAttribute('aria-invalid');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('tells that the server cannot be reached when the network fails', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    render(
      <LanguageProvider initial="et">
        <SignInPage expired={false} signIn={vi.fn()} />
      </LanguageProvider>,
    );
    await user.type(screen.getByLabelText('Juurdepääsuvõti'), 'sbv_x');
    await user.click(screen.getByRole('button', { name: 'Logi sisse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Serveriga ei saanud ühendust');
  });
});
