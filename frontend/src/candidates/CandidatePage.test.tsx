import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, recruiter, renderApp, viewer } from '../test/render';
import { CandidatePage } from './CandidatePage';

const riskijuhtimine = { id: '40', code: 'B.3.14', title: 'Riskijuhtimine' };

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
      competence: { ...riskijuhtimine, standardId: '2' },
      mappings: [
        { label: 'B.3.14 Riskijuhtimine', similarity: 0.82, competence: riskijuhtimine },
        { label: 'B.3.14 tegevusnäitaja 2', similarity: 0.74, competence: riskijuhtimine },
        { label: 'Analüüsivõime', similarity: 0.61, competence: null },
        { label: 'Analüüsivõime', similarity: 0.58, competence: null },
        { label: 'B.3.14 teadmine 5', similarity: 0.55, competence: riskijuhtimine },
      ],
    },
    {
      phrase: 'kliendikesksus',
      similarity: null,
      competence: null,
      // The group's name and one of its items: one entry to the reader.
      mappings: [
        { label: 'Kliendikesksus', similarity: 0.91, competence: null },
        { label: 'Kliendikesksus', similarity: 0.7, competence: null },
      ],
    },
    { phrase: 'klingoni keel', similarity: null, competence: null, mappings: [] },
  ],
  qualifications: [],
  files: [] as { id: string; fileName: string; format: string; sizeBytes: number }[],
  applications: [] as unknown[],
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    Candidate: () => ({ data: { candidate } }),
    OpeningsForCandidate: () => ({
      data: { openingsForCandidate: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
    }),
    ExportCandidate: ({ id }) => ({ data: { exportCandidate: { candidate: { id, name: 'Kadri Kask' }, auditLog: [] } } }),
    ...overrides,
  });
}

