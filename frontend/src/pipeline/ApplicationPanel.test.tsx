import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { application, badInput, fakePipeline } from '../test/fakePipeline';
import { recruiter, renderApp, viewer } from '../test/render';
import { PipelinePage } from './PipelinePage';

const routes = (
  <Routes>
    <Route path="/openings/:id/pipeline" element={<PipelinePage />} />
    <Route path="/openings/:id/pipeline/:applicationId" element={<PipelinePage />} />
  </Routes>
);

function withNote() {
  const kadri = application('1', 'INTERVIEW', 'Kadri Kask');
  kadri.notes = [{ id: '1', text: 'Hea suhtleja,\nrääkis vabalt inglise keelt', author: 'Peeter', createdAt: '2026-12-01T10:00:00Z' }];
  return fakePipeline([kadri]);
}

describe('an application’s details beside the board', () => {
  it('opens from the card and lists the notes with author and time, and every move', async () => {
    const user = userEvent.setup();
    renderApp(routes, { path: '/openings/7/pipeline', client: withNote().client, me: recruiter });
    await user.click(await screen.findByRole('link', { name: 'Üksikasjad: Kadri Kask' }));
    const panel = await screen.findByRole('complementary', { name: /Kandidaadi käik/ });
    // The card whose details are open says so.
    expect(screen.getByRole('link', { name: 'Üksikasjad: Kadri Kask' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByTestId('pipeline-card')).toHaveClass('is-selected');
    await within(panel).findByText('Kadri Kask');
    const notes = within(panel).getAllByTestId('note');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toHaveTextContent(/^Peeter, .*2026/);
    expect(notes[0]).toHaveTextContent('Hea suhtleja, rääkis vabalt inglise keelt');
    const history = within(panel).getAllByTestId('move');
    expect(history[0]).toHaveTextContent('Lisatud etappi „Intervjuu“');
    expect(history[0]).toHaveTextContent(/Mari, /);
    expect(within(panel).getByRole('link', { name: 'Ava kandidaadi profiil' })).toHaveAttribute('href', '/candidates/11');
  });

  it('adds a note, trimmed, and shows it in the list; an empty note is named and not sent', async () => {
    const user = userEvent.setup();
    const fake = withNote();
    renderApp(routes, { path: '/openings/7/pipeline/1', client: fake.client, me: recruiter });
    const panel = await screen.findByRole('complementary', { name: /Kandidaadi käik/ });
    const field = await within(panel).findByLabelText('Uus märkus');
    await user.click(within(panel).getByRole('button', { name: 'Lisa märkus' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Kirjuta märkus.'));
    expect(fake.calls.some((c) => c.name === 'AddNote')).toBe(false);

    await user.type(field, '  Helistada esmaspäeval  ');
    await user.click(within(panel).getByRole('button', { name: 'Lisa märkus' }));
    expect(fake.calls).toContainEqual({ name: 'AddNote', variables: { applicationId: '1', text: 'Helistada esmaspäeval' } });
    await waitFor(() => expect(within(panel).getAllByTestId('note')).toHaveLength(2));
    expect(within(panel).getAllByTestId('note')[1]).toHaveTextContent('Helistada esmaspäeval');
    expect(field).toHaveValue('');
    expect(within(panel).getByText('Märkus lisatud.')).toBeInTheDocument();
  });

  it('keeps the note and says the server’s word when it is refused', async () => {
    const user = userEvent.setup();
    const kadri = application('1', 'INTERVIEW', 'Kadri Kask');
    const fake = fakePipeline([kadri], { AddNote: () => badInput('text', 'has 4001 characters; at most 4000') });
    renderApp(routes, { path: '/openings/7/pipeline/1', client: fake.client, me: recruiter });
    const field = await screen.findByLabelText('Uus märkus');
    await user.type(field, 'pikk jutt');
    await user.click(screen.getByRole('button', { name: 'Lisa märkus' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining('has 4001 characters')));
    expect(field).toHaveValue('pikk jutt');
  });

  it('tells a viewer that notes are not theirs to see, offers no form, and names no staff', async () => {
    const kadri = application('1', 'INTERVIEW', null);
    kadri.notes = null;
    kadri.staff = null;
    renderApp(routes, { path: '/openings/7/pipeline/1', client: fakePipeline([kadri]).client, me: viewer });
    const panel = await screen.findByRole('complementary', { name: /Kandidaadi käik/ });
    await within(panel).findByText('Märkusi näevad ainult isikuandmete õigusega rollid.');
    expect(within(panel).getByText('Kandidaat nr 11')).toBeInTheDocument();
    expect(within(panel).queryByLabelText('Uus märkus')).not.toBeInTheDocument();
    expect(within(panel).getByText(/^Lisatud pingereast, \S/)).toBeInTheDocument();
    const [added] = within(panel).getAllByTestId('move');
    expect(added).toHaveTextContent('Lisatud etappi „Intervjuu“');
    expect(added!.querySelector('.meta')?.textContent).toMatch(/^\d[^,]*2026/);
    expect(panel).not.toHaveTextContent(/null|undefined|Mari/);
  });

  it('says in English who added the candidate when the role sees staff names, and only when', async () => {
    const kadri = application('1', 'INTERVIEW', 'Kadri Kask');
    renderApp(routes, { path: '/openings/7/pipeline/1', client: fakePipeline([kadri]).client, me: recruiter, language: 'en' });
    const panel = await screen.findByRole('complementary', { name: /Application/ });
    expect(await within(panel).findByText(/^Added from the ranking by Mari, /)).toBeInTheDocument();
  });

  it('says so when the application is not in this opening’s pipeline, and closes back to the board', async () => {
    const user = userEvent.setup();
    renderApp(routes, { path: '/openings/7/pipeline/99', client: withNote().client, me: recruiter });
    const panel = await screen.findByRole('complementary', { name: /Kandidaadi käik/ });
    await within(panel).findByText('Seda kandidaati selle ametikoha värbamisprotsessis ei ole.');
    await user.click(within(panel).getByRole('button', { name: 'Sulge' }));
    await waitFor(() => expect(screen.queryByRole('complementary')).not.toBeInTheDocument());
  });
});
