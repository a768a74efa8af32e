import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp, viewer } from '../test/render';
import { CandidatesPage } from './CandidatesPage';

const page = (name: string | null) => ({
  data: {
    candidates: {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [
        {
          node: {
            id: '5',
            name,
            educationLevel: 'MASTER',
            languages: [{ language: 'Estonian', languageCode: 'et', level: 'C2', native: true }],
            competences: [{ phrase: 'projektijuhtimine' }],
            updatedAt: '2026-01-01T00:00:00Z',
          },
        },
      ],
    },
  },
});

describe('CandidatesPage', () => {
  it('lists candidates with a name search for a role with personal-data rights', async () => {
    const api = fakeApi({ Candidates: () => page('Mari Mägi') });
    renderApp(<CandidatesPage />, { client: api.client, path: '/candidates' });
    expect(await screen.findByRole('link', { name: 'Mari Mägi' })).toHaveAttribute('href', '/candidates/5');
    expect(screen.getByRole('searchbox', { name: 'Otsi kandidaati nime järgi' })).toBeInTheDocument();
    expect(screen.getByText('magistrikraad')).toBeInTheDocument();
    expect(screen.getByText('eesti emakeel')).toBeInTheDocument();
  });

  it('hides the name search and shows no empty names for a role without personal-data rights', async () => {
    const api = fakeApi({ Candidates: () => page(null) });
    renderApp(<CandidatesPage />, { client: api.client, path: '/candidates', me: viewer });
    expect(await screen.findByRole('link', { name: 'Kandidaat nr 5' })).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.getByText(/on vaja õigust isikuandmeid näha/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Lisa kandidaat' })).not.toBeInTheDocument();
  });
});
