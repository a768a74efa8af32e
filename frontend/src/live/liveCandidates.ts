import type { RankedMatch } from '../openings/MatchRow';

/** A candidate that arrived on the page's subscription, with the match it came with. */
export interface LiveCandidate {
  eventId: string;
  match: RankedMatch;
  /** Already part of the ranking below (it was reloaded after the candidate arrived). */
  merged: boolean;
}

/** Best first, as the ranking orders: score, then the newer arrival. */
function byRank(a: LiveCandidate, b: LiveCandidate): number {
  return b.match.score - a.match.score || Number(b.eventId) - Number(a.eventId);
}

/**
 * The list with one more arrival, in rank order. A candidate seen before (a replay, or a
 * candidate sent again) is replaced by the newer event rather than listed twice.
 */
export function addLiveCandidate(list: LiveCandidate[], eventId: string, match: RankedMatch): LiveCandidate[] {
  const rest = list.filter((c) => c.match.candidate.id !== match.candidate.id);
  return [...rest, { eventId, match, merged: false }].sort(byRank);
}

/** Arrivals still waiting above the ranking, under the "only qualified" filter when it is on. */
export function pendingLiveCandidates(list: LiveCandidate[], onlyQualified: boolean): LiveCandidate[] {
  return list.filter((c) => !c.merged && (!onlyQualified || c.match.qualified));
}

/** Every arrival so far counts as part of the ranking (it was just reloaded). */
export function markMerged(list: LiveCandidate[]): LiveCandidate[] {
  return list.some((c) => !c.merged) ? list.map((c) => ({ ...c, merged: true })) : list;
}

/** Candidates that arrived since the page opened: the ranking marks them as new. */
export function liveCandidateIds(list: LiveCandidate[]): ReadonlySet<string> {
  return new Set(list.map((c) => c.match.candidate.id));
}
