import { localDateOf, type CommandContext } from '@revcycle/kernel';

import type { AppointmentRescheduled } from '../appointment.events';
import { assertAppointmentStatus, InvalidAppointmentTime } from '../appointment.errors';
import type { AppointmentState } from '../appointment.state';
import { bookingWarnings, type BookingFacts, type BookingWarning } from '../booking-warnings';

/**
 * Same provider only: the new time is reserved in that provider's calendar stream in the same
 * append that frees the old one. Changing provider is a cancel and a new booking.
 */
export interface RescheduleAppointment {
  context: CommandContext;
  appointmentId: string;
  start: string;
  end: string;
  timeZone: string;
  facts: BookingFacts;
}

export function decideRescheduleAppointment(
  command: RescheduleAppointment,
  state: AppointmentState,
): { events: AppointmentRescheduled[]; warnings: BookingWarning[] } {
  const { appointmentId, start, end, timeZone, context } = command;
  assertAppointmentStatus(appointmentId, state, ['booked']);
  if (!(Date.parse(start) < Date.parse(end))) {
    throw new InvalidAppointmentTime(appointmentId, 'The appointment must end after it starts');
  }
  if (new Date(start) < context.now) {
    throw new InvalidAppointmentTime(appointmentId, 'An appointment cannot be moved into the past');
  }
  if (state.appointment.start === start && state.appointment.end === end) return { events: [], warnings: [] };
  const dateOfService = localDateOf(new Date(start), timeZone);
  const warnings = bookingWarnings(command.facts, {
    serviceCode: state.appointment.serviceCode,
    units: state.appointment.plannedUnits,
    dateOfService,
    today: localDateOf(context.now, timeZone),
  });
  return { events: [{ type: 'scheduling.AppointmentRescheduled', data: { appointmentId, start, end, dateOfService } }], warnings };
}
