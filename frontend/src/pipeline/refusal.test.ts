import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { et } from '../i18n/et';
import { refusalOf } from './refusal';

/** A refusal the way the server sends it (api/src/error.rs `MoveRefused`). */
const refused = (reason: string, message: string, { field = 'stage', forcible = false } = {}) =>
  new CombinedError({
    graphQLErrors: [
      new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field, reason, forcible } }),
    ],
  });

describe('refusalOf', () => {
  it('says the rule the server names in the user’s language, whatever its English words', () => {
    const error = refused('SKIPS_INTERVIEW', 'wording the client does not read', { forcible: true });
    expect(refusalOf(error, et, 'OFFER', false).message).toBe(
      'Etapp „Pakkumine“ eeldab intervjuud: vii kandidaat kõigepealt intervjuule.',
    );
    expect(refusalOf(error, en, 'OFFER', false).message).toBe(
      '“Offer” needs an interview first: move the candidate to the interview.',
    );
    expect(refusalOf(refused('HIRE_WITHOUT_OFFER', 'x', { forcible: true }), et, 'HIRED', false).message).toBe(
      'Tööle saab võtta ainult pakkumise etapist.',
    );
    expect(refusalOf(refused('CLOSED', 'x', { forcible: true }), en, 'NEW', false).message).toBe(
      'This candidate’s application is closed: only an administrator may reopen it.',
    );
    expect(refusalOf(refused('REASON_NOT_EXPECTED', 'x', { field: 'reason' }), et, 'OFFER', true).message).toBe(
      'Põhjuse saab anda ainult tagasilükkamisel, mitte etappi „Pakkumine“ viies.',
    );
  });

  it('has words for every reason the server gives, in both languages', () => {
    const reasons = [
      'UNCHANGED',
      'SKIPS_INTERVIEW',
      'HIRE_WITHOUT_OFFER',
      'CLOSED',
      'REASON_MISSING',
      'REASON_TEXT_MISSING',
      'REASON_NOT_EXPECTED',
      'MOVED_MEANWHILE',
    ];
    for (const t of [et, en]) {
      for (const reason of reasons) {
        const { message } = refusalOf(refused(reason, 'the server’s own words'), t, 'INTERVIEW', false);
        expect(message, reason).not.toContain('the server’s own words');
        expect(message.trim(), reason).not.toBe('');
      }
    }
    expect(Object.keys(et.pipeline.refusals).sort()).toEqual([...reasons].sort());
  });

  it('offers the force only when the server says it would pass and the user is an administrator', () => {
    const forcible = refused('SKIPS_INTERVIEW', 'NEW → OFFER skips INTERVIEW; only an admin may force it', { forcible: true });
    expect(refusalOf(forcible, et, 'OFFER', true)).toMatchObject({ forcible: true, stale: false });
    expect(refusalOf(forcible, et, 'OFFER', false).forcible).toBe(false);
    // No force gets past a rejection without its reason, even for an administrator.
    const reasonless = refused('REASON_MISSING', 'a rejection needs a reason', { field: 'reason' });
    expect(refusalOf(reasonless, et, 'REJECTED', true).forcible).toBe(false);
  });

  it('takes “moved meanwhile” and “already there” for a card out of date, to be loaded again', () => {
    const meanwhile = refused('MOVED_MEANWHILE', 'application 4 moved meanwhile; read it again and retry');
    expect(refusalOf(meanwhile, et, 'CONTACTED', true)).toMatchObject({
      message: 'Keegi teine liigutas kandidaati vahepeal; töölaud näitab nüüd tema praegust etappi.',
      forcible: false,
      stale: true,
    });
    expect(refusalOf(refused('UNCHANGED', 'the application is already CONTACTED'), en, 'CONTACTED', true)).toMatchObject({
      message: 'The candidate is at “Contacted” already; the board now shows where they are.',
      stale: true,
    });
    expect(refusalOf(refused('CLOSED', 'x', { forcible: true }), et, 'NEW', true).stale).toBe(false);
  });

  it('says a reason this version does not know in the server’s words, without force or reload', () => {
    const error = refused('NEEDS_APPROVAL', 'an offer needs the manager’s approval first', { forcible: true });
    expect(refusalOf(error, et, 'OFFER', true)).toEqual({
      message: 'an offer needs the manager’s approval first',
      forcible: true,
      stale: false,
      fields: { stage: 'an offer needs the manager’s approval first' },
    });
  });

  it('gives a form field the refusal in the same words, and other complaints as the server said them', () => {
    const text = refusalOf(refused('REASON_TEXT_MISSING', 'the reason OTHER needs a text', { field: 'reason.text' }), et, 'REJECTED', true);
    expect(text).toEqual({
      message: 'Põhjuse „Muu põhjus“ korral kirjuta, mis on põhjus.',
      forcible: false,
      stale: false,
      fields: { 'reason.text': 'Põhjuse „Muu põhjus“ korral kirjuta, mis on põhjus.' },
    });
    const tooLong = new CombinedError({
      graphQLErrors: [
        new GraphQLError('reason.text: has 4001 characters; at most 4000', {
          extensions: { code: 'BAD_USER_INPUT', field: 'reason.text' },
        }),
      ],
    });
    expect(refusalOf(tooLong, en, 'REJECTED', true).fields).toEqual({ 'reason.text': 'has 4001 characters; at most 4000' });
  });

  it('says an answer with neither data nor an error as a failed request', () => {
    expect(refusalOf(null, en, 'OFFER', true)).toEqual({ message: 'The request failed.', forcible: false, stale: false, fields: {} });
  });

  it('says other errors as the error helpers do', () => {
    const forbidden = new CombinedError({
      graphQLErrors: [
        new GraphQLError('your role (viewer) may not move applications between stages', { extensions: { code: 'FORBIDDEN' } }),
      ],
    });
    expect(refusalOf(forbidden, et, 'CONTACTED', false)).toEqual({
      message: 'Sinu roll ei luba seda teha. (your role (viewer) may not move applications between stages)',
      forcible: false,
      stale: false,
      fields: {},
    });
  });
});
