import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { decideBookAppointment } from '../../appointment/book-appointment/book-appointment.command';
import type { Booking } from '../../appointment/book-appointment/book-appointment.handler';
import { assertBookingReferences } from '../../appointment/booking-references';
import type { BookingWarning } from '../../appointment/booking-warnings';
import { appointmentStreamId, initialAppointmentState } from '../../appointment/appointment.state';
import { bookingFactsOn } from '../../appointment/payment-facts';
import { ListAuthorizationUtilizationHandler } from '../../authorization-utilization/authorization-utilization.query';
import { createdId, keyed, stepContext } from '../../command-keys';
import { ReserveProviderTimeHandler } from '../../provider-calendar/reserve-provider-time/reserve-provider-time.handler';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { AppointmentSeriesAlreadyScheduled } from '../appointment-series.errors';
import { appointmentSeriesStreamId, initialAppointmentSeriesState } from '../appointment-series.state';
import type { SeriesFrequency } from '../series-occurrences';
import { decideScheduleAppointmentSeries, type ScheduleAppointmentSeries } from './schedule-appointment-series.command';

export interface SeriesRequest {
  session: Omit<Booking, 'start' | 'end'>;
  first: { start: string; end: string };
  frequency: SeriesFrequency;
  count: number;
  skipDates: string[];
}
export type SeriesAccepted = {
  seriesId: string;
  version: string;
  appointments: Array<{ appointmentId: string; start: string; dateOfService: string; warnings: BookingWarning[] }>;
};

export class ScheduleAppointmentSeriesMessage extends Command<CommandOutcome<SeriesAccepted>> {
  constructor(readonly context: CommandContext, readonly request: SeriesRequest) {
    super();
  }
}

/**
 * Plans the occurrences, holds all of their time month by month (all or nothing), books
 * each occurrence, and records the series last, whose ledger entry is the answer to any retry.
 */
@CommandHandler(ScheduleAppointmentSeriesMessage)
export class ScheduleAppointmentSeriesHandler implements ICommandHandler<ScheduleAppointmentSeriesMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
    private readonly calendar: ReserveProviderTimeHandler,
    private readonly utilization: ListAuthorizationUtilizationHandler,
  ) {}

  async execute({ context, request }: ScheduleAppointmentSeriesMessage): Promise<CommandOutcome<SeriesAccepted>> {
    const keyedContext = keyed(context);
    const seriesId = createdId(keyedContext);
    const plan = await this.plan(context, seriesId, request).catch((refusal: unknown) =>
      this.streams.replayIfAnswered(context.tenantId, keyedContext.commandId, refusal),
    );
    if (plan) {
      const slots = plan.bookings.map(({ appointment: { appointmentId, start, end } }) => ({ appointmentId, start, end }));
      await this.calendar.reserve(context, request.session.providerId, slots, 'book');
      for (const [index, booking] of plan.bookings.entries()) {
        await this.pipeline.handle({
          streamId: appointmentStreamId(booking.appointment.appointmentId),
          decider: deciders.appointment,
          context: stepContext(keyedContext, `occurrence-${index}`),
          commandType: 'scheduling.BookAppointment',
          payload: booking.appointment,
          decide: (state) => decideBookAppointment(booking, state).events,
          respond: ({ version }) => ({ appointmentId: booking.appointment.appointmentId, version: version.toString() }),
        });
      }
    }
    return this.pipeline.handle({
      streamId: appointmentSeriesStreamId(seriesId),
      decider: deciders.appointmentSeries,
      context: keyedContext,
      commandType: 'scheduling.ScheduleAppointmentSeries',
      payload: request,
      decide: (state) => {
        if (!plan) throw new AppointmentSeriesAlreadyScheduled(seriesId);
        return decideScheduleAppointmentSeries(plan.series, state);
      },
      respond: ({ version }) => ({ seriesId, version: version.toString(), appointments: plan?.appointments ?? [] }),
    });
  }

  /** The occurrences, each checked as a booking with its warnings, before any time is held. */
  private async plan(context: CommandContext, seriesId: string, request: SeriesRequest) {
    const { tenantId } = context;
    const { session } = request;
    const references = await this.streams.bookingReferences(tenantId, session.patientId, session.providerId);
    const { practice, patient } = references;
    const { timeZone } = practice.profile;
    const series: ScheduleAppointmentSeries = { context, seriesId, ...session, ...request, timeZone };
    const [planned] = decideScheduleAppointmentSeries(series, initialAppointmentSeriesState);
    const { occurrences } = planned.data;
    assertBookingReferences(references, session, occurrences.map((o) => o.dateOfService));
    const picture = await this.streams.paymentPicture(tenantId, practice, patient);
    const booked = picture.authorizations.length ? await this.utilization.bookedUnits(tenantId, session.patientId) : {};
    // Each occurrence's warnings count the occurrences booked before it as projected usage.
    const bookings = occurrences.map((o, index) => {
      const earlier = Object.fromEntries(
        picture.authorizations.flatMap((a) =>
          a.status === 'open' ? [[a.terms.authorizationId, (booked[a.terms.authorizationId] ?? 0) + index * session.plannedUnits]] : [],
        ),
      );
      const appointment = { ...session, appointmentId: o.appointmentId, start: o.start, end: o.end, seriesId };
      return { context, appointment, timeZone, facts: bookingFactsOn(picture, o.dateOfService, earlier) };
    });
    const appointments = occurrences.map(({ appointmentId, start, dateOfService }, index) => ({
      appointmentId,
      start,
      dateOfService,
      warnings: decideBookAppointment(bookings[index], initialAppointmentState).warnings,
    }));
    return { series, bookings, appointments };
  }
}
