import type { CombinedError } from 'urql';
import { makeProbeClient } from '../api/client';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';

export const MeDocument = graphql(`
  query Me {
    me {
      name
      role
      seesPersonalData
      canWrite
      movesApplications
    }
  }
`);

export type Me = MeQuery['me'];

export type Probe = { ok: true; me: Me } | { ok: false; error: CombinedError };

/** Asks the server who `token` belongs to, without keeping it. */
export async function probeToken(token: string): Promise<Probe> {
  const result = await makeProbeClient(token).query(MeDocument, {}).toPromise();
  if (result.data?.me) return { ok: true, me: result.data.me };
  if (result.error) return { ok: false, error: result.error };
  throw new Error('the server answered `me` with neither data nor an error');
}
