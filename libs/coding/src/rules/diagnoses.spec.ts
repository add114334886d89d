import { CodeSetCatalog } from '../codesets/code-set.catalog';
import { buildRelease, Icd10cmEntry } from '../codesets/code-set.release';
import { CodeSetView } from './code-set.view';
import { checkDiagnoses, displayDiagnosisCode, normalizeDiagnosisCode } from './diagnoses';

// Two fiscal years around the FY2022 change that added F32.A [IC1]; descriptions as in the CMS files.
const entry = (code: string, billable: boolean, longDescription: string): Icd10cmEntry => ({ code, billable, longDescription });
const common = [
  entry('F32', false, 'Depressive episode'),
  entry('F321', true, 'Major depressive disorder, single episode, moderate'),
  entry('F329', true, 'Major depressive disorder, single episode, unspecified'),
  entry('F99', true, 'Mental disorder, not otherwise specified'),
];
const catalog = new CodeSetCatalog();
catalog.add(buildRelease('icd10cm', 'FY2021', { effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30' }, common));
catalog.add(buildRelease('icd10cm', 'FY2022', { effectiveFrom: '2021-10-01', effectiveTo: '2022-09-30' }, [...common, entry('F32A', true, 'Depression, unspecified')]));
const check = (codes: string[], date: string) => checkDiagnoses(codes, new CodeSetView(catalog, date));
const findingsOf = (codes: string[], date: string) => {
  const view = new CodeSetView(catalog, date);
  return [...checkDiagnoses(codes, view).findings, ...view.findings].map((f) => `${f.severity}:${f.ruleId}`);
};

describe('diagnoses by date of service', () => {
  it.each([
    [['F32.A'], '2021-09-30', ['error:CODING.DIAGNOSIS.NOT_VALID_ON_DATE']],
    [['F32.A'], '2021-10-01', ['warning:CODING.DIAGNOSIS.UNSPECIFIED']],
    [['F32'], '2021-10-01', ['error:CODING.DIAGNOSIS.NOT_BILLABLE']],
    [['F32.1'], '2021-10-01', []],
    [['F32.9'], '2021-03-01', ['warning:CODING.DIAGNOSIS.UNSPECIFIED']],
    [['F99'], '2021-03-01', []],
    [['F32.1'], '2020-09-30', ['error:CODING.CODESET.NO_RELEASE_FOR_DATE']],
    [['F32.1', 'F321'], '2021-10-01', ['warning:CODING.DIAGNOSIS.DUPLICATE']],
  ])('given %j on %s, then %j', (codes, date, expected) => {
    expect(findingsOf(codes, date)).toEqual(expected);
  });

  it('points each line to the first four diagnoses, principal first', () => {
    const result = check(['F32.1', 'F99', 'F32.9', 'F32.A', 'F32.1'], '2022-01-01');
    expect(result.codes).toEqual(['F321', 'F99', 'F329', 'F32A']);
    expect(result.pointers).toEqual([1, 2, 3, 4]);
  });

  it('refuses a thirteenth diagnosis', () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => `F32.${i}`);
    expect(check(thirteen, '2022-01-01').findings.map((f) => f.ruleId)).toContain('CODING.DIAGNOSIS.TOO_MANY');
  });

  it.each([
    ['f32.a', 'F32A', 'F32.A'],
    [' F43.10 ', 'F4310', 'F43.10'],
    ['Z63', 'Z63', 'Z63'],
  ])('normalizes %j to %s and shows it as %s', (given, normalized, shown) => {
    expect([normalizeDiagnosisCode(given), displayDiagnosisCode(normalizeDiagnosisCode(given))]).toEqual([normalized, shown]);
  });
});
