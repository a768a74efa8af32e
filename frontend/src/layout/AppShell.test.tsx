import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { movingIntegration, renderApp, viewer } from '../test/render';
import { AppShell } from './AppShell';

describe('AppShell', () => {
  it('shows who is signed in with the role, in Estonian first and in English after the switch', async () => {
    const user = userEvent.setup();
    renderApp(<AppShell>sisu</AppShell>);
    expect(screen.getByTestId('who')).toHaveTextContent('Test admin (administraator)');
    expect(screen.getByRole('link', { name: 'Ametikohad' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'In English' }));
    expect(screen.getByTestId('who')).toHaveTextContent('Test admin (administrator)');
    expect(screen.getByRole('link', { name: 'Openings' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('sobivus.language')).toBe('en');
  });

  it('tells a read-only role without personal data what it cannot see or do, and hides import', () => {
    renderApp(<AppShell>sisu</AppShell>, { me: viewer });
    expect(screen.getByText(/ei näe isikuandmeid/)).toBeInTheDocument();
    expect(screen.getByText(/saab andmeid ainult vaadata/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Import' })).not.toBeInTheDocument();
  });

  it('tells an HR tool’s token with the right to move candidates that it may, beside reading', () => {
    renderApp(<AppShell>sisu</AppShell>, { me: movingIntegration });
    expect(screen.getByText(/ei näe isikuandmeid/)).toHaveTextContent(
      'Sinu roll saab andmeid vaadata ning kandidaate värbamise töölauale lisada ja seal liigutada.',
    );
    expect(screen.queryByText(/saab andmeid ainult vaadata/)).not.toBeInTheDocument();
  });

  it('offers Integrations to the administrator and the integration role only', () => {
    const { unmount } = renderApp(<AppShell>sisu</AppShell>);
    expect(screen.getByRole('link', { name: 'Liidestused' })).toHaveAttribute('href', '/integrations');
    unmount();
    renderApp(<AppShell>sisu</AppShell>, { me: { ...viewer, role: 'INTEGRATION', name: 'HR' } });
    expect(screen.getByRole('link', { name: 'Liidestused' })).toBeInTheDocument();
    cleanup();
    renderApp(<AppShell>sisu</AppShell>, { me: { ...viewer, role: 'RECRUITER', canWrite: true, seesPersonalData: true, movesApplications: true } });
    expect(screen.queryByRole('link', { name: 'Liidestused' })).not.toBeInTheDocument();
    cleanup();
    renderApp(<AppShell>sisu</AppShell>, { me: viewer });
    expect(screen.queryByRole('link', { name: 'Liidestused' })).not.toBeInTheDocument();
  });

  it('offers Tokens and the audit log to the administrator only', () => {
    const { unmount } = renderApp(<AppShell>sisu</AppShell>);
    expect(screen.getByRole('link', { name: 'Võtmed' })).toHaveAttribute('href', '/tokens');
    expect(screen.getByRole('link', { name: 'Auditilogi' })).toHaveAttribute('href', '/audit');
    unmount();
    for (const role of ['RECRUITER', 'VIEWER', 'INTEGRATION'] as const) {
      renderApp(<AppShell>sisu</AppShell>, { me: { ...viewer, role } });
      expect(screen.queryByRole('link', { name: 'Võtmed' }), role).not.toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Auditilogi' }), role).not.toBeInTheDocument();
      cleanup();
    }
  });
});
