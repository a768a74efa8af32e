import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp, viewer } from '../test/render';
import { AuditPage } from './AuditPage';

const entries = [
  { id: '9', at: '2026-11-26T10:05:00Z', actor: 'e2e värbaja', action: 'READ', candidateId: '3', fields: ['email', 'name'] },
  { id: '8', at: '2026-11-26T10:04:00Z', actor: 'e2e admin', action: 'EXPORT', candidateId: '3', fields: ['name', 'email', 'phone'] },
  { id: '7', at: '2026-11-26T10:03:00Z', actor: 'e2e admin', action: 'ERASE', candidateId: '2', fields: [] },
  { id: '6', at: '2026-11-26T10:02:00Z', actor: 'HR süsteem', action: 'CREATE', candidateId: '2', fields: ['name'] },
  { id: '5', at: '2026-11-26T10:01:00Z', actor: 'e2e admin', action: 'UPDATE', candidateId: '3', fields: ['phone'] },
  { id: '4', at: '2026-11-26T10:00:00Z', actor: 'hooldus', action: 'PURGE', candidateId: null, fields: [] },
];

function connection(nodes: typeof entries, hasNextPage = false, endCursor: string | null = null) {
  return { auditLog: { totalCount: nodes.length, pageInfo: { hasNextPage, endCursor }, edges: nodes.map((node) => ({ node })) } };
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderAudit(client: ReturnType<typeof fakeApi>['client'], options: { path?: string; language?: 'et' | 'en' } = {}) {
  return renderApp(
    <Routes>
      <Route
        path="/audit"
        element={
          <>
            <AuditPage />
            <Where />
          </>
        }
      />
    </Routes>,
    { client, path: options.path ?? '/audit', language: options.language },
  );
}

describe('AuditPage', () => {
  it('shows who did what to whose personal fields, in words, newest first', async () => {
    renderAudit(fakeApi({ AuditLog: () => ({ data: connection(entries) }) }).client);
    const rows = await screen.findAllByTestId('audit-entry');
    expect(screen.getByText('6 kirjet')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('e2e värbaja');
    expect(rows[0]).toHaveTextContent('luges');
    expect(rows[0]).toHaveTextContent('e-post, nimi');
    expect(within(rows[0]!).getByRole('link', { name: 'Kandidaat nr 3' })).toHaveAttribute('href', '/candidates/3');
    expect(rows[0]!.querySelector('time')).toHaveAttribute('dateTime', '2026-11-26T10:05:00Z');
    expect(rows.slice(1, 5).map((r) => r.querySelector('.badge')?.textContent)).toEqual([
      'eksportis',
      'kustutas',
      'lõi',
      'muutis',
    ]);
    expect(rows[1]).toHaveTextContent('nimi, e-post, telefon');
    expect(rows[2]).toHaveTextContent('välju pole');
    // An action this app does not know yet is shown as the server names it, never blank.
    expect(rows[5]).toHaveTextContent('PURGE');
    expect(rows[5]).toHaveTextContent('kandidaat puudub');
  });

  it('speaks English after the switch', async () => {
    renderAudit(fakeApi({ AuditLog: () => ({ data: connection(entries.slice(0, 2)) }) }).client, { language: 'en' });
    const rows = await screen.findAllByTestId('audit-entry');
    expect(screen.getByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('read');
    expect(rows[0]).toHaveTextContent('email, name');
    expect(rows[1]).toHaveTextContent('exported');
    expect(within(rows[0]!).getByRole('link', { name: 'Candidate no. 3' })).toBeInTheDocument();
    expect(screen.getByText('2 entries')).toBeInTheDocument();
  });

  it('filters by candidate through the address, refuses a number that is not one, and shows all again', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      AuditLog: ({ candidateId }) => ({
        data: connection(candidateId ? entries.filter((e) => e.candidateId === candidateId) : entries),
      }),
    });
    renderAudit(fake.client);
    await screen.findByText('6 kirjet');
    const field = screen.getByLabelText('Kandidaadi number');
    await user.type(field, 'nr 3');
    await user.click(screen.getByRole('button', { name: 'Filtreeri' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('ainult numbritest'));
    expect(screen.getByTestId('where')).toHaveTextContent('/audit');
    await user.clear(field);
    await user.type(field, '3');
    await user.click(screen.getByRole('button', { name: 'Filtreeri' }));
    await screen.findByText('3 kirjet');
    expect(screen.getByTestId('where')).toHaveTextContent('/audit?candidate=3');
    expect(fake.calls.filter((c) => c.name === 'AuditLog').at(-1)?.variables).toEqual({
      first: 50,
      after: null,
      candidateId: '3',
    });
    await user.click(screen.getByRole('button', { name: 'Näita kõiki' }));
    await screen.findByText('6 kirjet');
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/audit$/);
    expect(screen.getByLabelText('Kandidaadi number')).toHaveValue('');
  });

  it('opens filtered from a link and loads older entries on request', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      AuditLog: ({ after }) =>
        after === 'c2'
          ? { data: { auditLog: { ...connection([entries[4]!]).auditLog, totalCount: 3 } } }
          : { data: { auditLog: { ...connection(entries.slice(0, 2), true, 'c2').auditLog, totalCount: 3 } } },
    });
    renderAudit(fake.client, { path: '/audit?candidate=3' });
    expect(await screen.findAllByTestId('audit-entry')).toHaveLength(2);
    expect(screen.getByLabelText('Kandidaadi number')).toHaveValue('3');
    await user.click(screen.getByRole('button', { name: 'Näita rohkem' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(3));
    expect(screen.getAllByTestId('audit-entry')[2]).toHaveTextContent('muutis');
    expect(screen.queryByRole('button', { name: 'Näita rohkem' })).not.toBeInTheDocument();
    // Asked fresh (network-only), page by page; a repeat of the same request is not a new page.
    expect([...new Set(fake.calls.map((c) => JSON.stringify(c.variables)))].map((v) => JSON.parse(v))).toEqual([
      { first: 50, after: null, candidateId: '3' },
      { first: 50, after: 'c2', candidateId: '3' },
    ]);
  });

  it('tells another role the page is the administrator’s, without asking the server', () => {
    const fake = fakeApi({});
    renderApp(<AuditPage />, { client: fake.client, me: viewer });
    expect(screen.getByText('See leht on ainult administraatorile.')).toBeInTheDocument();
    expect(fake.calls).toEqual([]);
  });
});
