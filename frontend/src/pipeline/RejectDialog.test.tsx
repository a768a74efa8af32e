import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { application, badInput, fakePipeline, moveRefused } from '../test/fakePipeline';
import { admin, recruiter, renderApp } from '../test/render';
import { PipelinePage } from './PipelinePage';

const routes = (
  <Routes>
    <Route path="/openings/:id/pipeline" element={<PipelinePage />} />
  </Routes>
);

/** Chooses "Tagasi lükatud" on Kadri's card and presses "Vii": the dialog opens. */
async function openRejection(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(await screen.findByLabelText('Vii etappi: Kadri Kask'), 'REJECTED');
  await user.click(screen.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' }));
  return screen.getByRole('dialog', { name: 'Lükka tagasi: Kadri Kask' });
}

const moves = (calls: { name: string; variables: Record<string, unknown> }[]) =>
  calls.filter((c) => c.name === 'MoveApplication').map((c) => c.variables);

describe('the rejection dialog', () => {
  it('offers the six reasons and asks for them before any request', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'INTERVIEW', 'Kadri Kask')]);
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    const dialog = await openRejection(user);
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('div')?.textContent)).toEqual([
      'Ei vasta kohustuslikele nõuetele',
      'Oskused või kogemus ei vasta ametikoha vajadustele',
      'Valiti teine kandidaat',
      'Palgas või tingimustes ei lepitud kokku',
      'Kandidaat ei vastanud',
      'Muu põhjus',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Lükka tagasi' }));
    expect(within(dialog).getByText('Vali põhjus.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getAllByRole('radio')[0]).toHaveFocus());
    expect(moves(fake.calls)).toEqual([]);
  });

  it('requires a text for “other”: names the field, sends nothing, then rejects with kind and text', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'INTERVIEW', 'Kadri Kask')]);
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    const dialog = await openRejection(user);
    await user.click(within(dialog).getByLabelText('Muu põhjus'));
    const text = within(dialog).getByLabelText(/Selgitus/);
    expect(text).toBeRequired();
    await user.type(text, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Lükka tagasi' }));
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAccessibleDescription(expect.stringContaining('Kirjuta, mis on põhjus.'));
    await waitFor(() => expect(text).toHaveFocus());
    expect(moves(fake.calls)).toEqual([]);

    await user.type(text, 'Kolis välismaale ');
    expect(text).not.toHaveAttribute('aria-invalid');
    await user.click(within(dialog).getByRole('button', { name: 'Lükka tagasi' }));
    expect(moves(fake.calls)).toEqual([
      { id: '1', stage: 'REJECTED', reason: { kind: 'OTHER', text: 'Kolis välismaale' }, force: false },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const rejected = screen.getByRole('region', { name: /^Tagasi lükatud/ });
    await waitFor(() => expect(within(rejected).getByTestId('pipeline-card')).toHaveTextContent('Muu põhjus'));
  });

  it('sends a reason without text when its kind needs none', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'INTERVIEW', 'Kadri Kask')]);
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    const dialog = await openRejection(user);
    await user.click(within(dialog).getByLabelText('Valiti teine kandidaat'));
    expect(within(dialog).getByLabelText(/Selgitus/)).not.toBeRequired();
    await user.click(within(dialog).getByRole('button', { name: 'Lükka tagasi' }));
    expect(moves(fake.calls)).toEqual([
      { id: '1', stage: 'REJECTED', reason: { kind: 'OTHER_CANDIDATE_CHOSEN', text: null }, force: false },
    ]);
  });

  it('shows the server’s complaint about the text beside the field and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'INTERVIEW', 'Kadri Kask')], {
      MoveApplication: () => badInput('reason.text', 'has 4001 characters; at most 4000'),
    });
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    const dialog = await openRejection(user);
    await user.click(within(dialog).getByLabelText('Kandidaat ei vastanud'));
    await user.type(within(dialog).getByLabelText(/Selgitus/), 'helistasin kolm korda');
    await user.click(within(dialog).getByRole('button', { name: 'Lükka tagasi' }));
    const text = within(dialog).getByLabelText(/Selgitus/);
    await waitFor(() => expect(text).toHaveAttribute('aria-invalid', 'true'));
    expect(text).toHaveAccessibleDescription(expect.stringContaining('has 4001 characters; at most 4000'));
    expect(text).toHaveValue('helistasin kolm korda');
  });

  it('says the server’s refusal of a missing text beside the field, in the user’s words', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'INTERVIEW', 'Kadri Kask')], {
      MoveApplication: () => moveRefused('REASON_TEXT_MISSING', 'the reason OTHER needs a text', { field: 'reason.text' }),
    });
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter, language: 'en' });
    await user.selectOptions(await screen.findByLabelText('Move to stage: Kadri Kask'), 'REJECTED');
    await user.click(screen.getByRole('button', { name: 'Move Kadri Kask to the chosen stage' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject: Kadri Kask' });
    await user.click(within(dialog).getByLabelText('The candidate did not answer'));
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    const text = within(dialog).getByLabelText(/Explanation/);
    await waitFor(() => expect(text).toHaveAttribute('aria-invalid', 'true'));
    expect(text).toHaveAccessibleDescription(expect.stringContaining('The reason “Other reason” needs a text: write what it is.'));
    expect(within(dialog).queryByRole('button', { name: /anyway/ })).not.toBeInTheDocument();
  });

  it('offers an administrator the force when the server says it would pass, and sends it only then', async () => {
    const user = userEvent.setup();
    const apps = [application('1', 'WITHDRAWN', 'Kadri Kask')];
    const fake = fakePipeline(apps, {
      MoveApplication: ({ force }) => {
        if (!force) {
          return moveRefused('CLOSED', 'the application is closed (WITHDRAWN); only an admin may reopen it to REJECTED', {
            forcible: true,
          });
        }
        apps[0]!.stage = 'REJECTED';
        apps[0]!.rejectionKind = 'NO_RESPONSE';
        return { data: { moveApplication: { ...apps[0], source: 'RANKED_MATCH' } } };
      },
    });
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: admin });
    const dialog = await openRejection(user);
    await user.click(within(dialog).getByLabelText('Kandidaat ei vastanud'));
    await user.click(within(dialog).getByRole('button', { name: 'Lükka tagasi' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Kandidaadi käik on lõppenud: uuesti avada saab ainult administraator.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Lükka siiski tagasi' }));
    expect(moves(fake.calls)).toEqual([
      { id: '1', stage: 'REJECTED', reason: { kind: 'NO_RESPONSE', text: null }, force: false },
      { id: '1', stage: 'REJECTED', reason: { kind: 'NO_RESPONSE', text: null }, force: true },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('closes on Escape without a request and gives the focus back', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'INTERVIEW', 'Kadri Kask')]);
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    await openRejection(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' })).toHaveFocus();
    expect(moves(fake.calls)).toEqual([]);
  });
});
