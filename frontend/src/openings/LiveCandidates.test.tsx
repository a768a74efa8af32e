import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeLive } from '../test/fakeLive';
import { fakeApi, renderApp, viewer } from '../test/render';
import { OpeningPage } from './OpeningPage';

const opening = {
  id: '7',
  title: 'Nõunik',
  createdAt: '2026-01-05T10:00:00Z',
  pipeline: { totalCount: 0 },
  standard: null,
  partialQualification: null,
  jobDescription: null,
  requirements: [
    { id: '1', kind: 'LANGUAGE', hard: true, weight: 1, description: 'eesti keel ≥ C1', parentId: null, competence: null },
  ],
};

const breakdown = (met: boolean) => [
  {
    met,
    fulfilment: met ? 1 : 0.5,
    evidence: met ? 'täidetud' : 'puudub: eesti keel ≥ C1',
    evidenceEn: met ? 'met' : 'missing: Estonian ≥ C1',
    requirement: { id: '1', kind: 'LANGUAGE', hard: true, weight: 1, description: 'eesti keel ≥ C1' },
  },
];

const match = (id: string, name: string, score: number, qualified: boolean) => ({
  score,
  qualified,
  candidate: { id, name },
  breakdown: breakdown(qualified),
});

/** The server's ranking; a test adds to it to play "the ranking was reloaded". */
function server(ranking = [match('11', 'Mari Maasikas', 80, true)]) {
  const api = fakeApi({
    Opening: () => ({ data: { opening } }),
    Matches: ({ onlyQualified }) => {
      const shown = onlyQualified ? ranking.filter((m) => m.qualified) : ranking;
      return {
        data: {
          matches: {
            totalCount: shown.length,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: shown.map((node) => ({ node })),
          },
        },
      };
    },
    MatchScores: () => ({
      data: {
        matches: {
          totalCount: ranking.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: ranking.map((m) => ({ node: { score: m.score, qualified: m.qualified } })),
        },
      },
    }),
  });
  return { ...api, ranking };
}

const routes = (
  <Routes>
    <Route path="/openings/:id" element={<OpeningPage />} />
    <Route path="/openings/:id/candidates/:candidateId" element={<OpeningPage />} />
  </Routes>
);

const added = (eventId: string, m: ReturnType<typeof match>) => ({
  data: { candidateAdded: { eventId, match: m } },
});

