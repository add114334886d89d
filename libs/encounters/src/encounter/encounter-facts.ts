import { isLocalDate } from '@revcycle/kernel';

import type { EncounterFacts } from '../contracts/encounters.public-events';
import { ClinicalNoteRefused, InvalidEncounterFacts } from './encounter.errors';

/** What a clinician or policy supplies; `minutes` is always derived, never entered. */
export type EncounterFactsInput = Omit<EncounterFacts, 'minutes'>;

const FACT_FIELDS = new Set<string>([
  'dateOfService', 'startTime', 'endTime', 'serviceCategory', 'modality', 'patientLocation', 'placeOfService',
  'participants', 'renderingProviderId', 'supervisingProviderId', 'diagnoses', 'interactiveComplexityFactors',
  'emMinutes', 'emCode', 'instrumentCount', 'testingMinutes',
]);
/** Office or outpatient E/M, new (99202-99205) or established (99211-99215) patient (CPT). */
export const EM_CODE = /^992(0[2-5]|1[1-5])$/;
const NOTE_LIKE = /note|narrative|soap|transcript|summary|comment|text|content|observation/i;
/** ICD-10-CM: a letter, two characters, then up to four more after an optional dot (CDC/NCHS). */
export const ICD10_CM = /^[A-TV-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
/** 837P HI segment: at most 12 diagnosis pointers per claim. */
const MAX_DIAGNOSES = 12;
const MINUTE_MS = 60_000;

/**
 * Refuses any field that is not a billable fact. A note-like name gets its own code so the API can
 * say why (security.md PN-1: the model has no field for note content, unknown fields are refused).
 */
export function assertBillableFactsOnly(encounterId: string, payload: object, allowed: ReadonlySet<string>): void {
  for (const field of Object.keys(payload)) {
    if (allowed.has(field)) continue;
    if (NOTE_LIKE.test(field)) throw new ClinicalNoteRefused(encounterId, field);
    throw new InvalidEncounterFacts(encounterId, field, 'Unknown field');
  }
}

/**
 * The path of the first note-like key anywhere in a request body, so the HTTP layer can refuse it
 * before validation turns it into a generic unknown-field error (security.md PN-1).
 */
export function findNoteLikeField(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && NOTE_LIKE.test(key)) return childPath;
    const nested = findNoteLikeField(child, childPath);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Validates what is present and derives minutes. A draft may still lack category, POS, diagnoses
 * and, for telehealth, where the patient was: a completed appointment does not say.
 */
export function buildEncounterFacts(encounterId: string, input: EncounterFactsInput): EncounterFacts {
  assertBillableFactsOnly(encounterId, input, FACT_FIELDS);
  const invalid = (field: string, reason: string) => new InvalidEncounterFacts(encounterId, field, reason);
  if (!isLocalDate(input.dateOfService)) throw invalid('dateOfService', 'Must be a YYYY-MM-DD date');
  const durationMs = Date.parse(input.endTime) - Date.parse(input.startTime);
  if (!(durationMs > 0)) throw invalid('endTime', 'The session must end after it starts');
  if (input.diagnoses.length > MAX_DIAGNOSES) throw invalid('diagnoses', 'At most 12 diagnoses fit on a claim');
  const badCode = input.diagnoses.findIndex((code) => !ICD10_CM.test(code));
  if (badCode >= 0) throw invalid(`diagnoses[${badCode}]`, 'Not an ICD-10-CM code');
  if (new Set(input.diagnoses).size !== input.diagnoses.length) throw invalid('diagnoses', 'Listed twice');
  const telehealth = input.modality !== 'in_person';
  if (!telehealth && input.patientLocation !== null) {
    throw invalid('patientLocation', 'The patient location is recorded for telehealth sessions only');
  }
  const expectedPos = input.patientLocation === 'home' ? '10' : '02';
  if (input.patientLocation !== null && (input.placeOfService === '02' || input.placeOfService === '10') && input.placeOfService !== expectedPos) {
    throw invalid('placeOfService', 'POS 10 is telehealth in the home, POS 02 telehealth elsewhere (CMS)');
  }
  if (input.placeOfService !== null && !/^\d{2}$/.test(input.placeOfService)) {
    throw invalid('placeOfService', 'Must be a two-digit CMS place-of-service code');
  }
  if (input.supervisingProviderId !== null && input.supervisingProviderId === input.renderingProviderId) {
    throw invalid('supervisingProviderId', 'The supervisor cannot be the rendering provider');
  }
  if (input.emCode != null && !EM_CODE.test(input.emCode)) throw invalid('emCode', 'Must be an office E/M code, 99202-99205 or 99211-99215');
  for (const field of ['emMinutes', 'instrumentCount', 'testingMinutes'] as const) {
    const value = input[field];
    if (value !== null && (!Number.isSafeInteger(value) || value <= 0)) throw invalid(field, 'Must be a positive integer');
  }
  return { ...input, minutes: Math.round(durationMs / MINUTE_MS) };
}
