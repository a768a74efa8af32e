import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { PipelineStage } from '../gql/graphql';
import { fakeLive } from '../test/fakeLive';
import { fakeApi, movingIntegration, renderApp, viewer, type Reply } from '../test/render';
import { OpeningPage } from './OpeningPage';

const opening = (closedAt: string | null = null, inPipeline = 1) => ({
  id: '7',
  title: 'Nõunik',
  createdAt: '2026-01-05T10:00:00Z',
  updatedAt: '2026-01-05T10:00:00Z',
  closedAt,
  pipeline: { totalCount: inPipeline },
  standard: null,
  partialQualification: null,
  jobDescription: null,
  requirements: [],
});

const match = (id: string, name: string | null, score: number, application: { id: string; stage: PipelineStage } | null) => ({
  score,
  qualified: true,
  candidate: { id, name },
  application,
  breakdown: [],
});

function server({
  closedAt = null as string | null,
  names = true,
  add = (({ candidateId }) => ({
    data: { addToPipeline: { id: `a${String(candidateId)}`, stage: 'SHORTLISTED' } },
  })) as (variables: Record<string, unknown>) => Reply,
} = {}) {
  const ranking = [
    match('11', names ? 'Kadri Kask' : null, 80, null),
    match('12', names ? 'Tõnis Tamm' : null, 60, { id: '5', stage: 'INTERVIEW' }),
  ];
  return fakeApi({
    Opening: () => ({ data: { opening: opening(closedAt) } }),
    Matches: () => ({
      data: {
        matches: {
          totalCount: ranking.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: ranking.map((node) => ({ node })),
        },
      },
    }),
    MatchScores: () => ({
      data: { matches: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
    }),
    AddToPipeline: add,
  });
}

const routes = (
  <Routes>
    <Route path="/openings/:id" element={<OpeningPage />} />
  </Routes>
);

describe('“add to shortlist” on the opening page', () => {
  it('links to the board with the count of candidates in the pipeline', async () => {
    renderApp(routes, { path: '/openings/7', client: server().client });
    expect(await screen.findByRole('link', { name: 'Värbamise töölaud (1)' })).toHaveAttribute('href', '/openings/7/pipeline');
  });

  it('shortlists a ranked candidate as a ranked match, then shows the stage as a link to the board, focused', async () => {
    const user = userEvent.setup();
    const api = server();
    renderApp(routes, { path: '/openings/7', client: api.client });
    const [kadri, tonis] = await screen.findAllByTestId('match-row');
    // Already in the pipeline: the stage, not the button.
    expect(within(tonis!).queryByRole('button', { name: /Lisa lühinimekirja/ })).not.toBeInTheDocument();
    expect(within(tonis!).getByRole('link', { name: 'Töölaual: Intervjuu (Tõnis Tamm)' })).toHaveAttribute(
      'href',
      '/openings/7/pipeline/5',
    );

    await user.click(within(kadri!).getByRole('button', { name: /^Lisa lühinimekirja\W+Kadri Kask$/ }));
    expect(api.calls).toContainEqual({
      name: 'AddToPipeline',
      variables: { openingId: '7', candidateId: '11', stage: 'SHORTLISTED', source: 'RANKED_MATCH' },
    });
    const stage = await within(kadri!).findByRole('link', { name: 'Töölaual: Lühinimekirjas (Kadri Kask)' });
    expect(stage).toHaveAttribute('href', '/openings/7/pipeline/a11');
    expect(stage).toHaveTextContent('Töölaual Lühinimekirjas');
    await waitFor(() => expect(stage).toHaveFocus());
    expect(within(kadri!).queryByRole('button', { name: /Lisa lühinimekirja/ })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal under the button and keeps the button', async () => {
    const user = userEvent.setup();
    const api = server({
      add: () => ({
        errors: [
          {
            message: 'candidateId: candidate 11 is already in this pipeline (application 3, NEW)',
            extensions: { code: 'BAD_USER_INPUT', field: 'candidateId' },
          },
        ],
      }),
    });
    renderApp(routes, { path: '/openings/7', client: api.client });
    const [row] = await screen.findAllByTestId('match-row');
    await user.click(within(row!).getByRole('button', { name: /^Lisa lühinimekirja\W+Kadri Kask$/ }));
    expect(await within(row!).findByRole('alert')).toHaveTextContent('candidate 11 is already in this pipeline');
    expect(within(row!).getByRole('button', { name: /^Lisa lühinimekirja\W+Kadri Kask$/ })).toBeEnabled();
  });

  it('offers no button to a viewer, but still shows the stage', async () => {
    renderApp(routes, { path: '/openings/7', client: server({ names: false }).client, me: viewer });
    const rows = await screen.findAllByTestId('match-row');
    expect(within(rows[0]!).queryByRole('button', { name: /Lisa lühinimekirja/ })).not.toBeInTheDocument();
    expect(within(rows[1]!).getByRole('link', { name: 'Töölaual: Intervjuu (Kandidaat nr 12)' })).toBeInTheDocument();
  });

  it('offers the button by the right to move candidates, not by role: an HR tool’s token with it may add', async () => {
    const user = userEvent.setup();
    const api = server({ names: false });
    renderApp(routes, { path: '/openings/7', client: api.client, me: movingIntegration });
    const [row] = await screen.findAllByTestId('match-row');
    await user.click(within(row!).getByRole('button', { name: /^Lisa lühinimekirja\W+Kandidaat nr 11$/ }));
    expect(api.calls).toContainEqual({
      name: 'AddToPipeline',
      variables: { openingId: '7', candidateId: '11', stage: 'SHORTLISTED', source: 'RANKED_MATCH' },
    });
    expect(await within(row!).findByRole('link', { name: 'Töölaual: Lühinimekirjas (Kandidaat nr 11)' })).toBeInTheDocument();
  });

  it('offers no button to a token without the right to move candidates', async () => {
    renderApp(routes, {
      path: '/openings/7',
      client: server({ names: false }).client,
      me: { ...movingIntegration, movesApplications: false },
    });
    const rows = await screen.findAllByTestId('match-row');
    expect(within(rows[0]!).queryByRole('button', { name: /Lisa lühinimekirja/ })).not.toBeInTheDocument();
  });

  it('offers no button on a closed opening', async () => {
    renderApp(routes, { path: '/openings/7', client: server({ closedAt: '2026-02-01T10:00:00Z' }).client });
    const rows = await screen.findAllByTestId('match-row');
    expect(within(rows[0]!).queryByRole('button', { name: /Lisa lühinimekirja/ })).not.toBeInTheDocument();
  });

  it('shortlists a candidate from the live arrivals as a live event', async () => {
    const user = userEvent.setup();
    const live = fakeLive();
    const api = server();
    renderApp(routes, { path: '/openings/7', client: api.client, live: live.transport });
    await screen.findAllByTestId('match-row');
    act(() => live.connect());
    act(() => live.next({ data: { candidateAdded: { eventId: '101', match: match('21', 'Kati Kuusk', 90, null) } } }));
    const strip = screen.getByRole('region', { name: 'Uued pärast lehe avamist (1)' });
    await user.click(within(strip).getByRole('button', { name: /^Lisa lühinimekirja\W+Kati Kuusk$/ }));
    expect(api.calls).toContainEqual({
      name: 'AddToPipeline',
      variables: { openingId: '7', candidateId: '21', stage: 'SHORTLISTED', source: 'LIVE_EVENT' },
    });
    expect(await within(strip).findByRole('link', { name: 'Töölaual: Lühinimekirjas (Kati Kuusk)' })).toBeInTheDocument();
  });

  it('moves a shortlisted arrival into the reloaded ranking with its stage, and the focus with it', async () => {
    const user = userEvent.setup();
    const live = fakeLive();
    // With type names, as the server answers: adding an Application reloads the ranking.
    const typed = (m: ReturnType<typeof match>) => ({
      __typename: 'Match',
      ...m,
      candidate: { __typename: 'Candidate', ...m.candidate },
      application: m.application && { __typename: 'Application', ...m.application },
    });
    const ranking = [match('12', 'Tõnis Tamm', 60, { id: '5', stage: 'INTERVIEW' })];
    const api = fakeApi({
      Opening: () => ({ data: { opening: opening() } }),
      Matches: () => ({
        data: {
          matches: {
            __typename: 'MatchConnection',
            totalCount: ranking.length,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: ranking.map((node) => ({ __typename: 'MatchEdge', node: typed(node) })),
          },
        },
      }),
      MatchScores: () => ({
        data: { matches: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
      }),
      AddToPipeline: () => {
        ranking.unshift(match('21', 'Kati Kuusk', 90, { id: '6', stage: 'SHORTLISTED' }));
        return { data: { addToPipeline: { __typename: 'Application', id: '6', stage: 'SHORTLISTED' } } };
      },
    });
    renderApp(routes, { path: '/openings/7', client: api.client, live: live.transport });
    await screen.findAllByTestId('match-row');
    act(() => live.next({ data: { candidateAdded: { eventId: '101', match: match('21', 'Kati Kuusk', 90, null) } } }));
    const strip = screen.getByRole('region', { name: 'Uued pärast lehe avamist (1)' });
    await user.click(within(strip).getByRole('button', { name: /^Lisa lühinimekirja\W+Kati Kuusk$/ }));
    await waitFor(() => expect(screen.getAllByTestId('match-row')).toHaveLength(2));
    expect(screen.queryByRole('region', { name: /Uued pärast lehe avamist/ })).not.toBeInTheDocument();
    const kati = screen.getAllByTestId('match-row')[0]!;
    expect(kati).toHaveTextContent('Uus');
    const stage = within(kati).getByRole('link', { name: 'Töölaual: Lühinimekirjas (Kati Kuusk)' });
    await waitFor(() => expect(stage).toHaveFocus());
  });
});
