import { SERVICE_CATEGORIES, type ServiceCategory } from '@revcycle/encounters';
import { isLocalDate, LocalDate, ValidationFailed, FieldViolation } from '@revcycle/kernel';

import { PAYER_KINDS, PayerKind } from '../rules/payer-rules';
import { TIMED_CATEGORIES } from '../rules/service-lines';
import { Modality, MODALITIES } from '../rules/telehealth';

/** The body of `POST /v1/coding/evaluate` (issue 4). */
export interface EvaluateCodingRequest {
  dateOfService: LocalDate;
  serviceCategory: ServiceCategory;
  minutes?: number;
  modality: Modality;
  patientAtHome?: boolean;
  placeOfService?: string;
  /** MD, DO, NP, PA, PhD, PsyD, LCSW, LPC, LMHC, LMFT, or a trainee credential. */
  providerCredential: string;
  payerKind?: PayerKind;
  payerId?: string;
  /** ICD-10-CM codes, dotted or not; the first is the principal diagnosis. */
  diagnoses: string[];
  interactiveComplexity?: boolean;
  emCode?: string;
  instruments?: string[];
}

export const MAX_MINUTES = 24 * 60;

/**
 * The checks the HTTP DTO also makes, repeated here because the pure function has other callers (the
 * coding context's policy); a broken request is a ValidationFailed, never a finding.
 */
export function assertEvaluateCodingRequest(request: EvaluateCodingRequest): void {
  const violations: FieldViolation[] = [];
  const fail = (path: string, message: string) => violations.push({ path, message });
  if (!isLocalDate(request.dateOfService)) fail('dateOfService', 'must be a YYYY-MM-DD date');
  if (!SERVICE_CATEGORIES.includes(request.serviceCategory)) fail('serviceCategory', `must be one of ${SERVICE_CATEGORIES.join(', ')}`);
  if (!MODALITIES.includes(request.modality)) fail('modality', `must be one of ${MODALITIES.join(', ')}`);
  const { minutes } = request;
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES)) {
    fail('minutes', `must be a whole number from 0 to ${MAX_MINUTES}`);
  }
  if (minutes === undefined && TIMED_CATEGORIES.has(request.serviceCategory)) fail('minutes', `is required for ${request.serviceCategory}`);
  if (typeof request.providerCredential !== 'string' || request.providerCredential.trim() === '') fail('providerCredential', 'is required');
  if (request.payerKind === undefined && request.payerId === undefined) fail('payerKind', 'give a payer kind or a payer id');
  if (request.payerKind !== undefined && !PAYER_KINDS.includes(request.payerKind)) fail('payerKind', `must be one of ${PAYER_KINDS.join(', ')}`);
  if (!Array.isArray(request.diagnoses)) fail('diagnoses', 'must be a list of ICD-10-CM codes');
  request.diagnoses?.forEach?.((code, i) => {
    if (typeof code !== 'string' || !/^[A-Za-z][0-9][0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?$/.test(code.trim())) fail(`diagnoses[${i}]`, 'is not shaped like an ICD-10-CM code');
  });
  if (request.placeOfService !== undefined && !/^\d{2}$/.test(request.placeOfService)) fail('placeOfService', 'must be a two-digit code');
  if (violations.length > 0) throw new ValidationFailed(violations);
}
