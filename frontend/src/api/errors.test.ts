import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { et } from '../i18n/et';
import { problemsOf } from './errors';

const failed = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('problemsOf', () => {
  it('says a starting server’s NOT_READY in the user’s language, with how far it is in its own words', () => {
    const error = failed(
      'the server is starting (loading the match index: 350000 of 1000000 candidates); try again in a moment',
      { code: 'NOT_READY' },
    );
    expect(problemsOf(error, et)).toEqual([
      {
        code: 'NOT_READY',
        field: null,
        message:
          'Server alles käivitub (loading the match index: 350000 of 1000000 candidates). Proovi mõne hetke pärast uuesti.',
      },
    ]);
    expect(problemsOf(error, en)[0]?.message).toBe(
      'The server is still starting (loading the match index: 350000 of 1000000 candidates). Try again in a moment.',
    );
  });

  it('keeps a progress text that has parentheses of its own whole, and quotes a message without any', () => {
    const retrying = failed(
      'the server is starting (the match index could not be built (disk full); retrying: 10 of 20 candidates); try again in a moment',
      { code: 'NOT_READY' },
    );
    expect(problemsOf(retrying, en)[0]?.message).toBe(
      'The server is still starting (the match index could not be built (disk full); retrying: 10 of 20 candidates). Try again in a moment.',
    );
    expect(problemsOf(failed('warming up', { code: 'NOT_READY' }), et)[0]?.message).toBe(
      'Server alles käivitub (warming up). Proovi mõne hetke pärast uuesti.',
    );
  });

  it('shows the server’s specific message for a code it has no words for', () => {
    const error = failed('too many requests for this token; retry in 3 s', { code: 'RATE_LIMITED', retryAfter: 3 });
    expect(problemsOf(error, et)[0]).toEqual({
      code: 'RATE_LIMITED',
      field: null,
      message: 'too many requests for this token; retry in 3 s',
    });
  });
});
