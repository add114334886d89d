import { Injectable } from '@nestjs/common';

import { CommandPipeline, type EventEnvelope } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { AppointmentAlreadyBooked } from '../../appointment/appointment.errors';
import { deciders } from '../../scheduling-streams';
import type { ProviderTimeSlot } from '../provider-calendar.events';
import { providerCalendarStreamId } from '../provider-calendar.state';
import { decideReserveProviderTime } from './reserve-provider-time.command';

/**
 * The first step of booking, rescheduling and series: hold the time in the provider's calendar
 * stream, the only place the no-double-booking rule can be decided atomically. A new booking may
 * not move time already held under its appointment id (an id clash, not a reschedule).
 *
 * No ledger entry of its own: the decision is idempotent by itself (the same slot for the same
 * appointment writes nothing), so a retry re-decides to nothing and the request's key is answered
 * by the step that writes the appointment. That saves a ledger read and write on every booking.
 */
@Injectable()
export class ReserveProviderTimeHandler {
  constructor(private readonly pipeline: CommandPipeline) {}

  async reserve(
    context: CommandContext,
    providerId: string,
    slots: ProviderTimeSlot[],
    purpose: 'book' | 'reschedule',
    history?: EventEnvelope[],
  ): Promise<void> {
    await this.pipeline.handle({
      streamId: providerCalendarStreamId(providerId),
      decider: deciders.providerCalendar,
      context: { ...context, commandId: undefined },
      commandType: 'scheduling.ReserveProviderTime',
      history,
      payload: { providerId, slots },
      decide: (state) => {
        const held = state.status === 'active' ? state.reservations : {};
        const moved = slots.find((slot) => {
          const current = held[slot.appointmentId];
          return current !== undefined && (current.start !== slot.start || current.end !== slot.end);
        });
        if (purpose === 'book' && moved) throw new AppointmentAlreadyBooked(moved.appointmentId);
        return decideReserveProviderTime({ context, providerId, slots }, state);
      },
      respond: ({ version }) => ({ providerId, version: version.toString() }),
    });
  }
}
