import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';
import { NewOpeningPage } from './NewOpeningPage';

const standards = {
  data: {
    standards: {
      edges: [
        {
          node: {
            id: '2',
            title: 'IT-juht, tase 7',
            partialQualifications: [{ title: 'IT arendusjuht, tase 7' }, { title: 'Infoturbejuht, tase 7' }],
          },
        },
      ],
    },
  },
};

function renderPage(api: ReturnType<typeof fakeApi>, path = '/openings/new') {
  return renderApp(
    <Routes>
      <Route path="/openings/new" element={<NewOpeningPage />} />
      <Route path="/openings/:id" element={<p>avatud ametikoht</p>} />
    </Routes>,
    { client: api.client, path },
  );
}

describe('NewOpeningPage', () => {
  it('creates an opening from one osakutse, titled after it unless the user writes another title', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      StandardChoices: () => standards,
      CreateOpening: () => ({ data: { createOpening: { id: '9' } } }),
    });
    renderPage(api);
    await user.selectOptions(await screen.findByLabelText('Kutsestandard'), 'IT-juht, tase 7');
    expect(screen.getByLabelText('Ametikoha nimetus')).toHaveValue('IT-juht, tase 7');
    await user.click(screen.getByLabelText('Infoturbejuht, tase 7'));
    expect(screen.getByLabelText('Ametikoha nimetus')).toHaveValue('Infoturbejuht, tase 7');
    await user.click(screen.getByRole('button', { name: 'Loo ametikoht' }));
    expect(await screen.findByText('avatud ametikoht')).toBeInTheDocument();
    expect(api.calls.find((c) => c.name === 'CreateOpening')?.variables).toEqual({
      input: { title: 'Infoturbejuht, tase 7', standardId: '2', partialQualification: 'Infoturbejuht, tase 7' },
    });
  });

  it('starts from the standard and osakutse named in the link, and shows the server’s word beside the title', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      StandardChoices: () => standards,
      CreateOpening: () => ({
        errors: [
          {
            message: 'input.title: must not be empty',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.title' },
          },
        ],
      }),
    });
    renderPage(api, '/openings/new?standard=2&partial=IT%20arendusjuht%2C%20tase%207');
    const title = await screen.findByLabelText('Ametikoha nimetus');
    expect(screen.getByLabelText('IT arendusjuht, tase 7')).toBeChecked();
    await user.clear(title);
    await user.click(screen.getByRole('button', { name: 'Loo ametikoht' }));
    expect(await screen.findByText('must not be empty')).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Kutsestandard')).toHaveValue('2');
  });
});