describe('live candidates on the opening page', () => {
  it('subscribes for this opening and says it is live once the socket is up', async () => {
    const live = fakeLive();
    renderApp(routes, { path: '/openings/7', client: server().client, live: live.transport });
    await screen.findAllByTestId('match-row');
    expect(live.subscriptions).toHaveLength(1);
    expect(live.subscriptions[0]!.variables).toEqual({ openingId: '7', after: null });
    expect(screen.getByTestId('live-status')).toHaveTextContent('Ühendan');
    act(() => live.connect());
    expect(screen.getByTestId('live-status')).toHaveTextContent('Reaalajas');
  });

  it('shows arrivals highlighted in rank order above the ranking, and announces each politely', async () => {
    const live = fakeLive();
    renderApp(routes, { path: '/openings/7', client: server().client, live: live.transport });
    await screen.findAllByTestId('match-row');
    act(() => live.connect());
    act(() => live.next(added('101', match('21', 'Tõnis Tamm', 40, false))));
    act(() => live.next(added('102', match('22', 'Kati Kuusk', 90, true))));

    const strip = screen.getByRole('region', { name: 'Uued pärast lehe avamist (2)' });
    const rows = within(strip).getAllByTestId('live-row');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Kati Kuusk', 'Tõnis Tamm']);
    expect(rows[0]).toHaveClass('is-new');
    expect(within(rows[0]!).getByText('Uus')).toBeInTheDocument();
    const announcer = document.querySelector('[aria-live="polite"]');
    expect(announcer).toHaveTextContent('Uus kandidaat: Kati Kuusk, skoor 90,0, Vastab nõuetele.');
    // The ranking itself is what the server ranked when the page loaded.
    expect(screen.getAllByTestId('match-row')).toHaveLength(1);
  });

  it('hides arrivals that miss a hard requirement while "only qualified" is on, and does not announce them', async () => {
    const user = userEvent.setup();
    const live = fakeLive();
    renderApp(routes, { path: '/openings/7', client: server().client, live: live.transport });
    await screen.findAllByTestId('match-row');
    await user.click(screen.getByLabelText('Ainult nõuetele vastavad'));
    act(() => live.next(added('101', match('21', 'Tõnis Tamm', 40, false))));
    expect(screen.queryByText('Tõnis Tamm')).not.toBeInTheDocument();
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('');
    act(() => live.next(added('102', match('22', 'Kati Kuusk', 90, true))));
    const strip = screen.getByRole('region', { name: 'Uued pärast lehe avamist (1)' });
    expect(within(strip).getByText('Kati Kuusk')).toBeInTheDocument();
    // One subscription throughout: the filter is applied on the page, nothing is lost.
    expect(live.subscriptions).toHaveLength(1);
  });

  it('places arrivals in the ranking on request, still marked new there', async () => {
    const user = userEvent.setup();
    const live = fakeLive();
    const api = server();
    renderApp(routes, { path: '/openings/7', client: api.client, live: live.transport });
    await screen.findAllByTestId('match-row');
    const kati = match('22', 'Kati Kuusk', 90, true);
    act(() => live.next(added('102', kati)));
    api.ranking.unshift(kati);
    await user.click(screen.getByRole('button', { name: 'Paiguta pingeritta' }));
    await waitFor(() => expect(screen.getAllByTestId('match-row')).toHaveLength(2));
    expect(screen.queryByRole('region', { name: /Uued pärast lehe avamist/ })).not.toBeInTheDocument();
    const first = screen.getAllByTestId('match-row')[0]!;
    expect(within(first).getByText('Kati Kuusk')).toBeInTheDocument();
    expect(within(first).getByText('Uus')).toBeInTheDocument();
    expect(within(screen.getAllByTestId('match-row')[1]!).queryByText('Uus')).not.toBeInTheDocument();
  });

  it('after a dropped socket says it is reconnecting and resumes after the last event it saw', async () => {
    const live = fakeLive();
    renderApp(routes, { path: '/openings/7', client: server().client, live: live.transport });
    await screen.findAllByTestId('match-row');
    act(() => live.connect());
    act(() => live.next(added('105', match('22', 'Kati Kuusk', 90, true))));
    act(() => live.drop());
    expect(screen.getByTestId('live-status')).toHaveTextContent('ühendan uuesti');
    // The first retry waits a second.
    await waitFor(() => expect(live.subscriptions).toHaveLength(2), { timeout: 3000 });
    expect(live.subscriptions[1]!.variables).toEqual({ openingId: '7', after: '105' });
    // The replay repeats nothing already shown and adds what was missed.
    act(() => live.connect());
    act(() => live.next(added('106', match('23', 'Peeter Pärn', 70, true))));
    const strip = screen.getByRole('region', { name: 'Uued pärast lehe avamist (2)' });
    expect(within(strip).getAllByTestId('live-row')).toHaveLength(2);
    expect(screen.getByTestId('live-status')).toHaveTextContent('Reaalajas');
  });

  it('offers no live updates to a viewer, with a note, and does not subscribe', async () => {
    const live = fakeLive();
    renderApp(routes, { path: '/openings/7', client: server().client, live: live.transport, me: viewer });
    await screen.findAllByTestId('match-row');
    expect(screen.getByText(/pole sinu rollile saadaval/)).toBeInTheDocument();
    expect(live.subscriptions).toHaveLength(0);
  });

  it('stops and says so when the server refuses the role', async () => {
    const live = fakeLive();
    renderApp(routes, { path: '/openings/7', client: server().client, live: live.transport });
    await screen.findAllByTestId('match-row');
    act(() => live.fail([{ message: 'role viewer may not subscribe', extensions: { code: 'FORBIDDEN' } }]));
    expect(screen.getByText(/pole sinu rollile saadaval/)).toBeInTheDocument();
    expect(screen.queryByTestId('live-status')).not.toBeInTheDocument();
  });
});
