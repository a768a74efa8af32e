import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { PipelineStage } from '../gql/graphql';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { fakeLive } from '../test/fakeLive';
import { application, fakePipeline, moveRefused } from '../test/fakePipeline';
import { admin, movingIntegration, recruiter, renderApp, viewer } from '../test/render';
import { PipelinePage } from './PipelinePage';

const routes = (
  <Routes>
    <Route path="/openings/:id/pipeline" element={<PipelinePage />} />
    <Route path="/openings/:id/pipeline/:applicationId" element={<PipelinePage />} />
  </Routes>
);

const column = (name: RegExp) => screen.getByRole('region', { name });

function board() {
  return fakePipeline([
    application('1', 'SHORTLISTED', 'Kadri Kask', 78.5, true),
    application('2', 'NEW', 'Tõnis Tamm', 40, false),
    application('3', 'INTERVIEW', 'Mari Maasikas', 90, true),
  ]);
}

describe('the recruitment board', () => {
  it('shows every stage as a column with the server’s count, and each card’s score and decision', async () => {
    renderApp(routes, { path: '/openings/7/pipeline', client: board().client, me: recruiter });
    await screen.findByRole('heading', { level: 1, name: /Värbamise töölaud/ });
    const names = screen.getAllByRole('region').map((r) => r.querySelector('h2')?.getAttribute('aria-label'));
    expect(names).toEqual([
      'Uus: 1 kandidaat',
      'Lühinimekirjas: 1 kandidaat',
      'Ühendust võetud: 0 kandidaati',
      'Intervjuu: 1 kandidaat',
      'Pakkumine: 0 kandidaati',
      'Tööle võetud: 0 kandidaati',
      'Tagasi lükatud: 0 kandidaati',
      'Loobunud: 0 kandidaati',
    ]);
    expect(screen.getByText('3 kandidaati värbamisprotsessis')).toBeInTheDocument();
    const kadri = within(column(/^Lühinimekirjas/)).getByTestId('pipeline-card');
    expect(within(kadri).getByRole('link', { name: 'Kadri Kask' })).toHaveAttribute('href', '/candidates/11');
    expect(kadri).toHaveTextContent('Vastab nõuetele');
    expect(kadri).toHaveTextContent('Skoor lisamisel: 78,5');
    expect(within(kadri).getByRole('link', { name: 'Sobivuse selgitus: Kadri Kask' })).toHaveAttribute(
      'href',
      '/openings/7/candidates/11',
    );
    expect(within(column(/^Uus/)).getByTestId('pipeline-card')).toHaveTextContent('Ei vasta nõuetele');
  });

  it('counts the rejected candidates by the reason given, under the board', async () => {
    const rejected = { ...application('4', 'REJECTED', 'Jaan Tamm', 30, false), rejectionKind: 'TERMS_NOT_AGREED' as const };
    const other = { ...application('5', 'REJECTED', 'Ene Kask', 35, false), rejectionKind: 'TERMS_NOT_AGREED' as const };
    const fake = fakePipeline([application('1', 'NEW', 'Kadri Kask'), rejected, other]);
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    const title = await screen.findByRole('heading', { name: 'Tagasilükkamise põhjused' });
    const list = within(title.parentElement!).getByRole('list');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Palgas või tingimustes ei lepitud kokku: 2',
    ]);
  });

  it('moves a card by keyboard: choose the stage, Tab to “Vii”, Enter; the card and the focus go to the new column', async () => {
    const user = userEvent.setup();
    const fake = board();
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    const select = await screen.findByLabelText('Vii etappi: Kadri Kask');
    expect(select).toHaveDisplayValue('Vii etappi…');
    // Every other stage is offered; the card's own is not.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Vii etappi…',
      'Uus',
      'Ühendust võetud',
      'Intervjuu',
      'Pakkumine',
      'Tööle võetud',
      'Tagasi lükatud',
      'Loobunud',
    ]);
    expect(screen.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' })).toBeDisabled();
    select.focus();
    await user.selectOptions(select, 'INTERVIEW');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(fake.calls).toContainEqual({
      name: 'MoveApplication',
      variables: { id: '1', stage: 'INTERVIEW', reason: null, force: false },
    });
    await waitFor(() => expect(within(column(/^Intervjuu/)).getAllByTestId('pipeline-card')).toHaveLength(2));
    expect(column(/^Intervjuu/)).toHaveAccessibleName('Intervjuu: 2 kandidaati');
    expect(within(column(/^Lühinimekirjas/)).queryByTestId('pipeline-card')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Vii etappi: Kadri Kask')).toHaveFocus());
    expect(within(screen.getByLabelText('Vii etappi: Kadri Kask')).queryByRole('option', { name: 'Intervjuu' })).toBeNull();
    expect(within(column(/^Intervjuu/)).getByText('Kadri Kask')).toBeInTheDocument();
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('Kadri Kask on nüüd etapis „Intervjuu“.');
  });

  it('moves a card dropped on another column', async () => {
    const fake = board();
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter });
    const card = (await screen.findByLabelText('Vii etappi: Tõnis Tamm')).closest('li')!;
    expect(card).toHaveAttribute('draggable', 'true');
    fireEvent.dragStart(card);
    const target = column(/^Ühendust võetud/);
    expect(target).toHaveClass('is-drop-target');
    // The card's own column takes no drop.
    expect(column(/^Uus/)).not.toHaveClass('is-drop-target');
    fireEvent.dragOver(target);
    expect(target).toHaveClass('is-drag-over');
    fireEvent.drop(target);
    expect(fake.calls).toContainEqual({
      name: 'MoveApplication',
      variables: { id: '2', stage: 'CONTACTED', reason: null, force: false },
    });
    await waitFor(() => expect(within(column(/^Ühendust võetud/)).getByText('Tõnis Tamm')).toBeInTheDocument());
  });

  it('says beside the card why the server refused a move, and offers a recruiter no force', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'SHORTLISTED', 'Kadri Kask')], {
      MoveApplication: () =>
        moveRefused('SKIPS_INTERVIEW', 'SHORTLISTED → OFFER skips INTERVIEW; only an admin may force it', { forcible: true }),
    });
    renderApp(
      <>
        <LanguageSwitch />
        {routes}
      </>,
      { path: '/openings/7/pipeline', client: fake.client, me: recruiter },
    );
    await user.selectOptions(await screen.findByLabelText('Vii etappi: Kadri Kask'), 'OFFER');
    await user.click(screen.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' }));
    const card = within(column(/^Lühinimekirjas/)).getByTestId('pipeline-card');
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'Etapp „Pakkumine“ eeldab intervjuud: vii kandidaat kõigepealt intervjuule.',
    );
    expect(within(card).queryByRole('button', { name: /siiski/ })).not.toBeInTheDocument();
    // Said again in the language the user switches to while it is shown.
    await user.click(screen.getByRole('button', { name: 'In English' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('“Offer” needs an interview first: move the candidate to the interview.');
    await user.click(within(card).getByRole('button', { name: 'Hide' }));
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lets an administrator force a move the order refused, and sends force only then', async () => {
    const user = userEvent.setup();
    const apps = [application('1', 'SHORTLISTED', 'Kadri Kask')];
    let refused = 0;
    const forcing = fakePipeline(apps, {
      MoveApplication: ({ stage, force }) => {
        if (!force) {
          refused += 1;
          return moveRefused('SKIPS_INTERVIEW', 'SHORTLISTED → OFFER skips INTERVIEW; only an admin may force it', {
            forcible: true,
          });
        }
        apps[0]!.stage = stage as PipelineStage;
        return { data: { moveApplication: { ...apps[0], source: 'RANKED_MATCH' } } };
      },
    });
    renderApp(routes, { path: '/openings/7/pipeline', client: forcing.client, me: admin });
    await user.selectOptions(await screen.findByLabelText('Vii etappi: Kadri Kask'), 'OFFER');
    await user.click(screen.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' }));
    const force = await screen.findByRole('button', { name: 'Vii Kadri Kask siiski etappi „Pakkumine“' });
    expect(refused).toBe(1);
    expect(screen.getByRole('alert')).toHaveTextContent('Administraatorina võid järjekorrast mööda minna');
    await user.click(force);
    expect(forcing.calls.filter((c) => c.name === 'MoveApplication').map((c) => c.variables)).toEqual([
      { id: '1', stage: 'OFFER', reason: null, force: false },
      { id: '1', stage: 'OFFER', reason: null, force: true },
    ]);
    await waitFor(() => expect(within(column(/^Pakkumine/)).getByText('Kadri Kask')).toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers an administrator no force when the server says none would help, and loads a card out of date again', async () => {
    const user = userEvent.setup();
    const apps = [application('1', 'SHORTLISTED', 'Kadri Kask')];
    const fake = fakePipeline(apps, {
      MoveApplication: () => {
        // Someone else moved Kadri on after this board was loaded.
        apps[0]!.stage = 'INTERVIEW';
        return moveRefused('MOVED_MEANWHILE', 'application 1 moved meanwhile; read it again and retry');
      },
    });
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: admin });
    await user.selectOptions(await screen.findByLabelText('Vii etappi: Kadri Kask'), 'CONTACTED');
    await user.click(screen.getByRole('button', { name: 'Vii Kadri Kask valitud etappi' }));
    await waitFor(() => expect(within(column(/^Intervjuu/)).getByText('Kadri Kask')).toBeInTheDocument());
    const card = within(column(/^Intervjuu/)).getByTestId('pipeline-card');
    expect(within(card).getByRole('alert')).toHaveTextContent(
      'Keegi teine liigutas kandidaati vahepeal; töölaud näitab nüüd tema praegust etappi.',
    );
    expect(within(card).queryByRole('button', { name: /siiski/ })).not.toBeInTheDocument();
    expect(fake.calls.filter((c) => c.name === 'PipelineBoard').length).toBeGreaterThanOrEqual(2);
  });

  it('lets an HR tool’s token with the right to move candidates use the board, without notes or names', async () => {
    const user = userEvent.setup();
    const fake = fakePipeline([application('1', 'SHORTLISTED', null)]);
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: movingIntegration });
    const select = await screen.findByLabelText('Vii etappi: Kandidaat nr 11');
    expect(screen.getByText(/^Vii kandidaat järgmisse etappi/)).toBeInTheDocument();
    await user.selectOptions(select, 'CONTACTED');
    await user.click(screen.getByRole('button', { name: 'Vii Kandidaat nr 11 valitud etappi' }));
    expect(fake.calls).toContainEqual({
      name: 'MoveApplication',
      variables: { id: '1', stage: 'CONTACTED', reason: null, force: false },
    });
    await waitFor(() => expect(within(column(/^Ühendust võetud/)).getByText('Kandidaat nr 11')).toBeInTheDocument());
  });

  it('shows a viewer the board read-only, with candidates labelled by number', async () => {
    const fake = fakePipeline([application('1', 'SHORTLISTED', null)]);
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: viewer });
    const card = await within(await screen.findByRole('region', { name: /^Lühinimekirjas/ })).findByTestId('pipeline-card');
    expect(card).toHaveTextContent('Kandidaat nr 11');
    expect(card).toHaveAttribute('draggable', 'false');
    expect(within(card).queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.getByText('Sinu roll näeb töölauda ainult vaadates.')).toBeInTheDocument();
    expect(screen.getByText(/Reaalajas uuendused pole sinu rollile saadaval/)).toBeInTheDocument();
  });

  it('loads again when someone else changes the board', async () => {
    const live = fakeLive();
    const fake = board();
    renderApp(routes, { path: '/openings/7/pipeline', client: fake.client, me: recruiter, live: live.transport });
    await screen.findByLabelText('Vii etappi: Kadri Kask');
    expect(live.subscriptions[0]!.variables).toEqual({ openingId: '7', after: null });
    act(() => live.connect());
    expect(screen.getByTestId('live-status')).toHaveTextContent('Reaalajas: teiste muudatused ilmuvad kohe');
    fake.apps[1]!.stage = 'WITHDRAWN';
    act(() => live.next({ data: { applicationChanged: { eventId: '31', applicationId: '2', toStage: 'WITHDRAWN' } } }));
    await waitFor(() => expect(within(column(/^Loobunud/)).getByText('Tõnis Tamm')).toBeInTheDocument());
    expect(fake.calls.filter((c) => c.name === 'PipelineBoard').length).toBeGreaterThanOrEqual(2);
  });
});
