import { describe, expect, it } from 'vitest';
import { biggestGaps, groupRequirements, groupScores, histogram, type ResultLike } from './matchMath';

function result(
  kind: ResultLike['requirement']['kind'],
  hard: boolean,
  weight: number,
  fulfilment: number,
  met = fulfilment >= 1,
  name = `${kind}-${weight}-${fulfilment}`,
) {
  return { name, met, fulfilment, requirement: { kind, hard, weight } };
}

describe('biggestGaps', () => {
  it('puts a hard requirement that is not met before any soft gap, however heavy', () => {
    const gaps = biggestGaps([
      result('COMPETENCE', false, 10, 0, false, 'heavy soft'),
      result('LANGUAGE', true, 1, 0.9, false, 'hard language'),
      result('EDUCATION', false, 1, 0.5, false, 'light soft'),
    ]);
    expect(gaps.map((g) => g.name)).toEqual(['hard language', 'heavy soft']);
  });

  it('ranks soft gaps by the weight they cost, not by fulfilment alone', () => {
    const gaps = biggestGaps([
      result('DIGITAL', false, 1, 0, false, 'light, nothing'),
      result('COMPETENCE', false, 4, 0.5, false, 'heavy, half'),
      result('EXPERIENCE', false, 3, 0, false, 'weighty, nothing'),
    ]);
    expect(gaps.map((g) => g.name)).toEqual(['weighty, nothing', 'heavy, half']);
  });

  it('finds no gap when every requirement is fully met', () => {
    expect(biggestGaps([result('LANGUAGE', true, 2, 1), result('DIGITAL', false, 1, 1)])).toEqual([]);
  });
});

describe('groupScores', () => {
  it('weights fulfilment within a group and flags a group with a knock-out', () => {
    const groups = groupScores([
      result('LANGUAGE', true, 3, 1),
      result('LANGUAGE', true, 1, 0, false),
      result('COMPETENCE', false, 2, 0.5, false),
    ]);
    expect(groups).toEqual([
      { kind: 'LANGUAGE', fulfilment: 0.75, met: 1, total: 2, knockedOut: true },
      { kind: 'COMPETENCE', fulfilment: 0.5, met: 0, total: 1, knockedOut: false },
    ]);
  });
});

describe('histogram', () => {
  it('counts scores per tenth, with 100 in the top bin and qualified ones apart', () => {
    const bins = histogram([
      { score: 0, qualified: false },
      { score: 9.99, qualified: false },
      { score: 55, qualified: true },
      { score: 100, qualified: true },
    ]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 10, total: 2, qualified: 0 });
    expect(bins[5]).toEqual({ from: 50, to: 60, total: 1, qualified: 1 });
    expect(bins[9]).toEqual({ from: 90, to: 100, total: 1, qualified: 1 });
  });
});

describe('groupRequirements', () => {
  it('splits hard from soft and orders kinds the same way everywhere', () => {
    const grouped = groupRequirements([
      { id: 'a', kind: 'COMPETENCE', hard: false },
      { id: 'b', kind: 'LANGUAGE', hard: true },
      { id: 'c', kind: 'EDUCATION', hard: true },
      { id: 'd', kind: 'LANGUAGE', hard: true },
    ] as const);
    expect(grouped.hard.map((g) => [g.kind, g.items.map((i) => i.id)])).toEqual([
      ['EDUCATION', ['c']],
      ['LANGUAGE', ['b', 'd']],
    ]);
    expect(grouped.soft.map((g) => g.kind)).toEqual(['COMPETENCE']);
  });
});
