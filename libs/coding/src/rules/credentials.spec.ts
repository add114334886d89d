import { checkProviderMayBill, credentialModifier } from './credentials';
import { DEFAULT_PAYER_RULES } from './payer-rules';

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

describe('who may bill what', () => {
  it.each([
    ['PhD', ['99213', '90833'], 'medicare', '2026-03-04', ['CODING.CREDENTIAL.EM_BY_NON_MEDICAL', 'CODING.CREDENTIAL.MEDICARE_PROVIDER_TYPE']],
    ['LCSW', ['90834'], 'medicare', '2026-03-04', []],
    ['MD', ['99213', '90833'], 'medicare', '2026-03-04', []],
    ['PhD', ['99213', '90833'], 'commercial', '2026-03-04', ['CODING.CREDENTIAL.EM_BY_NON_MEDICAL']],
    ['LMFT', ['90834'], 'medicare', '2023-12-31', ['CODING.CREDENTIAL.MEDICARE_COUNSELOR_BEFORE_2024']],
    ['LMFT', ['90834'], 'medicare', '2024-01-01', []],
    ['LMHC', ['90837'], 'medicare', '2023-06-01', ['CODING.CREDENTIAL.MEDICARE_COUNSELOR_BEFORE_2024']],
    ['LMHC', ['90837'], 'commercial', '2023-06-01', []],
    ['MSW-intern', ['90834'], 'commercial', '2026-03-04', ['CODING.CREDENTIAL.TRAINEE']],
  ] as const)('given %s billing %j to %s on %s, then %j', (credential, codes, kind, date, expected) => {
    expect(ids(checkProviderMayBill(credential, codes, DEFAULT_PAYER_RULES[kind], date))).toEqual(expected);
  });
});

describe('credential modifiers', () => {
  it.each([
    ['medicaid', 'LCSW', 'HO', []],
    ['medicaid', 'PsyD', 'HP', []],
    ['medicaid', 'MD', undefined, []],
    ['medicare', 'PhD', 'AH', []],
    ['medicare', 'LCSW', 'AJ', []],
    ['commercial', 'LCSW', undefined, []],
    ['medicaid', 'MSW-intern', undefined, ['CODING.CREDENTIAL.MODIFIER_MISSING']],
  ] as const)('given %s and %s, then modifier %s', (kind, credential, modifier, expected) => {
    const result = credentialModifier(credential, DEFAULT_PAYER_RULES[kind]);
    expect([result.modifier, ids(result.findings)]).toEqual([modifier, expected]);
  });
});
