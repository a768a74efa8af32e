import { describe, expect, it } from 'vitest';
import { addLiveCandidate, liveCandidateIds, markMerged, pendingLiveCandidates, type LiveCandidate } from './liveCandidates';

const m = (id: string, score: number, qualified = true) => ({
  score,
  qualified,
  candidate: { id, name: `Kandidaat ${id}` },
  breakdown: [],
});

describe('live candidates', () => {
  it('keeps arrivals best first, a tie going to the newer one', () => {
    let list: LiveCandidate[] = [];
    list = addLiveCandidate(list, '1', m('a', 50));
    list = addLiveCandidate(list, '2', m('b', 80));
    list = addLiveCandidate(list, '3', m('c', 50));
    expect(list.map((c) => c.match.candidate.id)).toEqual(['b', 'c', 'a']);
  });

  it('lists a candidate once, with the newest event', () => {
    let list = addLiveCandidate([], '1', m('a', 50));
    list = markMerged(list);
    list = addLiveCandidate(list, '4', m('a', 65));
    expect(list).toEqual([{ eventId: '4', match: m('a', 65), merged: false }]);
  });

  it('waits above the ranking until merged, filtered to qualified ones when asked', () => {
    let list = addLiveCandidate([], '1', m('a', 50, false));
    list = addLiveCandidate(list, '2', m('b', 40, true));
    expect(pendingLiveCandidates(list, false).map((c) => c.match.candidate.id)).toEqual(['a', 'b']);
    expect(pendingLiveCandidates(list, true).map((c) => c.match.candidate.id)).toEqual(['b']);
    list = markMerged(list);
    expect(pendingLiveCandidates(list, false)).toEqual([]);
    expect([...liveCandidateIds(list)].sort()).toEqual(['a', 'b']);
  });
});
