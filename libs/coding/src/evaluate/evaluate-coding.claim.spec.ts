import { ValidationFailed } from '@revcycle/kernel';

import { loadDefaultSeed } from '../codesets/default-seed';
import { RULESET_VERSION } from '../rules/coding-finding';
import { DEFAULT_PAYER_RULES, PayerRule } from '../rules/payer-rules';
import { evaluateCoding, EvaluateCodingResult } from './evaluate-coding';
import { EvaluateCodingRequest } from './evaluate-coding.request';

const catalog = loadDefaultSeed();
const base: EvaluateCodingRequest = {
  dateOfService: '2026-03-04',
  serviceCategory: 'individual_psychotherapy',
  minutes: 53,
  modality: 'in_person',
  placeOfService: '11',
  providerCredential: 'PsyD',
  payerKind: 'commercial',
  diagnoses: ['F43.10'],
};
const evaluate = (change: Partial<EvaluateCodingRequest>, payerRules: PayerRule[] = [], feeSchedule?: Parameters<typeof evaluateCoding>[1]['feeSchedule']) =>
  evaluateCoding({ ...base, ...change }, { catalog, payerRules, feeSchedule });
const errors = (result: EvaluateCodingResult) => result.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
const only = (result: EvaluateCodingResult) => {
  expect(result.lines).toHaveLength(1);
  return result.lines[0];
};

describe('evaluateCoding: telehealth place of service and modifiers', () => {
  it.each([
    ['commercial', 'video', true, '10', ['95']],
    ['commercial', 'video', false, '02', ['95']],
    ['commercial', 'audio_only', true, '10', ['93']],
    ['medicare', 'video', true, '10', ['95', 'AH']],
    ['medicare', 'audio_only', true, '10', ['FQ', 'AH']],
    ['medicaid', 'audio_only', false, '02', ['93', 'HP']],
    ['commercial', 'in_person', false, '11', []],
  ] as const)('given %s, %s, client at home %s, then POS %s with %j', (payerKind, modality, patientAtHome, pos, modifiers) => {
    const line = only(evaluate({ payerKind, modality, patientAtHome }));
    expect([line.placeOfService, line.modifiers]).toEqual([pos, modifiers]);
  });

  it('uses a payer\'s own telehealth modifier and location POS', () => {
    const legacy: PayerRule = { ...DEFAULT_PAYER_RULES.medicaid, payerId: 'mcd-gt', videoModifier: 'GT', telehealthPlaceOfService: 'location', effectiveFrom: '2025-01-01' };
    const line = only(evaluate({ payerKind: undefined, payerId: 'mcd-gt', modality: 'video', patientAtHome: true, placeOfService: '11' }, [legacy]));
    expect([line.placeOfService, line.modifiers]).toEqual(['11', ['GT', 'HP']]);
  });

  it.each([
    [{ placeOfService: undefined }, 'CODING.POS.REQUIRED'],
    [{ placeOfService: '02' }, 'CODING.POS.TELEHEALTH_POS_IN_PERSON'],
    [{ placeOfService: '30' }, 'CODING.POS.UNKNOWN'],
  ])('given an in-person visit with %j, then %s', (change, error) => {
    expect(errors(evaluate(change))).toContain(error);
  });
});

describe('evaluateCoding: diagnoses on the claim', () => {
  it.each([
    [['F32.A'], [], 'CODING.DIAGNOSIS.UNSPECIFIED'],
    [['f331'], [], undefined],
    [['F32'], ['CODING.DIAGNOSIS.NOT_BILLABLE'], undefined],
    [['F99.99'], ['CODING.DIAGNOSIS.NOT_VALID_ON_DATE'], undefined],
    [[], ['CODING.DIAGNOSIS.REQUIRED', 'CODING.DIAGNOSIS.POINTERS'], undefined],
  ])('given diagnoses %j, then errors %j and warning %s', (diagnoses, expected, warning) => {
    const result = evaluate({ diagnoses });
    expect(errors(result)).toEqual(expected);
    expect(result.findings.some((f) => f.ruleId === 'CODING.DIAGNOSIS.UNSPECIFIED')).toBe(warning !== undefined);
  });

  const thirteen = ['F4310', 'F4311', 'F4312', 'F410', 'F411', 'F419', 'F331', 'F332', 'F339', 'Z630', 'Z634', 'Z655', 'F900'];
  it.each([
    [4, [1, 2, 3, 4], []],
    [5, [1, 2, 3, 4], []],
    [12, [1, 2, 3, 4], []],
    [13, [1, 2, 3, 4], ['CODING.DIAGNOSIS.TOO_MANY']],
  ])('given %i diagnoses, then pointers %j and errors %j', (count, pointers, expected) => {
    const result = evaluate({ diagnoses: thirteen.slice(0, count) });
    expect(only(result).diagnosisPointers).toEqual(pointers);
    expect(errors(result)).toEqual(expected);
  });

  it('reports a date of service that no ICD-10-CM release covers as an error, never a pass', () => {
    const result = evaluate({ dateOfService: '2026-10-01' });
    expect(result.findings).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'CODING.CODESET.NO_RELEASE_FOR_DATE', message: expect.stringContaining('ICD-10-CM') }));
  });
});

