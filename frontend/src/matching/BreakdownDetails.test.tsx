import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { BreakdownItemFragment } from '../gql/graphql';
import { LanguageProvider } from '../i18n/LanguageContext';
import type { Language } from '../i18n/messages';
import { BreakdownDetails } from './BreakdownDetails';

const item: BreakdownItemFragment = {
  met: false,
  fulfilment: 0,
  evidence: 'eesti keel B1 < C1',
  evidenceEn: 'Estonian B1 < C1',
  requirement: {
    id: '1',
    kind: 'LANGUAGE',
    hard: true,
    weight: 1,
    description: 'eesti keel vähemalt C1',
  },
} as BreakdownItemFragment;

function show(language: Language) {
  render(
    <LanguageProvider initial={language}>
      <BreakdownDetails breakdown={[item]} />
    </LanguageProvider>,
  );
}

describe('BreakdownDetails', () => {
  it('shows the evidence in Estonian by default', () => {
    show('et');
    expect(screen.getByText('eesti keel B1 < C1')).toBeInTheDocument();
  });

  it('shows the server’s English evidence in the English app', () => {
    show('en');
    expect(screen.getByText('Estonian B1 < C1')).toBeInTheDocument();
    expect(screen.queryByText('eesti keel B1 < C1')).not.toBeInTheDocument();
  });
});
