import { DEFAULT_PAYER_RULES, resolvePayerRule } from '../../rules/payer-rules';
import { evolvePayerRules, initialPayerRulesState, type PayerRulesState } from '../payer-rules.state';
import { decideSetPayerRule, type SetPayerRule } from './set-payer-rule.command';

const given = (events: ReturnType<typeof decideSetPayerRule>): PayerRulesState => events.reduce(evolvePayerRules, initialPayerRulesState);
const medicaidPlan: SetPayerRule = { payerId: 'state-medicaid', payerKind: 'medicaid', effectiveFrom: '2026-01-01', videoModifier: 'GT', dailyUnitCaps: { H0004: 12 } };

describe('SetPayerRule', () => {
  it("stores the payer's differences over the defaults of its kind", () => {
    const [event] = decideSetPayerRule(medicaidPlan, initialPayerRulesState);
    expect(event.data.rule).toEqual({
      ...DEFAULT_PAYER_RULES.medicaid,
      payerId: 'state-medicaid',
      effectiveFrom: '2026-01-01',
      videoModifier: 'GT',
      unitRounding: { method: 'cms_8_minute', dailyUnitCaps: { H0004: 12 } },
    });
  });

  it('resolves by payer and date of service once stored', () => {
    const state = given(decideSetPayerRule(medicaidPlan, initialPayerRulesState));
    expect(resolvePayerRule(state.rules, { payerId: 'state-medicaid' }, '2026-02-01').rule?.videoModifier).toBe('GT');
    expect(resolvePayerRule(state.rules, { payerId: 'state-medicaid' }, '2025-12-31').rule?.videoModifier).toBe('95');
  });

  it('records nothing for the same rule twice and replaces a rule with the same payer and start', () => {
    const state = given(decideSetPayerRule(medicaidPlan, initialPayerRulesState));
    expect(decideSetPayerRule(medicaidPlan, state)).toEqual([]);
    const replaced = given([...decideSetPayerRule(medicaidPlan, initialPayerRulesState), ...decideSetPayerRule({ ...medicaidPlan, videoModifier: '95' }, state)]);
    expect(replaced.rules).toHaveLength(1);
    expect(replaced.rules[0].videoModifier).toBe('95');
  });

  it('refuses an end before the start, a malformed modifier map and a cap that is not whole units', () => {
    const attempt = (input: Partial<SetPayerRule>) => () => decideSetPayerRule({ ...medicaidPlan, ...input }, initialPayerRulesState);
    expect(attempt({ effectiveTo: '2025-12-31' })).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    expect(attempt({ credentialModifiers: { LCSW: 'master' } })).toThrow(expect.objectContaining({ details: { violations: [{ path: 'credentialModifiers.LCSW', message: expect.any(String) }] } }));
    expect(attempt({ dailyUnitCaps: { H0004: 1.5 } })).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });
});
