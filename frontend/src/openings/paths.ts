/** Where an opening's page is, with one candidate's breakdown open or none. */
export function openingPath(openingId: string, candidateId?: string | null): string {
  const base = `/openings/${encodeURIComponent(openingId)}`;
  return candidateId ? `${base}/candidates/${encodeURIComponent(candidateId)}` : base;
}
