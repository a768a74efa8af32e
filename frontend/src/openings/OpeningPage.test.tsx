import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp, viewer } from '../test/render';
import { OpeningPage } from './OpeningPage';

const requirement = (id: string, kind: string, hard: boolean, description: string, extra = {}) => ({
  id,
  kind,
  hard,
  weight: 1,
  description,
  parentId: null,
  source: null,
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
  competence: null,
  ...extra,
});

const opening = {
  id: '7',
  title: 'Klienditeeninduse nõunik',
  createdAt: '2026-01-05T10:00:00Z',
  updatedAt: '2026-01-05T10:00:00Z',
  closedAt: null,
  pipeline: { totalCount: 0 },
  standard: {
    id: '2',
    title: 'IT-juht, tase 7',
    ekrLevel: 7,
    partialQualifications: [{ title: 'Infoturbejuht, tase 7', competences: [{ id: '40' }] }],
  },
  partialQualification: null,
  jobDescription: null,
  requirements: [
    requirement('1', 'LANGUAGE', true, 'eesti keel ≥ C1', {
      descriptionEn: 'Estonian ≥ C1',
      language: 'Estonian',
      minCefr: 'C1',
      source: 'Eesti keele oskus C1 tasemel',
    }),
    requirement('2', 'EDUCATION', true, 'haridus: vähemalt kõrgharidus', { minEducation: 'HIGHER' }),
    requirement('3', 'COMPETENCE', false, 'Riskijuhtimine', {
      competence: { id: '40', code: 'B.3.14', title: 'Riskijuhtimine' },
    }),
  ],
};

const result = (reqId: string, kind: string, hard: boolean, met: boolean, fulfilment: number, description: string) => ({
  met,
  fulfilment,
  evidence: met ? `täidetud: ${description}` : `puudub: ${description}`,
  evidenceEn: met ? `met: ${description}` : `missing: ${description}`,
  requirement: { id: reqId, kind, hard, weight: 1, description },
});

const matches = [
  {
    score: 81.5,
    qualified: true,
    candidate: { id: '11', name: 'Mari Maasikas' },
    breakdown: [
      result('1', 'LANGUAGE', true, true, 1, 'eesti keel ≥ C1'),
      result('2', 'EDUCATION', true, true, 1, 'haridus: vähemalt kõrgharidus'),
      result('3', 'COMPETENCE', false, false, 0.4, 'Riskijuhtimine'),
    ],
  },
  {
    score: 35,
    qualified: false,
    candidate: { id: '12', name: 'Jaan Tamm' },
    breakdown: [
      result('1', 'LANGUAGE', true, false, 0.5, 'eesti keel ≥ C1'),
      result('2', 'EDUCATION', true, true, 1, 'haridus: vähemalt kõrgharidus'),
      result('3', 'COMPETENCE', false, false, 0, 'Riskijuhtimine'),
    ],
  },
];

function api(me = { personal: true }) {
  const hide = (m: (typeof matches)[number]) =>
    me.personal ? m : { ...m, candidate: { ...m.candidate, name: null } };
  return fakeApi({
    UpdateOpening: ({ id }) => ({ data: { updateOpening: { id, title: opening.title, updatedAt: opening.updatedAt } } }),
    CloseOpening: ({ id }) => ({ data: { closeOpening: { id, closedAt: '2026-02-01T10:00:00Z', updatedAt: opening.updatedAt } } }),
    Opening: () => ({ data: { opening } }),
    Matches: ({ onlyQualified }) => {
      const shown = (onlyQualified ? matches.filter((m) => m.qualified) : matches).map(hide);
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
          totalCount: 2,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: matches.map((m) => ({ node: { score: m.score, qualified: m.qualified } })),
        },
      },
    }),
    CandidateMatch: ({ candidateId }) => {
      const m = matches.find((x) => x.candidate.id === candidateId);
      if (!m) return { errors: [{ message: `candidate ${String(candidateId)} not found`, extensions: { code: 'NOT_FOUND' } }] };
      return { data: { match: hide(m) } };
    },
  });
}

