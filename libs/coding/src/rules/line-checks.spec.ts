import { loadDefaultSeed } from '../codesets/default-seed';
import { CodeSetView } from './code-set.view';
import { CheckedLine, checkLines } from './line-checks';

const seed = loadDefaultSeed();
const line = (code: string, change: Partial<CheckedLine> = {}): CheckedLine => ({ code, modifiers: [], units: 1, diagnosisPointers: [1], ...change });
const check = (lines: CheckedLine[], date = '2026-03-04', diagnoses = 2) =>
  checkLines(lines, diagnoses, new CodeSetView(seed, date)).map((f) => `${f.severity}:${f.ruleId}`);

describe('line checks on suggested or edited lines', () => {
  it.each([
    ['an add-on without its primary', [line('90833')], ['error:CODING.ADD_ON.PRIMARY_MISSING']],
    ['90840 beside 90839', [line('90839'), line('90840', { units: 2 })], []],
    ['96131 without 96130', [line('96131')], ['error:CODING.ADD_ON.PRIMARY_MISSING']],
    ['90785 beside 90853', [line('90853'), line('90785')], []],
    ['90785 beside 99213 alone', [line('99213'), line('90785')], ['error:CODING.ADD_ON.PRIMARY_MISSING']],
    ['90837 with two units', [line('90837', { units: 2 })], ['error:CODING.PSYCHOTHERAPY.ONE_UNIT']],
    ['90837 with two units in partial hospitalization', [line('90837', { units: 2, placeOfService: '52' })], []],
    ['five modifiers', [line('90837', { modifiers: ['95', 'HO', 'U1', 'U2', 'HE'] })], ['error:CODING.MODIFIERS.TOO_MANY']],
    ['an unknown modifier', [line('90837', { modifiers: ['ZZ'] })], ['warning:CODING.MODIFIERS.UNKNOWN']],
    ['a pointer past the diagnoses', [line('90837', { diagnosisPointers: [1, 3] })], ['error:CODING.DIAGNOSIS.POINTERS']],
    ['five pointers', [line('90837', { diagnosisPointers: [1, 1, 1, 1, 1] })], ['error:CODING.DIAGNOSIS.POINTERS']],
    ['no pointer', [line('90837', { diagnosisPointers: [] })], ['error:CODING.DIAGNOSIS.POINTERS']],
    ['a CPT code outside the local list', [line('90899')], ['warning:CODING.CPT.NOT_IN_LOCAL_LIST']],
    ['a HCPCS code of the release', [line('H0004', { units: 4 })], []],
    ['a HCPCS code not in the release', [line('H9999')], ['error:CODING.HCPCS.UNKNOWN']],
  ])('given %s, then %j', (_case, lines, expected) => {
    expect(check(lines).filter((id) => !id.includes('RELEASE_MAY_BE_OUTDATED'))).toEqual(expected);
  });

  it.each([
    ['99201', '2020-12-31', []],
    ['99201', '2021-01-01', ['error:CODING.CPT.NOT_VALID_ON_DATE']],
    ['96130', '2018-12-31', ['error:CODING.CPT.NOT_VALID_ON_DATE']],
    ['96130', '2019-01-01', []],
  ])('given %s on %s, then %j', (code, date, expected) => {
    expect(check([line(code)], date)).toEqual(expected);
  });
});
