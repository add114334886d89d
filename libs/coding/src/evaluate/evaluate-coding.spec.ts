import { loadDefaultSeed } from '../codesets/default-seed';
import { DEFAULT_PAYER_RULES, PayerRule } from '../rules/payer-rules';
import { evaluateCoding, EvaluateCodingResult } from './evaluate-coding';
import { EvaluateCodingRequest } from './evaluate-coding.request';

const catalog = loadDefaultSeed();
const base: EvaluateCodingRequest = {
  dateOfService: '2026-03-04',
  serviceCategory: 'individual_psychotherapy',
  minutes: 45,
  modality: 'in_person',
  placeOfService: '11',
  providerCredential: 'LCSW',
  payerKind: 'commercial',
  diagnoses: ['F33.1'],
};

function evaluate(change: Partial<EvaluateCodingRequest>, payerRules: PayerRule[] = []): EvaluateCodingResult {
  return evaluateCoding({ ...base, ...change }, { catalog, payerRules });
}
const billed = (result: EvaluateCodingResult) => result.lines.map((line) => (line.units === 1 ? line.code : `${line.code}x${line.units}`));
const ruleIds = (result: EvaluateCodingResult, severity: string) => result.findings.filter((f) => f.severity === severity).map((f) => f.ruleId);

describe('evaluateCoding: codes by service category and minutes', () => {
  it.each([
    ['individual_psychotherapy', 15, [], 'CODING.PSYCHOTHERAPY.UNDER_16_MINUTES'],
    ['individual_psychotherapy', 16, ['90832'], undefined],
    ['individual_psychotherapy', 37, ['90832'], undefined],
    ['individual_psychotherapy', 38, ['90834'], undefined],
    ['individual_psychotherapy', 52, ['90834'], undefined],
    ['individual_psychotherapy', 53, ['90837'], undefined],
    ['family_with_patient', 25, [], 'CODING.FAMILY.UNDER_26_MINUTES'],
    ['family_with_patient', 26, ['90847'], undefined],
    ['family_without_patient', 25, [], 'CODING.FAMILY.UNDER_26_MINUTES'],
    ['family_without_patient', 26, ['90846'], undefined],
    ['crisis', 29, [], 'CODING.CRISIS.UNDER_30_MINUTES'],
    ['crisis', 30, ['90839'], undefined],
    ['crisis', 74, ['90839'], undefined],
    ['crisis', 75, ['90839', '90840'], undefined],
    ['crisis', 104, ['90839', '90840'], undefined],
    ['crisis', 105, ['90839', '90840x2'], undefined],
    ['psychological_testing', 30, [], 'CODING.TESTING.UNDER_31_MINUTES'],
    ['psychological_testing', 91, ['96130', '96131'], undefined],
    ['group', undefined, ['90853'], undefined],
    ['multiple_family_group', undefined, ['90849'], undefined],
    ['diagnostic_evaluation', undefined, ['90791'], undefined],
    ['community_support', 23, ['H2015x2'], undefined],
  ] as const)('given %s for %s minutes, then %j is billed', (serviceCategory, minutes, lines, error) => {
    const result = evaluate({ serviceCategory, minutes });
    expect(billed(result)).toEqual(lines);
    expect(ruleIds(result, 'error')).toEqual(error ? [error] : []);
  });

  it.each([
    [15, ['99214'], 'warning'],
    [16, ['99214', '90833'], undefined],
    [37, ['99214', '90833'], undefined],
    [38, ['99214', '90836'], undefined],
    [52, ['99214', '90836'], undefined],
    [53, ['99214', '90838'], undefined],
  ] as const)('given psychotherapy with an E/M for %i minutes, then %j', (minutes, lines, severity) => {
    const result = evaluate({ serviceCategory: 'psychotherapy_with_em', minutes, emCode: '99214', providerCredential: 'MD' });
    expect(billed(result)).toEqual(lines);
    expect(ruleIds(result, 'warning').includes('CODING.PSYCHOTHERAPY.UNDER_16_MINUTES')).toBe(severity === 'warning');
  });

  it.each([
    [{ emCode: undefined }, 'CODING.EM.REQUIRED'],
    [{ emCode: '90834' }, 'CODING.EM.NOT_AN_EM_CODE'],
  ])('given psychotherapy with E/M and %j, then nothing is billed', (change, error) => {
    const result = evaluate({ serviceCategory: 'psychotherapy_with_em', providerCredential: 'MD', ...change });
    expect(result.lines).toEqual([]);
    expect(ruleIds(result, 'error')).toEqual([error]);
  });

  it.each([
    ['MD', ['90792'], []],
    ['NP', ['90792'], []],
    ['PA', ['90792'], []],
    ['PhD', [], ['CODING.DIAGNOSTIC_EVALUATION.MEDICAL_CREDENTIAL']],
    ['LCSW', [], ['CODING.DIAGNOSTIC_EVALUATION.MEDICAL_CREDENTIAL']],
  ])('given 90792 by %s, then %j', (providerCredential, lines, errors) => {
    const result = evaluate({ serviceCategory: 'diagnostic_evaluation_medical', providerCredential });
    expect(billed(result)).toEqual(lines);
    expect(ruleIds(result, 'error')).toEqual(errors);
  });

  it('says when an E/M code is not used by the category', () => {
    const result = evaluate({ serviceCategory: 'crisis', minutes: 60, emCode: '99214' });
    expect(billed(result)).toEqual(['90839']);
    expect(ruleIds(result, 'warning')).toContain('CODING.EM.NOT_USED');
  });

  it('refuses a diagnostic evaluation with an E/M the same day', () => {
    expect(ruleIds(evaluate({ serviceCategory: 'diagnostic_evaluation', emCode: '99214' }), 'error')).toEqual(['CODING.DIAGNOSTIC_EVALUATION.WITH_EM']);
  });
});

