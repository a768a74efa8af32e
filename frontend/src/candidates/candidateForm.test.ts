import { describe, expect, it } from 'vitest';
import { emptyForm, formFromCandidate, formPathOf, inputFromForm, rowKey } from './candidateForm';

describe('inputFromForm', () => {
  it('sends the words the server reads for levels, and leaves blank rows out', () => {
    const form = emptyForm();
    form.name = '  Mari Maasikas ';
    form.education = 'MASTER';
    form.languages = [
      { key: rowKey(), language: 'eesti', level: 'NATIVE' },
      { key: rowKey(), language: '', level: '' },
      { key: rowKey(), language: 'inglise', level: 'C1' },
    ];
    form.digital.SAFETY = 'INDEPENDENT';
    form.experience = [{ key: rowKey(), years: '2,5', description: 'klienditeenindus' }];
    form.competences = [{ key: rowKey(), text: 'klientide tagasiside kogumine' }, { key: rowKey(), text: '  ' }];
    const converted = inputFromForm(form);
    expect(converted.ok).toBe(true);
    if (!converted.ok) return;
    expect(converted.input).toEqual({
      name: 'Mari Maasikas',
      email: null,
      phone: null,
      education: 'magistrikraad',
      experience: [{ years: 2.5, description: 'klienditeenindus' }],
      languages: [
        { language: 'eesti', level: 'emakeel' },
        { language: 'inglise', level: 'C1' },
      ],
      digital: [{ area: 'turvalisus', level: 'iseseisev' }],
      competences: ['klientide tagasiside kogumine'],
      qualifications: [],
    });
  });

  it('refuses years that are not a number before asking the server', () => {
    const form = emptyForm();
    const key = rowKey();
    form.experience = [{ key, years: 'kaks', description: 'müük' }];
    expect(inputFromForm(form)).toEqual({ ok: false, errors: { [`experience.${key}.years`]: 'yearsInvalid' } });
  });

  it('sends the education as it was entered while the level the server read is unchanged', () => {
    const form = formFromCandidate(
      {
        name: 'Jaan',
        educationLevel: 'MASTER',
        educationText: 'magistrikraad, Tartu Ülikool',
        experience: [],
        languages: [{ language: 'Estonian', languageCode: 'et', level: 'C2', native: true }],
        digital: [{ area: 'INFORMATION', level: 'PROFICIENT' }],
        competences: [{ phrase: 'projektijuhtimine' }],
        qualifications: [],
      },
      'et',
    );
    expect(form.languages[0]).toMatchObject({ language: 'eesti', level: 'NATIVE' });
    expect(form.digital.INFORMATION).toBe('PROFICIENT');
    const same = inputFromForm(form);
    expect(same.ok && same.input.education).toBe('magistrikraad, Tartu Ülikool');
    const changed = inputFromForm({ ...form, education: 'DOCTOR' });
    expect(changed.ok && changed.input.education).toBe('doktorikraad');
  });
});

describe('formPathOf', () => {
  it('points a server error at the form row that was sent in that position', () => {
    const rows = {
      experience: [],
      languages: ['row-a', 'row-c'],
      digital: ['SAFETY'],
      competences: [],
      qualifications: [],
    };
    expect(formPathOf('languages[1].level', rows)).toBe('languages.row-c.level');
    expect(formPathOf('digital[0].level', rows)).toBe('digital.SAFETY.level');
    expect(formPathOf('name', rows)).toBe('name');
  });
});
