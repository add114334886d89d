import { LocalDate } from '@revcycle/kernel';

import { CodingFinding, finding } from './coding-finding';
import { PayerRule } from './payer-rules';
import { isEmCode } from './procedure-codes';

export const LICENSED_CREDENTIALS = ['MD', 'DO', 'NP', 'PA', 'PhD', 'PsyD', 'LCSW', 'LPC', 'LMHC', 'LMFT'] as const;
export type LicensedCredential = (typeof LICENSED_CREDENTIALS)[number];

export function isLicensedCredential(credential: string): credential is LicensedCredential {
  return (LICENSED_CREDENTIALS as readonly string[]).includes(credential);
}

/** Physicians, nurse practitioners and physician assistants: the only ones who may bill 90792 (issue 4, [CR8]). */
const MEDICAL_PRESCRIBERS = new Set(['MD', 'DO', 'NP', 'PA']);

export function mayBillMedicalServices(credential: string): boolean {
  return MEDICAL_PRESCRIBERS.has(credential);
}

// Medicare: clinical psychologists and clinical social workers cannot bill 90792 (refused for every
// payer when the lines are planned) or the E/M add-ons; marriage and family therapists and mental health counselors bill
// from 1 January 2024 [CR7].
const MEDICARE_NOT_FOR_PSYCHOLOGISTS_AND_CSW = new Set(['90833', '90836', '90838']);
const MEDICARE_COUNSELORS_FROM = '2024-01-01';

/** Whether this provider may bill these codes for this payer on this date. */
export function checkProviderMayBill(credential: string, codes: readonly string[], rule: PayerRule, dateOfService: LocalDate): CodingFinding[] {
  const findings: CodingFinding[] = [];
  if (!isLicensedCredential(credential)) {
    const message = `Credential ${credential} is not a licensed credential the rules know: bill under the supervising provider per the payer's policy.`;
    findings.push(finding('warning', 'CODING.CREDENTIAL.TRAINEE', message, 'PAYER'));
  }
  // The add-ons need a significant E/M by the same provider [CR5]; E/M is medical work (unverified beyond [CR7]).
  const em = codes.find(isEmCode);
  if (em && isLicensedCredential(credential) && !mayBillMedicalServices(credential)) {
    const message = `${em} is an E/M service; ${credential} providers do not usually bill E/M codes, so check the rendering provider.`;
    findings.push(finding('warning', 'CODING.CREDENTIAL.EM_BY_NON_MEDICAL', message, 'CR5', 'CR7'));
  }
  if (rule.payerKind !== 'medicare') return findings;
  const barred = codes.filter((code) => MEDICARE_NOT_FOR_PSYCHOLOGISTS_AND_CSW.has(code));
  if (['PhD', 'PsyD', 'LCSW'].includes(credential) && barred.length > 0) {
    const message = `Medicare does not pay ${barred.join(', ')} billed by a clinical psychologist or clinical social worker.`;
    findings.push(finding('error', 'CODING.CREDENTIAL.MEDICARE_PROVIDER_TYPE', message, 'CR7'));
  }
  if (['LMFT', 'LMHC', 'LPC'].includes(credential) && dateOfService < MEDICARE_COUNSELORS_FROM) {
    const message = `Medicare pays marriage and family therapists and mental health counselors only from ${MEDICARE_COUNSELORS_FROM}.`;
    findings.push(finding('error', 'CODING.CREDENTIAL.MEDICARE_COUNSELOR_BEFORE_2024', message, 'CR7'));
  }
  return findings;
}

/** The payer's credential modifier for the rendering provider [MD5][MD6]; a missing required one is an error. */
export function credentialModifier(credential: string, rule: PayerRule): { modifier?: string; findings: CodingFinding[] } {
  const modifier = rule.credentialModifiers.byCredential[credential];
  if (modifier || !rule.credentialModifiers.required || MEDICAL_PRESCRIBERS.has(credential)) return { modifier, findings: [] };
  const message = `This payer requires a credential modifier on every line and has none for ${credential}; add it to the payer rule.`;
  return { findings: [finding('error', 'CODING.CREDENTIAL.MODIFIER_MISSING', message, 'MD5', 'PAYER')] };
}