/** jsdom's Blob has no text(); its FileReader reads one. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function renderProfile(options: Parameters<typeof renderApp>[1] = {}) {
  return renderApp(
    <Routes>
      <Route path="/candidates/:id" element={<CandidatePage />} />
    </Routes>,
    { path: '/candidates/11', client: api().client, ...options },
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CandidatePage', () => {
  it('shows each phrase’s best mapping with its similarity, a job’s competence group as such, and only a phrase nothing took as unmapped', async () => {
    const fake = api();
    renderProfile({ client: fake.client });
    const profile = await screen.findByRole('region', { name: 'Profiil' });
    const items = within(profile).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('riskide hindamine → B.3.14 Riskijuhtimine (sarnasus 82%)');
    expect(items[1]).toHaveTextContent('kliendikesksus → ametikoha kompetentsirühm „Kliendikesksus“ (sarnasus 91%)');
    expect(items[1]).not.toHaveTextContent('sidumata');
    expect(items[2]).toHaveTextContent('klingoni keel → sidumata');
    // The mappings come with the profile: nothing is looked up phrase by phrase.
    expect(fake.calls.map((c) => c.name).sort()).toEqual(['Candidate', 'OpeningsForCandidate']);
    // One entry (reached twice) has nothing more to show.
    expect(within(items[1]!).queryByRole('button')).not.toBeInTheDocument();
  });

  it('expands a phrase to every distinct mapping, best first, in the reader’s language', async () => {
    const user = userEvent.setup();
    renderProfile({ language: 'en' });
    const profile = await screen.findByRole('region', { name: 'Profile' });
    const toggle = within(profile).getByRole('button', { name: 'All mappings (4)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAccessibleDescription('riskide hindamine');
    expect(within(profile).queryByRole('list', { name: /Every mapping/ })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Hide mappings');
    const all = within(profile).getByRole('list', { name: 'Every mapping of “riskide hindamine”, best first' });
    expect(within(all).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'B.3.14 Riskijuhtimine' + 'similarity 82%',
      'B.3.14 performance indicator 2 (Riskijuhtimine)' + 'similarity 74%',
      'the job\'s competence group “Analüüsivõime”' + 'similarity 61%',
      'B.3.14 knowledge 5 (Riskijuhtimine)' + 'similarity 55%',
    ]);
    await user.click(toggle);
    expect(within(profile).queryByRole('list', { name: /Every mapping/ })).not.toBeInTheDocument();
  });

  it('still shows the standard competence of a phrase stored before its mappings were kept', async () => {
    const old = {
      ...candidate,
      competences: [{ ...candidate.competences[0]!, mappings: [] }],
    };
    renderProfile({ client: api({ Candidate: () => ({ data: { candidate: old } }) }).client });
    const profile = await screen.findByRole('region', { name: 'Profiil' });
    expect(within(profile).getAllByRole('listitem')[0]).toHaveTextContent(
      'riskide hindamine → B.3.14 Riskijuhtimine (sarnasus 82%)',
    );
  });

  it('downloads everything held about the candidate as candidate-<id>.json', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    const created = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    const fake = api();
    renderProfile({ client: fake.client, me: recruiter });
    await user.click(await screen.findByRole('button', { name: 'Ekspordi andmed (JSON)' }));
    expect(await screen.findByText('Andmed laaditi alla failina candidate-11.json.')).toBeInTheDocument();
    expect(clicked).toEqual([{ href: 'blob:export', download: 'candidate-11.json' }]);
    expect(blobs[0]!.type).toBe('application/json');
    expect(JSON.parse(await readBlob(blobs[0]!))).toEqual({ candidate: { id: '11', name: 'Kadri Kask' }, auditLog: [] });
    expect(fake.calls).toContainEqual({ name: 'ExportCandidate', variables: { id: '11' } });
    // Only the administrator is pointed to the audit log.
    expect(screen.queryByRole('link', { name: 'Auditilogi' })).not.toBeInTheDocument();
  });

  it('shows why an export failed and downloads nothing', async () => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const fake = api({ ExportCandidate: () => ({ errors: [{ message: 'candidate 11 not found', extensions: { code: 'NOT_FOUND' } }] }) });
    renderProfile({ client: fake.client });
    await user.click(await screen.findByRole('button', { name: 'Ekspordi andmed (JSON)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('candidate 11 not found');
    expect(click).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ekspordi andmed (JSON)' })).toBeEnabled());
  });

  it('offers the export and the audit log by role: both to an admin, neither to a viewer', async () => {
    const { unmount } = renderProfile();
    await screen.findByRole('region', { name: 'Profiil' });
    expect(screen.getByRole('link', { name: 'Auditilogi' })).toHaveAttribute('href', '/audit?candidate=11');
    expect(screen.getByRole('button', { name: 'Ekspordi andmed (JSON)' })).toBeInTheDocument();
    unmount();
    renderProfile({ me: viewer });
    await screen.findByRole('region', { name: 'Profiil' });
    expect(screen.queryByRole('button', { name: /Ekspordi/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Auditilogi' })).not.toBeInTheDocument();
  });

  it('lists a kept CV file and downloads it as it was sent', async () => {
    const user = userEvent.setup();
    const withFile = { ...candidate, files: [{ id: '5', fileName: 'kadri-cv.pdf', format: 'pdf', sizeBytes: 2048 }] };
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:cv';
      }),
      revokeObjectURL: vi.fn(),
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const fake = api({
      Candidate: () => ({ data: { candidate: withFile } }),
      CandidateFileContent: () => ({
        data: { candidate: { files: [{ id: '5', contentBase64: btoa('%PDF-1.4 CV') }] } },
      }),
    });
    renderProfile({ client: fake.client, me: recruiter });
    const profile = await screen.findByRole('region', { name: 'Profiil' });
    expect(within(profile).getByText('CV failid')).toBeInTheDocument();
    expect(within(profile).getByText('(2 KiB)')).toBeInTheDocument();
    await user.click(within(profile).getByRole('button', { name: 'kadri-cv.pdf' }));
    await waitFor(() => expect(clicked).toEqual(['kadri-cv.pdf']));
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(await readBlob(blobs[0]!)).toBe('%PDF-1.4 CV');
    // A viewer is not shown the file, even its name.
    renderProfile({ client: fake.client, me: viewer });
    await waitFor(() => expect(screen.getAllByRole('region', { name: 'Profiil' })).toHaveLength(2));
    expect(screen.getAllByRole('button', { name: 'kadri-cv.pdf' })).toHaveLength(1);
  });

  it('lists the pipelines the candidate is in, each opening linked to its board with the candidate’s details open', async () => {
    const applications = [
      { id: '3', stage: 'INTERVIEW', rejectionKind: null, createdAt: '2026-11-02T10:00:00Z', opening: { id: '7', title: 'Nõunik' } },
      {
        id: '9',
        stage: 'REJECTED',
        rejectionKind: 'NO_RESPONSE',
        createdAt: '2026-11-03T10:00:00Z',
        opening: { id: '8', title: 'Projektijuht' },
      },
    ];
    renderProfile({ client: api({ Candidate: () => ({ data: { candidate: { ...candidate, applications } } }) }).client });
    const section = await screen.findByRole('region', { name: 'Värbamisprotsessid' });
    const items = within(section).getAllByTestId('application');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link', { name: 'Nõunik: ava töölaud' })).toHaveAttribute('href', '/openings/7/pipeline/3');
    expect(items[0]).toHaveTextContent('Intervjuu');
    expect(items[1]).toHaveTextContent('Tagasi lükatud');
    expect(items[1]).toHaveTextContent('Kandidaat ei vastanud');
  });

  it('says when the candidate is in no pipeline', async () => {
    renderProfile();
    const section = await screen.findByRole('region', { name: 'Värbamisprotsessid' });
    expect(section).toHaveTextContent('Kandidaat pole ühegi ametikoha värbamisprotsessis.');
  });
});
