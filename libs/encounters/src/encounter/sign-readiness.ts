import type { EncounterFacts, ServiceCategory, SignedEncounterFacts } from '../contracts/encounters.public-events';
import { EncounterNotReadyForSigning } from './encounter.errors';

/** Interactive complexity is not reportable with crisis or family psychotherapy (billing-rules.md §3). */
const NO_INTERACTIVE_COMPLEXITY = new Set<ServiceCategory>(['crisis', 'family_without_patient', 'family_with_patient']);
/** Categories whose code needs E/M time recorded apart from psychotherapy time (billing-rules.md §1). */
const NEEDS_EM_MINUTES = new Set<ServiceCategory>(['psychotherapy_with_em', 'medication_management']);

/**
 * What coding needs to pick a code: the checks run at signing (and on every addendum) because a
 * draft opened from a completed appointment starts without category, diagnoses or POS.
 */
export function assertSignable(encounterId: string, facts: EncounterFacts): SignedEncounterFacts {
  const missing = (field: string, reason: string) => new EncounterNotReadyForSigning(encounterId, field, reason);
  const { serviceCategory, placeOfService, participants } = facts;
  if (serviceCategory === null) throw missing('serviceCategory', 'A service category is required');
  if (placeOfService === null) throw missing('placeOfService', 'A place of service is required');
  if (facts.modality !== 'in_person' && facts.patientLocation === null) {
    throw missing('patientLocation', 'Telehealth place of service depends on where the patient was (POS 02 or 10)');
  }
  if (facts.diagnoses.length === 0) throw missing('diagnoses', 'At least one diagnosis is required');
  const patientPresent = participants.includes('patient');
  if (serviceCategory === 'family_without_patient' && patientPresent) {
    throw missing('participants', 'Family psychotherapy without the patient (90846) excludes the patient');
  }
  if (serviceCategory !== 'family_without_patient' && !patientPresent) {
    throw missing('participants', 'The patient must be a participant');
  }
  if ((serviceCategory === 'group' || serviceCategory === 'multiple_family_group') && !participants.includes('other_client')) {
    throw missing('participants', 'A group session has other clients');
  }
  if (facts.interactiveComplexityFactors.length > 0 && NO_INTERACTIVE_COMPLEXITY.has(serviceCategory)) {
    throw missing('interactiveComplexityFactors', 'Interactive complexity is not reportable with this service');
  }
  if (NEEDS_EM_MINUTES.has(serviceCategory) && facts.emMinutes === null) {
    throw missing('emMinutes', 'E/M time must be recorded for this service');
  }
  // The E/M line is the clinician's level choice; coding cannot price the visit without it.
  if (NEEDS_EM_MINUTES.has(serviceCategory) && facts.emCode == null) {
    throw missing('emCode', 'The E/M level (99202-99215) must be recorded for this service');
  }
  if (serviceCategory === 'psychotherapy_with_em' && facts.emMinutes !== null && facts.emMinutes >= facts.minutes) {
    throw missing('emMinutes', 'E/M time must leave psychotherapy time within the session');
  }
  if (serviceCategory === 'screening_instruments' && facts.instrumentCount === null) {
    throw missing('instrumentCount', '96127 is billed per standardized instrument');
  }
  if (serviceCategory === 'psychological_testing' && facts.testingMinutes === null) {
    throw missing('testingMinutes', 'Testing codes are billed by testing time');
  }
  return { ...facts, serviceCategory, placeOfService };
}
