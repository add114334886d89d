import { isLocalDate, localDateOf, type CommandContext } from '@revcycle/kernel';

import type { ContactPreferences, Guarantor, Part2Label, PatientDemographics, PatientRegistered } from '../patient.events';
import { InvalidBirthDate, PatientAlreadyRegistered } from '../patient.errors';
import type { PatientState } from '../patient.state';

export interface RegisterPatient {
  context: CommandContext;
  patientId: string;
  phi: PatientDemographics;
  guarantor: Guarantor;
  contactPreferences: ContactPreferences;
  part2: Part2Label | null;
}

/** Error details carry the patient id only: errors reach logs, and logs must never hold PHI. */
export function decideRegisterPatient(command: RegisterPatient, state: PatientState): PatientRegistered[] {
  const { patientId, phi } = command;
  if (state.status !== 'unknown') throw new PatientAlreadyRegistered(patientId);
  if (!isLocalDate(phi.birthDate) || phi.birthDate > localDateOf(command.context.now)) {
    throw new InvalidBirthDate(patientId);
  }
  return [
    {
      type: 'scheduling.PatientRegistered',
      data: {
        patientId,
        phi,
        guarantor: command.guarantor,
        contactPreferences: command.contactPreferences,
        part2: command.part2,
      },
    },
  ];
}
