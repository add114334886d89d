import { localDateOf, type CommandContext } from '@revcycle/kernel';

import type { PatientCheckedIn } from '../appointment.events';
import { assertAppointmentStatus, InvalidAppointmentTime } from '../appointment.errors';
import type { AppointmentState } from '../appointment.state';

export interface CheckInPatient {
  context: CommandContext;
  appointmentId: string;
  timeZone: string;
}

/** Check-in (or joining the video waiting room) is allowed only on the day of service. */
export function decideCheckInPatient(command: CheckInPatient, state: AppointmentState): PatientCheckedIn[] {
  const { appointmentId, timeZone, context } = command;
  assertAppointmentStatus(appointmentId, state, ['booked']);
  if (localDateOf(context.now, timeZone) !== state.appointment.dateOfService) {
    throw new InvalidAppointmentTime(appointmentId, 'Check-in is possible only on the day of the appointment');
  }
  return [{ type: 'scheduling.PatientCheckedIn', data: { appointmentId, checkedInAt: context.now.toISOString() } }];
}
