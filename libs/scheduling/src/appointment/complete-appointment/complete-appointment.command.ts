import type { CommandContext } from '@revcycle/kernel';

import type { AppointmentCompleted } from '../../contracts/scheduling.public-events';
import { assertAppointmentStatus } from '../appointment.errors';
import type { AppointmentState } from '../appointment.state';

export interface CompleteAppointment {
  context: CommandContext;
  appointmentId: string;
  /** From the patient stream: a Part 2 label applies to everything derived from the session. */
  part2: { sourceProgramId: string } | null;
}

/**
 * Completion publishes the facts the encounters context opens an encounter from; completing
 * twice is refused, so a retried request never opens a second encounter.
 */
export function decideCompleteAppointment(
  command: CompleteAppointment,
  state: AppointmentState,
): AppointmentCompleted[] {
  const { appointmentId, context } = command;
  assertAppointmentStatus(appointmentId, state, ['checked_in']);
  const { patientId, providerId, locationId, modality, serviceCode, dateOfService, start, end } = state.appointment;
  return [
    {
      type: 'scheduling.AppointmentCompleted',
      data: {
        appointmentId,
        patientId,
        providerId,
        locationId,
        modality,
        serviceCode,
        dateOfService,
        start,
        end,
        completedAt: context.now.toISOString(),
        part2: command.part2,
      },
    },
  ];
}