describe('evaluateCoding: interactive complexity', () => {
  it.each([
    ['individual_psychotherapy', 45, undefined, ['90834', '90785'], []],
    ['diagnostic_evaluation', undefined, undefined, ['90791', '90785'], []],
    ['group', undefined, undefined, ['90853', '90785'], []],
    ['psychotherapy_with_em', 40, '99213', ['99213', '90836', '90785'], []],
    ['crisis', 60, undefined, ['90839'], ['CODING.INTERACTIVE_COMPLEXITY.NOT_WITH_CODE']],
    ['family_with_patient', 50, undefined, ['90847'], ['CODING.INTERACTIVE_COMPLEXITY.NOT_WITH_CODE']],
    ['medication_management', undefined, '99213', ['99213'], ['CODING.INTERACTIVE_COMPLEXITY.NO_PRIMARY']],
  ] as const)('given %s (%s min, E/M %s) with interactive complexity, then %j', (serviceCategory, minutes, emCode, lines, errors) => {
    const result = evaluate({ serviceCategory, minutes, emCode, interactiveComplexity: true, providerCredential: 'MD' });
    expect(billed(result)).toEqual(lines);
    expect(ruleIds(result, 'error')).toEqual(errors);
  });
});

describe('evaluateCoding: screening and 15-minute HCPCS services', () => {
  it.each([
    ['commercial', ['PHQ-9', 'GAD-7'], ['96127x2'], [], []],
    ['commercial', ['PHQ-9', 'GAD-7', 'PCL-5', 'AUDIT', 'CRAFFT'], ['96127x4'], ['CODING.SCREENING.PAYER_CAP'], ['CODING.NCCI.MUE_EXCEEDED']],
    ['medicare', ['PHQ-9', 'GAD-7', 'PCL-5', 'AUDIT'], ['96127x4'], [], ['CODING.NCCI.MUE_EXCEEDED']],
    ['self_pay', ['PHQ-9', 'GAD-7', 'PCL-5', 'AUDIT'], ['96127x4'], [], []],
    ['commercial', ['PHQ-9', 'phq-9 ', 'GAD-7'], ['96127x2'], ['CODING.SCREENING.REPEATED_INSTRUMENT'], []],
  ] as const)('given %s and instruments %j, then %j', (payerKind, instruments, lines, warnings, errors) => {
    const result = evaluate({ serviceCategory: 'screening_instruments', payerKind, instruments: [...instruments], providerCredential: 'MD' });
    expect(billed(result)).toEqual(lines);
    expect(ruleIds(result, 'warning').filter((id) => id.startsWith('CODING.SCREENING'))).toEqual(warnings);
    expect(ruleIds(result, 'error')).toEqual(errors);
  });

  it('bills an E/M beside screening when one is given', () => {
    expect(billed(evaluate({ serviceCategory: 'screening_instruments', instruments: ['PHQ-9'], emCode: '99213' }))).toEqual(['99213', '96127']);
  });

  it.each([
    [7, []],
    [8, ['T1017']],
    [22, ['T1017']],
    [23, ['T1017x2']],
    [37, ['T1017x2']],
    [38, ['T1017x3']],
  ])('given Medicaid case management of %i minutes, then %j with the credential modifier', (minutes, lines) => {
    const result = evaluate({ serviceCategory: 'case_management', minutes, payerKind: 'medicaid' });
    expect(billed(result)).toEqual(lines);
    result.lines.forEach((line) => expect(line.modifiers).toEqual(['HO']));
  });

  it('refuses T1017 for Medicare', () => {
    const result = evaluate({ serviceCategory: 'case_management', minutes: 30, payerKind: 'medicare' });
    expect([result.lines, ruleIds(result, 'error')]).toEqual([[], ['CODING.HCPCS.MEDICAID_ONLY']]);
  });

  it('caps units at the payer\'s daily cap', () => {
    const capped: PayerRule = { ...DEFAULT_PAYER_RULES.medicaid, payerId: 'state-mcd', unitRounding: { method: 'fifty_one_percent', dailyUnitCaps: { H2015: 12 } } };
    const result = evaluate({ serviceCategory: 'community_support', minutes: 240, payerKind: undefined, payerId: 'state-mcd' }, [capped]);
    expect(billed(result)).toEqual(['H2015x12']);
    expect(ruleIds(result, 'warning')).toContain('CODING.UNITS.DAILY_CAP');
  });
});
