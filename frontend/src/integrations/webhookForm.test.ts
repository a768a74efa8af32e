import { describe, expect, it } from 'vitest';
import { et } from '../i18n/et';
import { emptyWebhookDraft, generateSecret, parseScore, validateWebhook } from './webhookForm';

const secret = 'a'.repeat(16);

describe('validateWebhook', () => {
  it('accepts an https URL with a secret, and sends no opening or score when none is given', () => {
    expect(validateWebhook({ ...emptyWebhookDraft, url: ' https://hr.example.ee/hook ', secret }, et)).toEqual({
      ok: true,
      variables: { url: 'https://hr.example.ee/hook', openingId: null, minScore: null, secret, events: ['CANDIDATE_ADDED'] },
    });
  });

  it('sends the chosen events in a fixed order, and wants at least one', () => {
    const both = validateWebhook(
      { ...emptyWebhookDraft, url: 'https://a.ee', secret, events: ['APPLICATION_CHANGED', 'CANDIDATE_ADDED'] },
      et,
    );
    expect(both.ok && both.variables.events).toEqual(['CANDIDATE_ADDED', 'APPLICATION_CHANGED']);
    expect(validateWebhook({ ...emptyWebhookDraft, url: 'https://a.ee', secret, events: [] }, et)).toEqual({
      ok: false,
      errors: { events: 'Vali vähemalt üks.' },
    });
  });

  it('refuses a minimum score for a webhook that receives only pipeline changes', () => {
    const result = validateWebhook(
      { url: 'https://a.ee', openingId: '7', minScore: '60', secret, events: ['APPLICATION_CHANGED'] },
      et,
    );
    expect(result).toEqual({
      ok: false,
      errors: { minScore: 'Vähim skoor kehtib uutele kandidaatidele: vali ka „Uued kandidaadid“.' },
    });
  });

  it('names every mistake by its field', () => {
    const result = validateWebhook({ ...emptyWebhookDraft, url: 'ftp://x.ee', minScore: '120', secret: 'short' }, et);
    expect(result).toEqual({
      ok: false,
      errors: {
        url: 'See pole http- ega https-aadress.',
        secret: 'Saladuses on 5 märki; vaja on 16–200.',
        minScore: 'Sisesta arv 0 ja 100 vahel.',
      },
    });
  });

  it('asks for a URL, counts characters not bytes, and wants an opening with a score', () => {
    const result = validateWebhook({ ...emptyWebhookDraft, minScore: '70', secret: 'õ'.repeat(16) }, et);
    expect(result).toEqual({
      ok: false,
      errors: { url: 'Sisesta URL.', minScore: 'Vähim skoor eeldab ametikoha valimist.' },
    });
    const tooLong = validateWebhook({ ...emptyWebhookDraft, url: 'http://a.ee', secret: 'x'.repeat(201) }, et);
    expect(tooLong.ok).toBe(false);
  });

  it('reads a score with a decimal comma', () => {
    expect(parseScore('72,5')).toBe(72.5);
    expect(parseScore(' 60 ')).toBe(60);
    expect(parseScore('-1')).toBeNull();
    expect(parseScore('abc')).toBeNull();
    const result = validateWebhook({ ...emptyWebhookDraft, url: 'https://a.ee', openingId: '7', minScore: '72,5', secret }, et);
    expect(result).toEqual({
      ok: true,
      variables: { url: 'https://a.ee', openingId: '7', minScore: 72.5, secret, events: ['CANDIDATE_ADDED'] },
    });
  });
});

describe('generateSecret', () => {
  it('makes 40 URL-safe characters from 30 random bytes, different each time', () => {
    const a = generateSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(generateSecret()).not.toBe(a);
    expect(generateSecret((b) => b.fill(255))).toBe('_'.repeat(40));
  });
});