describe('evaluateCoding: payer, credential, fees and versions', () => {
  it.each([
    [{ payerKind: undefined, payerId: 'unknown' }, ['CODING.PAYER.NOT_REGISTERED']],
    [{ providerCredential: 'LCSW', payerKind: 'medicare', serviceCategory: 'psychotherapy_with_em', emCode: '99213', minutes: 30 }, ['CODING.CREDENTIAL.MEDICARE_PROVIDER_TYPE']],
    [{ providerCredential: 'LMFT', payerKind: 'medicaid' }, ['CODING.CREDENTIAL.MODIFIER_MISSING']],
  ] as const)('given %j, then errors %j', (change, expected) => {
    const rule: PayerRule = { ...DEFAULT_PAYER_RULES.medicaid, credentialModifiers: { required: true, byCredential: { PsyD: 'HP' } } };
    expect(errors(evaluate(change as Partial<EvaluateCodingRequest>, [rule]))).toEqual(expected);
  });

  it('warns that a trainee bills under a supervisor', () => {
    expect(evaluate({ providerCredential: 'LPC-Associate' }).findings.map((f) => f.ruleId)).toContain('CODING.CREDENTIAL.TRAINEE');
  });

  it('prices each line from the fee schedule, the modifier-specific price first', () => {
    const feeSchedule = {
      entries: [
        { code: '90839', effectiveFrom: '2026-01-01', unitChargeCents: 20000 },
        { code: '90840', effectiveFrom: '2026-01-01', unitChargeCents: 9000 },
        { code: '90840', modifier: '95', effectiveFrom: '2026-01-01', unitChargeCents: 8500 },
      ],
    };
    const result = evaluate({ serviceCategory: 'crisis', minutes: 110, modality: 'video', patientAtHome: true }, [], feeSchedule);
    expect(result.lines.map((line) => [line.code, line.units, line.chargeCents])).toEqual([
      ['90839', 1, 20000],
      ['90840', 2, 17000],
    ]);
  });

  it('names the rule-set version and every code-set release it consulted', () => {
    const result = evaluate({});
    expect(result.rulesetVersion).toBe(RULESET_VERSION);
    const kinds = result.codeSetReleaseIds.map((id) => id.split(':')[0]);
    expect(kinds).toEqual(['cpt_local', 'icd10cm', 'ncci_mue', 'place_of_service']);
    const icd = catalog.releaseFor('icd10cm', '2026-03-04');
    expect(result.codeSetReleaseIds).toContain(icd?.releaseId);
  });

  it('gives the same result for the same request', () => {
    expect(evaluate({ diagnoses: ['F32.9', 'Z63.0'] })).toEqual(evaluate({ diagnoses: ['F32.9', 'Z63.0'] }));
  });

  it.each([
    [{ dateOfService: '2026-02-30' }, 'dateOfService'],
    [{ minutes: undefined }, 'minutes'],
    [{ minutes: 12.5 }, 'minutes'],
    [{ payerKind: undefined }, 'payerKind'],
    [{ diagnoses: ['F32.1', 'not-a-code'] }, 'diagnoses[1]'],
    [{ placeOfService: '2' }, 'placeOfService'],
  ])('refuses an invalid request %j, naming %s', (change, path) => {
    try {
      evaluate(change as Partial<EvaluateCodingRequest>);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations.map((v) => v.path)).toEqual([path]);
    }
  });
});
