import { DEFAULT_PAYER_RULES, PayerRule, resolvePayerRule } from './payer-rules';
import { checkDiagnosticEvaluationRepeat, addMonths } from './diagnostic-evaluation-repeat';

const aetna2025: PayerRule = { ...DEFAULT_PAYER_RULES.commercial, payerId: 'aetna', effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', videoModifier: null };
const aetna2026: PayerRule = { ...aetna2025, effectiveFrom: '2026-01-01', effectiveTo: undefined, videoModifier: 'GT' };
const practiceMedicaid: PayerRule = { ...DEFAULT_PAYER_RULES.medicaid, effectiveFrom: '2024-01-01', screeningUnitCap: 2 };
const rules = [aetna2025, aetna2026, practiceMedicaid];

describe('payer rule resolution', () => {
  it.each([
    [{ payerId: 'aetna' }, '2025-06-30', null, []],
    [{ payerId: 'aetna' }, '2026-01-01', 'GT', []],
    [{ payerId: 'aetna' }, '2024-12-31', '95', ['CODING.PAYER.DEFAULT_RULE_USED']],
    [{ payerKind: 'commercial' }, '2026-01-01', '95', []],
    [{ payerId: 'acme', payerKind: 'medicare' }, '2026-01-01', '95', ['CODING.PAYER.DEFAULT_RULE_USED']],
  ] as const)('given %j on %s, then the video modifier is %s', (payer, date, modifier, findings) => {
    const resolved = resolvePayerRule(rules, payer, date);
    expect(resolved.rule?.videoModifier).toBe(modifier);
    expect(resolved.findings.map((f) => f.ruleId)).toEqual(findings);
  });

  it('prefers the practice\'s rule for a payer kind over the built-in default', () => {
    expect(resolvePayerRule(rules, { payerKind: 'medicaid' }, '2026-01-01').rule?.screeningUnitCap).toBe(2);
    expect(resolvePayerRule(rules, { payerKind: 'medicaid' }, '2023-12-31').rule?.screeningUnitCap).toBe(4);
  });

  it.each([
    [{ payerId: 'unknown' }, 'CODING.PAYER.NOT_REGISTERED'],
    [{}, 'CODING.PAYER.MISSING'],
  ])('given %j, then no rule and %s', (payer, ruleId) => {
    const resolved = resolvePayerRule(rules, payer, '2026-01-01');
    expect([resolved.rule, resolved.findings.map((f) => f.ruleId)]).toEqual([undefined, [ruleId]]);
  });

  it.each([
    ['commercial', '95', '93'],
    ['medicare', '95', 'FQ'],
    ['medicaid', '95', '93'],
  ] as const)('defaults %s to video %s and audio-only %s', (kind, video, audio) => {
    expect([DEFAULT_PAYER_RULES[kind].videoModifier, DEFAULT_PAYER_RULES[kind].audioOnlyModifier]).toEqual([video, audio]);
  });
});

describe('repeat diagnostic evaluation', () => {
  const commercial = DEFAULT_PAYER_RULES.commercial;

  it.each([
    ['2026-01-15', '2026-07-14', ['CODING.DIAGNOSTIC_EVALUATION.REPEAT_TOO_SOON']],
    ['2026-01-15', '2026-07-15', []],
    ['2025-08-31', '2026-02-28', []],
    ['2025-08-31', '2026-02-27', ['CODING.DIAGNOSTIC_EVALUATION.REPEAT_TOO_SOON']],
  ])('given the last evaluation on %s, then on %s: %j', (last, date, expected) => {
    expect(checkDiagnosticEvaluationRepeat(commercial, last, date).map((f) => f.ruleId)).toEqual(expected);
  });

  it('refuses any repeat when the payer allows none', () => {
    const once: PayerRule = { ...commercial, diagnosticEvaluationRepeat: { allowed: false } };
    expect(checkDiagnosticEvaluationRepeat(once, '2020-01-01', '2026-01-01').map((f) => f.ruleId)).toEqual(['CODING.DIAGNOSTIC_EVALUATION.REPEAT_NOT_ALLOWED']);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('adds months: %s + %i = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
