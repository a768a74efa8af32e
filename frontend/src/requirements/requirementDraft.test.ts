import { describe, expect, it } from 'vitest';
import { et } from '../i18n/et';
import { blankDraft, checkDrafts, draftsFromRequirements, removeDraft, toInput } from './requirementDraft';

const stored = (id: string, fields: Record<string, unknown>) => ({
  id,
  kind: 'EXPERIENCE' as const,
  hard: true,
  weight: 1,
  description: '',
  anyForeignLanguage: false,
  preferredLanguages: [],
  parentId: null,
  ...fields,
});

describe('requirement drafts', () => {
  it('turn parents into indexes of the list and back into partOf', () => {
    const drafts = draftsFromRequirements([
      stored('10', { minYears: 5 }),
      stored('11', { minYears: 2, parentId: '10', field: 'juhina' }),
    ]);
    expect(drafts.map((d) => d.partOf)).toEqual([null, 0]);
    expect(toInput(drafts)).toEqual([
      { id: '10', kind: 'EXPERIENCE', hard: true, weight: 1 },
      { id: '11', kind: 'EXPERIENCE', hard: true, weight: 1, partOf: 0 },
    ]);
  });

  it('send what an edited row asks in full, and a removed row takes its parts off it', () => {
    const drafts = draftsFromRequirements([
      stored('1', { kind: 'LANGUAGE', language: 'Estonian', minCefr: 'C1' }),
      stored('10', { minYears: 5 }),
      stored('11', { minYears: 2, parentId: '10' }),
    ]);
    const edited = drafts.map((d, i) => (i === 0 ? { ...d, minCefr: 'B2' as const, edited: true } : d));
    const left = removeDraft(edited, 1);
    expect(left.map((d) => d.partOf)).toEqual([null, null]);
    expect(toInput(left)[0]).toEqual({ id: '1', kind: 'LANGUAGE', hard: true, weight: 1, language: 'Estonian', minCefr: 'B2' });
  });

  it('keep the areas a tool statement serves when its level is edited, and drop them for one area', () => {
    const [office] = draftsFromRequirements([
      stored('5', { kind: 'DIGITAL', minDigital: 'PROFICIENT', digitalServed: ['INFORMATION', 'CONTENT_CREATION'] }),
    ]);
    if (!office) throw new Error('one draft per requirement');
    expect(toInput([{ ...office, minDigital: 'INDEPENDENT', edited: true }])).toEqual([
      {
        id: '5',
        kind: 'DIGITAL',
        hard: true,
        weight: 1,
        minDigital: 'INDEPENDENT',
        digitalServed: ['INFORMATION', 'CONTENT_CREATION'],
      },
    ]);
    expect(toInput([{ ...office, digitalArea: 'SAFETY', edited: true }])[0]).not.toHaveProperty('digitalServed');
  });

  it('name each wrong field by the path the server uses', () => {
    const digital = blankDraft('DIGITAL');
    const language = { ...blankDraft('LANGUAGE'), weight: '12' };
    const years = { ...blankDraft('EXPERIENCE'), minYears: '70' };
    expect(Object.keys(checkDrafts([digital, language, years], et))).toEqual([
      'requirements[0].minDigital',
      'requirements[1].weight',
      'requirements[1].language',
      'requirements[2].minYears',
    ]);
    expect(checkDrafts([{ ...digital, minDigital: 'BASIC' }], et)).toEqual({});
  });
});
