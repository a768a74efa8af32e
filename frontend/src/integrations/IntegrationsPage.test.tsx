import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '../session/meQuery';
import { fakeApi, recruiter, renderApp } from '../test/render';
import { IntegrationsPage } from './IntegrationsPage';

const integration: Me = { name: 'HR süsteem', role: 'INTEGRATION', seesPersonalData: false, canWrite: false, movesApplications: false };

const hook = {
  id: '3',
  url: 'https://hr.example.ee/sobivus',
  openingId: '7',
  opening: { id: '7', title: 'Nõunik' },
  minScore: 60,
  events: ['CANDIDATE_ADDED'],
  createdBy: 'e2e admin',
  createdAt: '2026-11-20T09:00:00Z',
  pendingDeliveries: 1,
};

// Newest first, as the page asks for them.
const deliveries = [
  {
    id: '31',
    eventId: '102',
    status: 'PENDING',
    attemptCount: 1,
    body: '{}',
    createdAt: '2026-11-20T09:07:00Z',
    nextAttemptAt: '2026-11-20T09:09:00Z',
    deliveredAt: null,
    attempts: [{ at: '2026-11-20T09:07:00Z', statusCode: null, error: 'connection refused', durationMs: 3 }],
  },
  {
    id: '30',
    eventId: '101',
    status: 'DELIVERED',
    attemptCount: 2,
    body: '{"event":"candidateAdded","eventId":101}',
    createdAt: '2026-11-20T09:05:00Z',
    nextAttemptAt: null,
    deliveredAt: '2026-11-20T09:06:00Z',
    attempts: [
      { at: '2026-11-20T09:05:00Z', statusCode: 503, error: 'HTTP 503 Service Unavailable', durationMs: 120 },
      { at: '2026-11-20T09:06:00Z', statusCode: 200, error: null, durationMs: 45 },
    ],
  },
];

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const hooks = [hook];
  const fake = fakeApi({
    Webhooks: () => ({
      data: { webhooks: hooks, openings: { edges: [{ node: { id: '7', title: 'Nõunik' } }] } },
    }),
    WebhookDeliveries: () => ({
      data: {
        webhookDeliveries: {
          totalCount: 2,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: deliveries.map((node) => ({ node })),
        },
      },
    }),
    DeleteWebhook: ({ id }) => {
      hooks.splice(hooks.findIndex((h) => h.id === id), 1);
      return { data: { deleteWebhook: true } };
    },
    ...overrides,
  });
  return { ...fake, hooks };
}

