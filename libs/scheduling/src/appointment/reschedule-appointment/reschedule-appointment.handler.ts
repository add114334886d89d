import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, ConcurrencyError, type CommandOutcome } from '@revcycle/event-store';
import { localDateOf, type CommandContext } from '@revcycle/kernel';

import { ListAuthorizationUtilizationHandler } from '../../authorization-utilization/authorization-utilization.query';
import { keyed } from '../../command-keys';
import { ReserveProviderTimeHandler } from '../../provider-calendar/reserve-provider-time/reserve-provider-time.handler';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { AppointmentNotFound } from '../appointment.errors';
import { appointmentStreamId } from '../appointment.state';
import { assertBookingReferences } from '../booking-references';
import type { BookingWarning } from '../booking-warnings';
import { bookingFactsOn } from '../payment-facts';
import { decideRescheduleAppointment, type RescheduleAppointment } from './reschedule-appointment.command';

export type RescheduleAccepted = { appointmentId: string; version: string; warnings: BookingWarning[] };

export class RescheduleAppointmentMessage extends Command<CommandOutcome<RescheduleAccepted>> {
  constructor(
    readonly context: CommandContext,
    readonly appointmentId: string,
    readonly slot: { start: string; end: string },
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

/** Same shape as booking: move the time in the provider calendar first, then the appointment. */
@CommandHandler(RescheduleAppointmentMessage)
export class RescheduleAppointmentHandler implements ICommandHandler<RescheduleAppointmentMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
    private readonly calendar: ReserveProviderTimeHandler,
    private readonly utilization: ListAuthorizationUtilizationHandler,
  ) {}

  async execute({ context, appointmentId, slot, expectedVersion }: RescheduleAppointmentMessage): Promise<CommandOutcome<RescheduleAccepted>> {
    const keyedContext = keyed(context);
    const prepared = await this.prepare(context, appointmentId, slot, expectedVersion).catch((refusal: unknown) =>
      this.streams.replayIfAnswered(context.tenantId, keyedContext.commandId, refusal),
    );
    if (prepared) {
      const { providerId, previous } = prepared;
      await this.calendar.reserve(context, providerId, [{ appointmentId, ...slot }], 'reschedule', { previous });
    }
    let warnings: BookingWarning[] = [];
    return this.pipeline.handle({
      streamId: appointmentStreamId(appointmentId),
      decider: deciders.appointment,
      context: keyedContext,
      commandType: 'scheduling.RescheduleAppointment',
      payload: { appointmentId, ...slot },
      expectedVersion,
      decide: (state) => {
        if (!prepared) throw new AppointmentNotFound(appointmentId);
        const decision = decideRescheduleAppointment(prepared.command, state);
        warnings = decision.warnings;
        return decision.events;
      },
      respond: ({ version }) => ({ appointmentId, version: version.toString(), warnings }),
    });
  }

  private async prepare(
    context: CommandContext,
    appointmentId: string,
    slot: { start: string; end: string },
    expectedVersion: bigint | undefined,
  ): Promise<{ command: RescheduleAppointment; providerId: string; previous: { start: string; end: string } }> {
    const { tenantId } = context;
    const streamId = appointmentStreamId(appointmentId);
    const current = await this.streams.fold(tenantId, streamId, deciders.appointment);
    // Checked before the calendar moves, so a stale If-Match never leaves the time moved alone.
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ConcurrencyError(streamId, expectedVersion.toString(), current.version);
    }
    if (current.state.status === 'none') throw new AppointmentNotFound(appointmentId);
    const { patientId, providerId, locationId } = current.state.appointment;
    const references = await this.streams.bookingReferences(tenantId, patientId, providerId);
    const { practice, patient } = references;
    const { timeZone } = practice.profile;
    const dateOfService = localDateOf(new Date(slot.start), timeZone);
    assertBookingReferences(references, { patientId, providerId, locationId }, [dateOfService]);
    const picture = await this.streams.paymentPicture(tenantId, practice, patient);
    const booked = picture.authorizations.length ? await this.utilization.bookedUnits(tenantId, patientId) : {};
    const command = { context, appointmentId, ...slot, timeZone, facts: bookingFactsOn(picture, dateOfService, booked) };
    decideRescheduleAppointment(command, current.state);
    const { start, end } = current.state.appointment;
    return { command, providerId, previous: { start, end } };
  }
}
