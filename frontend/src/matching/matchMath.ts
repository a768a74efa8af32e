import type { RequirementKind } from '../gql/graphql';

/** The order requirement groups are shown in, everywhere. */
export const kindOrder: RequirementKind[] = [
  'EDUCATION',
  'EXPERIENCE',
  'LANGUAGE',
  'DIGITAL',
  'COMPETENCE',
  'QUALIFICATION',
];

export interface ResultLike {
  met: boolean;
  fulfilment: number;
  requirement: { kind: RequirementKind; hard: boolean; weight: number };
}

/** The share of a requirement's weight the candidate did not earn. */
function missedWeight(r: ResultLike): number {
  return (1 - Math.max(0, Math.min(1, r.fulfilment))) * r.requirement.weight;
}

/**
 * The requirements that keep a candidate from the top, worst first: a hard requirement not met
 * rules the candidate out, so those come first; then the ones that cost the most score, i.e.
 * with the least fulfilment weighted by the requirement's weight. Fully met ones are no gap.
 */
export function biggestGaps<T extends ResultLike>(breakdown: readonly T[], count = 2): T[] {
  const knockOut = (r: ResultLike) => r.requirement.hard && !r.met;
  return breakdown
    .filter((r) => !r.met || r.fulfilment < 1)
    .map((r, index) => ({ r, index }))
    .sort((a, b) => {
      const k = Number(knockOut(b.r)) - Number(knockOut(a.r));
      if (k !== 0) return k;
      const w = missedWeight(b.r) - missedWeight(a.r);
      if (Math.abs(w) > 1e-9) return w;
      const f = a.r.fulfilment - b.r.fulfilment;
      if (f !== 0) return f;
      return a.index - b.index;
    })
    .slice(0, count)
    .map(({ r }) => r);
}

export interface GroupScore {
  kind: RequirementKind;
  /** 0..1: weight earned over weight asked, within the group. */
  fulfilment: number;
  met: number;
  total: number;
  /** A hard requirement of the group is not met. */
  knockedOut: boolean;
}

/** How well each kind of requirement is covered, in `kindOrder`, only kinds that occur. */
export function groupScores(breakdown: readonly ResultLike[]): GroupScore[] {
  return kindOrder.flatMap((kind) => {
    const items = breakdown.filter((r) => r.requirement.kind === kind);
    if (items.length === 0) return [];
    const weight = items.reduce((sum, r) => sum + r.requirement.weight, 0);
    const earned = items.reduce((sum, r) => sum + Math.max(0, Math.min(1, r.fulfilment)) * r.requirement.weight, 0);
    const fulfilment =
      weight > 0 ? earned / weight : items.reduce((sum, r) => sum + r.fulfilment, 0) / items.length;
    return [
      {
        kind,
        fulfilment,
        met: items.filter((r) => r.met).length,
        total: items.length,
        knockedOut: items.some((r) => r.requirement.hard && !r.met),
      },
    ];
  });
}

export interface HistogramBin {
  from: number;
  to: number;
  total: number;
  qualified: number;
}

/** Scores 0..100 in `bins` equal-width bins; 100 falls in the last one. */
export function histogram(
  scores: readonly { score: number; qualified: boolean }[],
  bins = 10,
): HistogramBin[] {
  const width = 100 / bins;
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({
    from: Math.round(i * width),
    to: Math.round((i + 1) * width),
    total: 0,
    qualified: 0,
  }));
  for (const { score, qualified } of scores) {
    const clamped = Math.max(0, Math.min(100, score));
    const index = Math.min(bins - 1, Math.floor(clamped / width));
    const bin = out[index];
    if (!bin) continue;
    bin.total += 1;
    if (qualified) bin.qualified += 1;
  }
  return out;
}

export interface RequirementLike {
  kind: RequirementKind;
  hard: boolean;
}

export interface RequirementGroup<T> {
  kind: RequirementKind;
  items: T[];
}

/** Hard and soft requirements, each grouped by kind in `kindOrder`, source order kept within. */
export function groupRequirements<T extends RequirementLike>(
  requirements: readonly T[],
): { hard: RequirementGroup<T>[]; soft: RequirementGroup<T>[] } {
  const byKind = (hard: boolean) =>
    kindOrder.flatMap((kind) => {
      const items = requirements.filter((r) => r.hard === hard && r.kind === kind);
      return items.length > 0 ? [{ kind, items }] : [];
    });
  return { hard: byKind(true), soft: byKind(false) };
}
