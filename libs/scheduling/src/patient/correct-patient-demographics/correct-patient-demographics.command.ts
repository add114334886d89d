import { canonicalJson, isLocalDate, localDateOf, type CommandContext } from '@revcycle/kernel';

import type { PatientDemographics, PatientDemographicsCorrected } from '../patient.events';
import { InvalidBirthDate, PatientNotFound } from '../patient.errors';
import type { PatientState } from '../patient.state';

export interface CorrectPatientDemographics {
  context: CommandContext;
  patientId: string;
  phi: PatientDemographics;
}

/**
 * Corrections are appended, never overwritten, so the billing record keeps what each claim was
 * sent with (amendments are appended and linked, 45 CFR 164.526; security.md PN-3).
 */
export function decideCorrectPatientDemographics(
  command: CorrectPatientDemographics,
  state: PatientState,
): PatientDemographicsCorrected[] {
  const { patientId, phi } = command;
  if (state.status !== 'registered') throw new PatientNotFound(patientId);
  if (!isLocalDate(phi.birthDate) || phi.birthDate > localDateOf(command.context.now)) {
    throw new InvalidBirthDate(patientId);
  }
  if (canonicalJson(state.phi) === canonicalJson(phi)) return [];
  return [{ type: 'scheduling.PatientDemographicsCorrected', data: { patientId, phi } }];
}
