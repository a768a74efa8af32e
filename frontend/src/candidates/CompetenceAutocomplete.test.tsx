import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';
import { CompetenceAutocomplete } from './CompetenceAutocomplete';

function Harness() {
  const [value, setValue] = useState('');
  return <CompetenceAutocomplete label="Kompetents 1" value={value} onChange={setValue} />;
}

describe('CompetenceAutocomplete', () => {
  it('shows the mapped competence and similarity after a pause in typing, and Enter takes a suggestion', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      MapPhrase: ({ phrase }) => ({
        data: {
          mapPhrase: [
            {
              label: 'B.2.6 tegevusnäitaja 9',
              similarity: 0.82,
              concepts: ['klient', 'tagasiside'],
              competence: { id: '6', code: 'B.2.6', title: 'Kliendisuhete süsteemi ohjamine' },
            },
            { label: `${String(phrase)} (rühm)`, similarity: 0.4, concepts: [], competence: null },
          ],
        },
      }),
    });
    renderApp(<Harness />, { client: api.client });
    const input = screen.getByRole('combobox', { name: 'Kompetents 1' });
    await user.type(input, 'klientide tagasiside');

    const options = await screen.findAllByRole('option');
    expect(options[0]).toHaveTextContent('B.2.6 Kliendisuhete süsteemi ohjamine');
    expect(options[0]).toHaveTextContent('sarnasus 82%');
    expect(options[0]).toHaveTextContent('ühised mõisted: klient, tagasiside');
    expect(options[1]).not.toHaveTextContent('ühised mõisted');
    // Debounced: one request for the settled phrase, not one per keystroke.
    expect(api.calls.filter((c) => c.name === 'MapPhrase').map((c) => c.variables.phrase)).toEqual([
      'klientide tagasiside',
    ]);

    await user.keyboard('{ArrowDown}{Enter}');
    expect(input).toHaveValue('Kliendisuhete süsteemi ohjamine');
  });

  it('asks nothing for fewer than three letters', async () => {
    const user = userEvent.setup();
    const api = fakeApi({});
    renderApp(<Harness />, { client: api.client });
    await user.type(screen.getByRole('combobox'), 'kl');
    await new Promise((r) => setTimeout(r, 400));
    expect(api.calls).toEqual([]);
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });
});
