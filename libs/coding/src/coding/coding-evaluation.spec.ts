import { codingRules, signedFacts } from '@revcycle/coding/testing';

import { codingRequestFrom, recheckLines, suggestCoding } from './coding-evaluation';

const profile = { payer: { payerKind: 'commercial' as const }, providerCredential: 'LCSW' };

describe('coding from signed encounter facts', () => {
  it('builds the evaluation request from the facts, the payer and the credential', () => {
    expect(codingRequestFrom(signedFacts(), profile)).toMatchObject({
      dateOfService: '2026-03-04',
      serviceCategory: 'individual_psychotherapy',
      minutes: 53,
      modality: 'video',
      patientAtHome: true,
      providerCredential: 'LCSW',
      payerKind: 'commercial',
      interactiveComplexity: false,
      instruments: [],
    });
  });

  it.each([
    [60, 20, 40],
    [60, 45, 15],
    [30, null, 30],
  ])('counts only psychotherapy time beside an E/M: %i minutes with %p of E/M leaves %i', (minutes, emMinutes, left) => {
    const facts = signedFacts({ serviceCategory: 'psychotherapy_with_em', minutes, emMinutes });
    expect(codingRequestFrom(facts, profile)).toMatchObject({ minutes: left });
  });

  it('codes the E/M level the clinician recorded, with the psychotherapy add-on for the remaining time', () => {
    const facts = signedFacts({ serviceCategory: 'psychotherapy_with_em', minutes: 60, emMinutes: 20, emCode: '99214' });
    const suggestion = suggestCoding(facts, { ...profile, providerCredential: 'MD' }, codingRules());
    // 40 minutes of psychotherapy beside the E/M is 90836 (38-52 minutes, CPT add-on bands).
    expect(suggestion.lines.map((line) => line.code)).toEqual(['99214', '90836']);
  });

  it('asks for the E/M code when an older encounter did not record one, instead of guessing', () => {
    const suggestion = suggestCoding(signedFacts({ serviceCategory: 'psychotherapy_with_em', minutes: 60, emMinutes: 20 }), profile, codingRules());
    expect(suggestion.lines).toEqual([]);
    expect(suggestion.findings).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'CODING.EM.REQUIRED' }));
  });

  it('turns an instrument count into one 96127 unit per instrument', () => {
    const facts = signedFacts({ serviceCategory: 'screening_instruments', instrumentCount: 3 });
    const suggestion = suggestCoding(facts, profile, codingRules());
    expect(suggestion.lines).toEqual([expect.objectContaining({ code: '96127', units: 3 })]);
  });

  it('suggests nothing and says why while the payer or the credential is unknown', () => {
    const suggestion = suggestCoding(signedFacts(), {}, codingRules());
    expect(suggestion).toMatchObject({ request: null, lines: [] });
    expect(suggestion.findings.map((f) => [f.severity, f.ruleId])).toEqual([
      ['error', 'CODING.PAYER.MISSING'],
      ['error', 'CODING.PROVIDER.CREDENTIAL_MISSING'],
    ]);
  });

  it('suggests 90837 with the video modifier at POS 10, priced from the payer fee schedule', () => {
    const entries = [{ code: '90837', effectiveFrom: '2026-01-01', unitChargeCents: 18000, unitContractedCents: 14250 }];
    const rules = codingRules({ feeSchedules: { byPayer: { acme: entries } } });
    const suggestion = suggestCoding(signedFacts(), { ...profile, payer: { payerId: 'acme', payerKind: 'commercial' } }, rules);
    expect(suggestion.lines).toEqual([
      { code: '90837', modifiers: ['95'], units: 1, placeOfService: '10', diagnosisPointers: [1, 2], chargeCents: 18000, contractedCents: 14250 },
    ]);
    expect(suggestion.codeSetReleaseIds.length).toBeGreaterThan(0);
  });

  it.each([
    ['2026-01-10', ['CODING.DIAGNOSTIC_EVALUATION.REPEAT_TOO_SOON']],
    ['2025-09-04', []],
  ])('applies the payer repeat rule to a diagnostic evaluation after one on %s', (last, ruleIds) => {
    const facts = signedFacts({ serviceCategory: 'diagnostic_evaluation' });
    const suggestion = suggestCoding(facts, { ...profile, lastDiagnosticEvaluationOn: last }, codingRules());
    expect(suggestion.lines.map((line) => line.code)).toEqual(['90791']);
    expect(suggestion.findings.filter((f) => f.ruleId.startsWith('CODING.DIAGNOSTIC_EVALUATION.')).map((f) => f.ruleId)).toEqual(ruleIds);
  });

  it('re-checks edited lines: two units of 90837 is an error, one is not', () => {
    const request = codingRequestFrom(signedFacts(), profile);
    if (Array.isArray(request)) throw new Error('expected a request');
    const line = { code: '90837', modifiers: ['95'], units: 1, placeOfService: '10', diagnosisPointers: [1] };
    const ids = (units: number) => recheckLines(request, [{ ...line, units }], codingRules()).findings.map((f) => f.ruleId);
    expect(ids(2)).toContain('CODING.PSYCHOTHERAPY.ONE_UNIT');
    expect(ids(1)).not.toContain('CODING.PSYCHOTHERAPY.ONE_UNIT');
  });
});
