import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';
import { CandidatePage } from './CandidatePage';

const candidate = {
  id: '11',
  name: 'Kadri Kask',
  email: null,
  phone: null,
  education: null,
  educationLevel: null,
  educationText: null,
  languages: [],
  digital: [],
  experience: [],
  competences: [
    {
      phrase: 'riskide hindamine',
      similarity: 0.82,
      competence: { id: '40', code: 'B.3.14', title: 'Riskijuhtimine', standardId: '2' },
    },
    { phrase: 'kliendikesksus', similarity: null, competence: null },
    { phrase: 'klingoni keel', similarity: null, competence: null },
  ],
  qualifications: [],
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

function api() {
  return fakeApi({
    Candidate: () => ({ data: { candidate } }),
    OpeningsForCandidate: () => ({
      data: { openingsForCandidate: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
    }),
    MapPhrase: ({ phrase }) => ({
      data: {
        mapPhrase:
          phrase === 'kliendikesksus' ? [{ label: 'Kliendikesksus', similarity: 0.91, competence: null }] : [],
      },
    }),
  });
}

describe('CandidatePage', () => {
  it('shows a phrase tied to a job’s competence group as tied to it, and only a phrase nothing took as unmapped', async () => {
    const fake = api();
    renderApp(
      <Routes>
        <Route path="/candidates/:id" element={<CandidatePage />} />
      </Routes>,
      { path: '/candidates/11', client: fake.client },
    );
    const profile = await screen.findByRole('region', { name: 'Profiil' });
    const items = within(profile).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('riskide hindamine → B.3.14 Riskijuhtimine (sarnasus 82%)');
    expect(await within(profile).findByText(/ametikoha kompetentsirühm „Kliendikesksus“/)).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('kliendikesksus → ametikoha kompetentsirühm „Kliendikesksus“ (sarnasus 91%)');
    expect(items[1]).not.toHaveTextContent('sidumata');
    expect(items[2]).toHaveTextContent('klingoni keel → standardikompetentsiga sidumata');
    // A phrase stored with its standard competence needs no second look.
    const asked = fake.calls.filter((c) => c.name === 'MapPhrase').map((c) => String(c.variables.phrase));
    expect(new Set(asked)).toEqual(new Set(['kliendikesksus', 'klingoni keel']));
  });
});
