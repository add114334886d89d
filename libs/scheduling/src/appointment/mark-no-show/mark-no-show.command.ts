import type { CommandContext } from '@revcycle/kernel';

import type { PatientNoShowRecorded } from '../appointment.events';
import { assertAppointmentStatus, InvalidAppointmentTime } from '../appointment.errors';
import type { AppointmentState } from '../appointment.state';
import { missedAppointmentFee, type MissedAppointmentFeeEvent, type MissedAppointmentFeeTerms } from '../missed-appointment-fee';

export interface MarkNoShow {
  context: CommandContext;
  appointmentId: string;
  fee: MissedAppointmentFeeTerms;
}

/**
 * A no-show is recorded only once the session should have started and the patient never checked
 * in. Marking twice is refused (APPOINTMENT_ALREADY_NO_SHOW), so the fee can never be charged twice.
 */
export function decideMarkNoShow(
  command: MarkNoShow,
  state: AppointmentState,
): Array<PatientNoShowRecorded | MissedAppointmentFeeEvent> {
  const { appointmentId, fee, context } = command;
  assertAppointmentStatus(appointmentId, state, ['booked']);
  if (context.now.getTime() < Date.parse(state.appointment.start)) {
    throw new InvalidAppointmentTime(appointmentId, 'A no-show can be recorded only after the start time');
  }
  return [
    { type: 'scheduling.PatientNoShowRecorded', data: { appointmentId } },
    ...missedAppointmentFee('no_show', state.appointment, fee),
  ];
}