describe('IntegrationsPage', () => {
  it('lists webhooks with their opening, score and author', async () => {
    renderApp(<IntegrationsPage />, { client: api().client });
    const card = await screen.findByTestId('webhook');
    expect(within(card).getByRole('heading', { name: 'https://hr.example.ee/sobivus' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Nõunik' })).toHaveAttribute('href', '/openings/7');
    expect(card).toHaveTextContent('skoor vähemalt 60');
    expect(card).toHaveTextContent('Lõi e2e admin');
    expect(card).toHaveTextContent('1 ootel');
  });

  it('names each webhook’s opening from the webhook itself, also one the form’s list does not hold', async () => {
    const far = { ...hook, id: '5', url: 'https://far.example.ee/', openingId: '250', opening: { id: '250', title: 'Jurist' } };
    const gone = { ...hook, id: '6', url: 'https://gone.example.ee/', openingId: '8', opening: null, minScore: null };
    const fake = api({
      Webhooks: () => ({
        data: { webhooks: [far, gone], openings: { edges: [{ node: { id: '7', title: 'Nõunik' } }] } },
      }),
    });
    renderApp(<IntegrationsPage />, { client: fake.client });
    const cards = await screen.findAllByTestId('webhook');
    expect(within(cards[0]!).getByRole('link', { name: 'Jurist' })).toHaveAttribute('href', '/openings/250');
    expect(cards[1]).toHaveTextContent('Ametikoht: nr 8');
    expect(within(cards[1]!).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows a webhook’s deliveries with every attempt’s answer, error and duration', async () => {
    const user = userEvent.setup();
    renderApp(<IntegrationsPage />, { client: api().client, language: 'en' });
    const card = await screen.findByTestId('webhook');
    const toggle = within(card).getByRole('button', { name: 'Show deliveries' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const items = await within(card).findAllByTestId('delivery');
    expect(items).toHaveLength(2);
    expect(items[1]).toHaveTextContent('Event 101');
    expect(items[1]).toHaveTextContent('delivered');
    expect(items[1]).toHaveTextContent('2 attempts');
    const rows = within(items[1]!).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(1).map((c) => c.textContent))).toEqual([
      ['HTTP 503', 'HTTP 503 Service Unavailable', '120 ms'],
      ['HTTP 200', '—', '45 ms'],
    ]);
    expect(items[0]).toHaveTextContent('pending');
    expect(within(items[0]!).getByRole('row', { name: /no answer connection refused 3 ms/ })).toBeInTheDocument();
  });

  it('asks for the newest deliveries first and loads older ones on request', async () => {
    const user = userEvent.setup();
    const older = { ...deliveries[1]!, id: '29', eventId: '99', status: 'FAILED', nextAttemptAt: null, deliveredAt: null };
    const fake = api({
      WebhookDeliveries: ({ after }) => ({
        data: {
          webhookDeliveries: {
            totalCount: 3,
            pageInfo: after ? { hasNextPage: false, endCursor: 'c3' } : { hasNextPage: true, endCursor: 'c2' },
            edges: (after === 'c2' ? [older] : deliveries).map((node) => ({ node })),
          },
        },
      }),
    });
    renderApp(<IntegrationsPage />, { client: fake.client });
    const card = await screen.findByTestId('webhook');
    await user.click(within(card).getByRole('button', { name: 'Näita saatmisi' }));
    expect(await within(card).findByText('3 saatmist')).toBeInTheDocument();
    expect(within(card).getAllByTestId('delivery').map((d) => d.querySelector('.delivery-event')?.textContent)).toEqual([
      'Sündmus nr 102',
      'Sündmus nr 101',
    ]);
    await user.click(within(card).getByRole('button', { name: 'Näita rohkem' }));
    await waitFor(() => expect(within(card).getAllByTestId('delivery')).toHaveLength(3));
    expect(within(card).getAllByTestId('delivery')[2]).toHaveTextContent('Sündmus nr 99');
    expect(within(card).getAllByTestId('delivery')[2]).toHaveTextContent('ebaõnnestus');
    expect(within(card).queryByRole('button', { name: 'Näita rohkem' })).not.toBeInTheDocument();
    expect(fake.calls.filter((c) => c.name === 'WebhookDeliveries').map((c) => c.variables)).toEqual([
      { webhookId: '3', first: 20, after: null, newestFirst: true },
      { webhookId: '3', first: 20, after: 'c2', newestFirst: true },
    ]);
  });

  it('deletes only after confirmation, and Cancel keeps it', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderApp(<IntegrationsPage />, { client: fake.client });
    const card = await screen.findByTestId('webhook');
    await user.click(within(card).getByRole('button', { name: 'Kustuta veebikonks https://hr.example.ee/sobivus' }));
    expect(within(card).getByText(/Kas kustutada veebikonks/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Jah, kustuta' })).toHaveFocus();
    await user.click(within(card).getByRole('button', { name: 'Tühista' }));
    expect(fake.calls.some((c) => c.name === 'DeleteWebhook')).toBe(false);
    await user.click(within(card).getByRole('button', { name: /Kustuta veebikonks/ }));
    await user.click(within(card).getByRole('button', { name: 'Jah, kustuta' }));
    await waitFor(() => expect(screen.queryByTestId('webhook')).not.toBeInTheDocument());
    expect(fake.calls).toContainEqual({ name: 'DeleteWebhook', variables: { id: '3' } });
    expect(screen.getByText('Veebikonkse veel pole.')).toBeInTheDocument();
  });

  it('names form mistakes beside their fields before asking the server', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderApp(<IntegrationsPage />, { client: fake.client });
    await screen.findByTestId('webhook');
    await user.type(screen.getByLabelText('URL'), 'hr.example.ee');
    await user.type(screen.getByLabelText('Vähim skoor (valikuline)'), '70');
    await user.type(screen.getByLabelText('Allkirjastamise saladus'), 'lühike');
    await user.click(screen.getByRole('button', { name: 'Loo veebikonks' }));
    const url = screen.getByLabelText('URL');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(expect.stringContaining('See pole http- ega https-aadress.'));
    expect(screen.getByLabelText('Vähim skoor (valikuline)')).toHaveAccessibleDescription(
      expect.stringContaining('Vähim skoor eeldab ametikoha valimist.'),
    );
    expect(screen.getByLabelText('Allkirjastamise saladus')).toHaveAccessibleDescription(
      expect.stringContaining('Saladuses on 6 märki'),
    );
    await waitFor(() => expect(url).toHaveFocus());
    expect(fake.calls.some((c) => c.name === 'CreateWebhook')).toBe(false);
    // Choosing an opening answers the score's complaint.
    await user.selectOptions(screen.getByLabelText('Ametikoht (valikuline)'), 'Nõunik');
    expect(screen.getByLabelText('Vähim skoor (valikuline)')).not.toHaveAttribute('aria-invalid');
  });

  it('shows the server’s refusal beside the URL, keeps what was typed, and creates after a fix', async () => {
    const user = userEvent.setup();
    let created = false;
    const fake = api({
      CreateWebhook: ({ url }) => {
        if (String(url).includes('127.0.0.1')) {
          return {
            errors: [
              {
                message: 'url: 127.0.0.1 is a loopback address; allowed only when the operator allows them (WEBHOOK_ALLOW_HOSTS)',
                extensions: { code: 'BAD_USER_INPUT', field: 'url' },
              },
            ],
          };
        }
        created = true;
        return { data: { createWebhook: { id: '4', url: String(url) } } };
      },
    });
    renderApp(<IntegrationsPage />, { client: fake.client });
    await screen.findByTestId('webhook');
    await user.type(screen.getByLabelText('URL'), 'http://127.0.0.1:9/hook');
    await user.click(screen.getByRole('button', { name: 'Genereeri saladus' }));
    const secretField = screen.getByLabelText('Allkirjastamise saladus') as HTMLInputElement;
    expect(secretField.value).toMatch(/^[A-Za-z0-9_-]{40}$/);
    await user.click(screen.getByRole('button', { name: 'Loo veebikonks' }));
    const url = screen.getByLabelText('URL');
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(expect.stringContaining('127.0.0.1 is a loopback address'));
    expect(url).toHaveValue('http://127.0.0.1:9/hook');
    const secret = secretField.value;
    expect(fake.calls.find((c) => c.name === 'CreateWebhook')?.variables).toEqual({
      url: 'http://127.0.0.1:9/hook',
      openingId: null,
      minScore: null,
      secret,
      events: ['CANDIDATE_ADDED'],
    });

    await user.clear(url);
    expect(url).not.toHaveAttribute('aria-invalid');
    await user.type(url, 'https://hr.example.ee/new');
    await user.click(screen.getByRole('button', { name: 'Loo veebikonks' }));
    await waitFor(() => expect(created).toBe(true));
    expect(await screen.findByText('Veebikonks https://hr.example.ee/new on loodud.', { selector: '.success' })).toBeInTheDocument();
    expect(url).toHaveValue('');
  });

  it('is open to the integration role, which sees only its own webhooks', async () => {
    renderApp(<IntegrationsPage />, { client: api().client, me: integration });
    expect(await screen.findByText(/näeb ainult enda loodud/)).toBeInTheDocument();
  });

  it('tells a recruiter it is not theirs, without asking the server', () => {
    const fake = api();
    renderApp(<IntegrationsPage />, { client: fake.client, me: recruiter });
    expect(screen.getByText(/administraator ja liidestuse roll/)).toBeInTheDocument();
    expect(fake.calls).toEqual([]);
  });

  it('lets the user choose the events to receive: new candidates, pipeline changes or both', async () => {
    const user = userEvent.setup();
    const fake = api({ CreateWebhook: ({ url }) => ({ data: { createWebhook: { id: '4', url: String(url) } } }) });
    renderApp(<IntegrationsPage />, { client: fake.client });
    const card = await screen.findByTestId('webhook');
    expect(card).toHaveTextContent('Uued kandidaadid · Ametikoht: Nõunik');
    const events = screen.getByRole('group', { name: 'Mida saata' });
    const candidates = within(events).getByRole('checkbox', { name: /Uued kandidaadid/ });
    const changes = within(events).getByRole('checkbox', { name: /Muudatused värbamisprotsessis/ });
    expect(candidates).toBeChecked();
    expect(changes).not.toBeChecked();
    await user.type(screen.getByLabelText('URL'), 'https://hr.example.ee/pipeline');
    await user.click(screen.getByRole('button', { name: 'Genereeri saladus' }));
    await user.click(candidates);
    await user.click(screen.getByRole('button', { name: 'Loo veebikonks' }));
    expect(within(events).getByText('Vali vähemalt üks.')).toBeInTheDocument();
    expect(fake.calls.some((c) => c.name === 'CreateWebhook')).toBe(false);
    await user.click(changes);
    expect(within(events).queryByText('Vali vähemalt üks.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Loo veebikonks' }));
    expect(fake.calls.find((c) => c.name === 'CreateWebhook')?.variables).toMatchObject({
      url: 'https://hr.example.ee/pipeline',
      events: ['APPLICATION_CHANGED'],
    });
  });
});