const routes = (
  <Routes>
    <Route path="/openings/:id" element={<OpeningPage />} />
    <Route path="/openings/:id/candidates/:candidateId" element={<OpeningPage />} />
  </Routes>
);

function renderOpening(path = '/openings/7', options: Parameters<typeof renderApp>[1] = {}) {
  return renderApp(routes, { path, client: api().client, ...options });
}

describe('OpeningPage', () => {
  it('groups requirements into hard and soft, with the competence code and its osakutse', async () => {
    renderOpening();
    const hard = await screen.findByRole('region', { name: 'Kohustuslikud nõuded' });
    expect(within(hard).getByText('Haridus')).toBeInTheDocument();
    expect(within(hard).getByText('Keeleoskus')).toBeInTheDocument();
    const soft = screen.getByRole('region', { name: 'Soovitavad nõuded' });
    expect(within(soft).getByText('B.3.14')).toBeInTheDocument();
    expect(within(soft).getByText('osakutse „Infoturbejuht, tase 7“')).toBeInTheDocument();
  });

  it('ranks candidates with a badge, a score and the biggest gaps, a failed hard requirement first', async () => {
    renderOpening();
    const rows = await screen.findAllByTestId('match-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Mari Maasikas')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Vastab nõuetele')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('meter', { name: 'Skoor: Mari Maasikas' })).toHaveAttribute('aria-valuenow', '81.5');
    const gaps = within(rows[1]!).getAllByRole('listitem');
    expect(gaps.map((g) => g.textContent)).toEqual(['kohustuslik eesti keel ≥ C1', ' Riskijuhtimine']);
    expect(within(rows[1]!).getByText('Ei vasta nõuetele')).toBeInTheDocument();
  });

  it('draws the score histogram', async () => {
    renderOpening();
    const chart = await screen.findByRole('img', { name: /Sobivusskooride jaotus/ });
    expect(chart).toHaveAccessibleName(expect.stringContaining('2 kandidaati, neist 1 vastavad nõuetele.'));
  });

  it('filters to qualified candidates only', async () => {
    const user = userEvent.setup();
    renderOpening();
    await screen.findAllByTestId('match-row');
    await user.click(screen.getByLabelText('Ainult nõuetele vastavad'));
    await waitFor(() => expect(screen.getAllByTestId('match-row')).toHaveLength(1));
    expect(screen.queryByText('Jaan Tamm')).not.toBeInTheDocument();
  });

  it('opens the full breakdown with group bars and evidence in a side panel, and Escape closes it', async () => {
    const user = userEvent.setup();
    renderOpening();
    const rows = await screen.findAllByTestId('match-row');
    await user.click(within(rows[1]!).getByRole('button', { name: /Selgitus/ }));
    const panel = await screen.findByRole('complementary', { name: /Sobivuse selgitus/ });
    expect(await within(panel).findByRole('meter', { name: 'Keeleoskus' })).toHaveAttribute('aria-valuenow', '50');
    expect(within(panel).getByText('puudub: eesti keel ≥ C1')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('complementary')).not.toBeInTheDocument());
    await waitFor(() => expect(within(rows[1]!).getByRole('button', { name: /Selgitus/ })).toHaveFocus());
  });

  it('opens a breakdown from its own address, loading that one match, and keeps the filter', async () => {
    const fake = api();
    renderApp(routes, { path: '/openings/7/candidates/12?qualified=1', client: fake.client });
    const panel = await screen.findByRole('complementary', { name: /Sobivuse selgitus/ });
    expect(await within(panel).findByText('Jaan Tamm')).toBeInTheDocument();
    expect(within(panel).getByRole('meter', { name: 'Keeleoskus' })).toHaveAttribute('aria-valuenow', '50');
    expect(fake.calls).toContainEqual({ name: 'CandidateMatch', variables: { openingId: '7', candidateId: '12' } });
    // The filter in the URL still applies to the ranking beside the panel.
    await waitFor(() => expect(screen.getAllByTestId('match-row')).toHaveLength(1));
    expect(screen.getByLabelText('Ainult nõuetele vastavad')).toBeChecked();
  });

  it('says so when the linked candidate does not exist', async () => {
    renderOpening('/openings/7/candidates/999');
    const panel = await screen.findByRole('complementary', { name: /Sobivuse selgitus/ });
    expect(await within(panel).findByText('Sellist kandidaati ei ole.')).toBeInTheDocument();
  });

  it('moves an old ?candidate= link to the breakdown’s own address', async () => {
    renderOpening('/openings/7?candidate=11');
    const panel = await screen.findByRole('complementary', { name: /Sobivuse selgitus/ });
    expect(await within(panel).findByText('Mari Maasikas')).toBeInTheDocument();
  });

  it('edits a requirement beside its sentence, saves the whole list and loads the ranking again', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderApp(routes, { path: '/openings/7', client: fake.client });
    await screen.findAllByTestId('match-row');
    await user.click(screen.getByRole('button', { name: 'Muuda' }));
    const language = screen.getByRole('group', { name: /eesti keel ≥ C1/ });
    expect(language).toHaveTextContent('„Eesti keele oskus C1 tasemel“');
    await user.selectOptions(within(language).getByLabelText('Tase'), 'B2');
    await user.click(within(screen.getByRole('group', { name: /haridus/ })).getByLabelText('Kohustuslik (välistav)'));
    const rankings = fake.calls.filter((c) => c.name === 'Matches').length;
    await user.click(screen.getByRole('button', { name: 'Salvesta' }));
    expect(await screen.findByText('Muudatused salvestatud; pingerida arvestab neid kohe.')).toBeInTheDocument();
    expect(fake.calls.find((c) => c.name === 'UpdateOpening')?.variables).toEqual({
      id: '7',
      input: {
        requirements: [
          { id: '1', kind: 'LANGUAGE', hard: true, weight: 1, language: 'eesti', minCefr: 'B2' },
          { id: '2', kind: 'EDUCATION', hard: false, weight: 1 },
          { id: '3', kind: 'COMPETENCE', hard: false, weight: 1 },
        ],
      },
    });
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'Matches').length).toBeGreaterThan(rankings));
  });

  it('closes an opening', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderApp(routes, { path: '/openings/7', client: fake.client });
    await user.click(await screen.findByRole('button', { name: 'Sulge ametikoht' }));
    await waitFor(() => expect(fake.calls).toContainEqual({ name: 'CloseOpening', variables: { id: '7' } }));
  });

  it('shows requirements in English words in the English app', async () => {
    renderApp(routes, { path: '/openings/7', client: api().client, language: 'en' });
    const hard = await screen.findByRole('region', { name: 'Hard requirements' });
    expect(hard).toHaveTextContent('Estonian ≥ C1');
    expect(hard).not.toHaveTextContent('eesti keel');
  });

  it('offers no editing to a role that only reads', async () => {
    renderApp(routes, { path: '/openings/7', client: api({ personal: false }).client, me: viewer });
    await screen.findAllByTestId('match-row');
    expect(screen.queryByRole('button', { name: 'Muuda' })).not.toBeInTheDocument();
  });

  it('labels candidates by number for a role that may not see names', async () => {
    renderApp(routes, { path: '/openings/7', client: api({ personal: false }).client, me: viewer });
    const rows = await screen.findAllByTestId('match-row');
    expect(within(rows[0]!).getByText('Kandidaat nr 11')).toBeInTheDocument();
    expect(screen.queryByText('Mari Maasikas')).not.toBeInTheDocument();
  });
});
