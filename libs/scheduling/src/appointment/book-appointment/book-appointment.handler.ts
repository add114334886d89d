import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, ConcurrencyError, type CommandOutcome, type StreamVersion } from '@revcycle/event-store';
import { localDateOf, type CommandContext } from '@revcycle/kernel';

import { ListAuthorizationUtilizationHandler } from '../../authorization-utilization/authorization-utilization.query';
import { createdId, keyed } from '../../command-keys';
import { calendarMonthsOf } from '../../provider-calendar/provider-calendar.state';
import { ReserveProviderTimeHandler, type KnownCalendarMonth } from '../../provider-calendar/reserve-provider-time/reserve-provider-time.handler';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { AppointmentAlreadyBooked } from '../appointment.errors';
import type { AppointmentDetails } from '../appointment.events';
import { appointmentStreamId, initialAppointmentState } from '../appointment.state';
import { assertBookingReferences } from '../booking-references';
import type { BookingWarning } from '../booking-warnings';
import { bookingFactsOn } from '../payment-facts';
import { decideBookAppointment, type BookAppointment, type BookingDecision } from './book-appointment.command';

export type Booking = Omit<AppointmentDetails, 'appointmentId' | 'dateOfService' | 'seriesId'>;
export type BookingAccepted = { appointmentId: string; version: string; warnings: BookingWarning[] };

export class BookAppointmentMessage extends Command<CommandOutcome<BookingAccepted>> {
  constructor(readonly context: CommandContext, readonly booking: Booking) {
    super();
  }
}

/**
 * Checks references and times, then writes the appointment and holds the provider's time in one
 * append (all or nothing): the race for a slot is decided by the calendar stream's version. Warnings
 * travel in the response and the idempotency ledger, so a retry sees them.
 */
@CommandHandler(BookAppointmentMessage)
export class BookAppointmentHandler implements ICommandHandler<BookAppointmentMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
    private readonly calendar: ReserveProviderTimeHandler,
    private readonly utilization: ListAuthorizationUtilizationHandler,
  ) {}

  /**
   * First on the histories this process holds (no read round trip), which the append checks; if
   * anything moved meanwhile, once more on histories read afresh.
   */
  async execute({ context, booking }: BookAppointmentMessage): Promise<CommandOutcome<BookingAccepted>> {
    return this.book(context, booking, true).catch((error: unknown) => {
      if (error instanceof ConcurrencyError) return this.book(context, booking, false);
      throw error;
    });
  }

  private async book(context: CommandContext, booking: Booking, trustHeld: boolean): Promise<CommandOutcome<BookingAccepted>> {
    const keyedContext = keyed(context);
    const appointmentId = createdId(keyedContext);
    const prepared = await this.prepare(context, appointmentId, booking, trustHeld).catch((refusal: unknown) =>
      this.streams.replayIfAnswered(context.tenantId, keyedContext.commandId, refusal),
    );
    const slot = { appointmentId, start: booking.start, end: booking.end };
    let warnings: BookingWarning[] = [];
    return this.pipeline.handle({
      streamId: appointmentStreamId(appointmentId),
      decider: deciders.appointment,
      context: keyedContext,
      commandType: 'scheduling.BookAppointment',
      payload: booking,
      newStream: true,
      readSet: prepared?.readSet,
      // Refused as an id clash when this key already booked another slot: the ledger then answers (key reused).
      alongside: prepared ? this.calendar.besideNewAppointment(context, booking.providerId, slot, prepared.calendar) : [],
      decide: (state) => {
        if (!prepared) throw new AppointmentAlreadyBooked(appointmentId);
        // Deciding is pure: on the fresh stream it is the decision already taken while preparing.
        const decision = state.status === 'none' ? prepared.decision : decideBookAppointment(prepared.command, state);
        warnings = decision.warnings;
        return decision.events;
      },
      respond: ({ version }) => ({ appointmentId, version: version.toString(), warnings }),
    });
  }

  /** References, payment facts and times, checked before any time is held. */
  private async prepare(
    context: CommandContext,
    appointmentId: string,
    booking: Booking,
    trustHeld: boolean,
  ): Promise<{ command: BookAppointment; decision: BookingDecision; calendar?: KnownCalendarMonth; readSet: StreamVersion[] }> {
    const { tenantId } = context;
    const month = calendarMonthsOf(booking)[0];
    const references = await this.streams.bookingReferences(tenantId, booking.patientId, booking.providerId, month, trustHeld);
    const { practice, patient } = references;
    const { timeZone } = practice.profile;
    const dateOfService = localDateOf(new Date(booking.start), timeZone);
    assertBookingReferences(references, booking, [dateOfService]);
    const picture = await this.streams.paymentPicture(tenantId, practice, patient);
    const booked = picture.authorizations.length ? await this.utilization.bookedUnits(tenantId, booking.patientId) : {};
    const command: BookAppointment = {
      context,
      appointment: { ...booking, appointmentId, seriesId: null },
      timeZone,
      facts: bookingFactsOn(picture, dateOfService, booked),
    };
    return { command, decision: decideBookAppointment(command, initialAppointmentState), calendar: references.calendar, readSet: references.readSet };
  }
}
