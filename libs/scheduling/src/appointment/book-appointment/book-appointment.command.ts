import { localDateOf, type CommandContext } from '@revcycle/kernel';

import type { AppointmentBooked, AppointmentDetails } from '../appointment.events';
import { AppointmentAlreadyBooked, InvalidAppointmentTime } from '../appointment.errors';
import type { AppointmentState } from '../appointment.state';
import { bookingWarnings, type BookingFacts, type BookingWarning } from '../booking-warnings';

export interface BookAppointment {
  context: CommandContext;
  appointment: Omit<AppointmentDetails, 'dateOfService'>;
  /** The practice's IANA zone: the date of service is the practice's local calendar day. */
  timeZone: string;
  facts: BookingFacts;
}

export interface BookingDecision {
  events: AppointmentBooked[];
  warnings: BookingWarning[];
}

/**
 * Runs after the provider calendar accepted the time (see provider-calendar.state.ts), so the
 * double-booking guard has already passed when this stream is written.
 */
export function decideBookAppointment(command: BookAppointment, state: AppointmentState): BookingDecision {
  const { appointment, timeZone, context } = command;
  if (state.status !== 'none') throw new AppointmentAlreadyBooked(appointment.appointmentId);
  const start = new Date(appointment.start);
  if (!(start.getTime() < Date.parse(appointment.end))) {
    throw new InvalidAppointmentTime(appointment.appointmentId, 'The appointment must end after it starts');
  }
  if (start < context.now) {
    throw new InvalidAppointmentTime(appointment.appointmentId, 'An appointment cannot be booked in the past');
  }
  const dateOfService = localDateOf(start, timeZone);
  const warnings = bookingWarnings(command.facts, {
    serviceCode: appointment.serviceCode,
    units: appointment.plannedUnits,
    dateOfService,
    today: localDateOf(context.now, timeZone),
  });
  return { events: [{ type: 'scheduling.AppointmentBooked', data: { ...appointment, dateOfService } }], warnings };
}
