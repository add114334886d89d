import { DomainError } from '@revcycle/kernel';

import type { AppointmentState } from './appointment.state';

export class AppointmentNotFound extends DomainError {
  constructor(appointmentId: string) {
    super('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No appointment with this id', { appointmentId });
  }
}

export class AppointmentAlreadyBooked extends DomainError {
  constructor(appointmentId: string) {
    super('SCHEDULING.APPOINTMENT_ALREADY_BOOKED', 'This appointment id is already in use', { appointmentId });
  }
}

/** Literal codes per status so each stays greppable; all are `*_ALREADY_*` (409). */
const CLOSED_CODES = {
  checked_in: 'SCHEDULING.APPOINTMENT_ALREADY_CHECKED_IN',
  completed: 'SCHEDULING.APPOINTMENT_ALREADY_COMPLETED',
  cancelled: 'SCHEDULING.APPOINTMENT_ALREADY_CANCELLED',
  no_show: 'SCHEDULING.APPOINTMENT_ALREADY_NO_SHOW',
} as const;

/** The appointment has moved past the state the command needs. */
export class AppointmentAlreadyClosed extends DomainError {
  constructor(appointmentId: string, status: keyof typeof CLOSED_CODES) {
    super(CLOSED_CODES[status], `The appointment is already ${status.replace('_', ' ')}`, { appointmentId, status });
  }
}

/** Throws unless the appointment exists and is in one of the allowed statuses. */
export function assertAppointmentStatus<S extends AppointmentState['status']>(
  appointmentId: string,
  state: AppointmentState,
  allowed: readonly S[],
): asserts state is Extract<AppointmentState, { status: S }> {
  if ((allowed as readonly string[]).includes(state.status)) return;
  if (state.status === 'none') throw new AppointmentNotFound(appointmentId);
  if (state.status === 'booked') throw new AppointmentNotReadyForCompletion(appointmentId);
  throw new AppointmentAlreadyClosed(appointmentId, state.status);
}

/** A session is completed only after check-in, which is when the visit is known to have started. */
export class AppointmentNotReadyForCompletion extends DomainError {
  constructor(appointmentId: string) {
    super('SCHEDULING.APPOINTMENT_NOT_READY_FOR_COMPLETION', 'The patient has not checked in', { appointmentId });
  }
}

export class InvalidAppointmentTime extends DomainError {
  constructor(appointmentId: string, reason: string) {
    super('SCHEDULING.INVALID_APPOINTMENT_TIME', reason, { appointmentId });
  }
}
