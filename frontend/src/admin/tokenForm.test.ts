import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { et } from '../i18n/et';
import { emptyTokenDraft, validateToken } from './tokenForm';

describe('validateToken', () => {
  it('trims the name and sends an empty lifetime as null (a token that does not expire)', () => {
    expect(validateToken({ ...emptyTokenDraft, name: '  CI  ', role: 'INTEGRATION' }, et)).toEqual({
      ok: true,
      variables: { name: 'CI', role: 'INTEGRATION', expiresInDays: null, movesApplications: false },
    });
  });

  it('lets only an integration token move applications, whatever the box said before the role changed', () => {
    const ticked = { ...emptyTokenDraft, name: 'HR', movesApplications: true };
    expect(validateToken({ ...ticked, role: 'INTEGRATION' }, et)).toMatchObject({
      ok: true,
      variables: { role: 'INTEGRATION', movesApplications: true },
    });
    expect(validateToken({ ...ticked, role: 'RECRUITER' }, et)).toMatchObject({
      ok: true,
      variables: { role: 'RECRUITER', movesApplications: false },
    });
  });

  it('accepts 1 and 3650 days and refuses 0, 3651, fractions and words', () => {
    const days = (expiresInDays: string) => validateToken({ ...emptyTokenDraft, name: 'x', expiresInDays }, en);
    expect(days('1')).toMatchObject({ ok: true, variables: { expiresInDays: 1 } });
    expect(days(' 3650 ')).toMatchObject({ ok: true, variables: { expiresInDays: 3650 } });
    for (const bad of ['0', '3651', '1.5', '-3', 'kaks']) {
      expect(days(bad), bad).toEqual({ ok: false, errors: { expiresInDays: en.tokens.expiresInvalid } });
    }
  });

  it('needs a name of at most 100 characters, counting letters rather than bytes', () => {
    expect(validateToken(emptyTokenDraft, et)).toEqual({ ok: false, errors: { name: 'Sisesta nimi.' } });
    expect(validateToken({ ...emptyTokenDraft, name: 'õ'.repeat(100) }, et).ok).toBe(true);
    expect(validateToken({ ...emptyTokenDraft, name: 'õ'.repeat(101) }, et)).toEqual({
      ok: false,
      errors: { name: 'Nimes on 101 märki; lubatud on kuni 100.' },
    });
  });
});
