import type { CommandContext } from '@revcycle/kernel';

import type { AppointmentCancelled, CancellationReason } from '../appointment.events';
import { assertAppointmentStatus } from '../appointment.errors';
import type { AppointmentState } from '../appointment.state';
import { missedAppointmentFee, type MissedAppointmentFeeEvent, type MissedAppointmentFeeTerms } from '../missed-appointment-fee';

export interface CancelAppointment {
  context: CommandContext;
  appointmentId: string;
  cancelledBy: 'patient' | 'practice';
  reason: CancellationReason;
  fee: MissedAppointmentFeeTerms;
}

const HOUR_MS = 3_600_000;

/**
 * A patient cancelling with less notice than the practice's window is a late cancel. The practice
 * cancelling is never late and never charged. Cancelling after check-in is refused: that session
 * happened or is happening.
 */
export function decideCancelAppointment(
  command: CancelAppointment,
  state: AppointmentState,
): Array<AppointmentCancelled | MissedAppointmentFeeEvent> {
  const { appointmentId, cancelledBy, reason, fee, context } = command;
  assertAppointmentStatus(appointmentId, state, ['booked']);
  const { appointment } = state;
  const noticeMs = Date.parse(appointment.start) - context.now.getTime();
  const late = cancelledBy === 'patient' && noticeMs < fee.policies.lateCancelWindowHours * HOUR_MS;
  const cancelled: AppointmentCancelled = {
    type: 'scheduling.AppointmentCancelled',
    data: { appointmentId, cancelledBy, reason, late },
  };
  return late ? [cancelled, ...missedAppointmentFee('late_cancel', appointment, fee)] : [cancelled];
}
