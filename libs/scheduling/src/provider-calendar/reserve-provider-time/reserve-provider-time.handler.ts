import { Injectable } from '@nestjs/common';

import { CommandPipeline, type AlongsideStream, type EventEnvelope } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { AppointmentAlreadyBooked } from '../../appointment/appointment.errors';
import { deciders } from '../../scheduling-streams';
import { decideReleaseProviderTime } from '../release-provider-time/release-provider-time.command';
import type { ProviderTimeReserved, ProviderTimeSlot } from '../provider-calendar.events';
import { calendarMonthsOf, holdOf, providerCalendarStreamId, type ProviderCalendarState } from '../provider-calendar.state';
import { decideReserveProviderTime } from './reserve-provider-time.command';

/** A month's calendar stream as the caller already read it, batched with its other reads. */
export interface KnownCalendarMonth {
  month: string;
  history: EventEnvelope[];
}

/**
 * Holds time in the provider's monthly calendar streams, where the no-double-booking rule is decided
 * by the stream version: beside a new appointment in the same append, or as the first step of
 * rescheduling and series. A new booking may not move time already held under its appointment id
 * (an id clash, not a reschedule).
 *
 * No ledger entry of its own: the decision is idempotent by itself (the same slot for the same
 * appointment writes nothing), so a retry re-decides to nothing and the request's key is answered
 * by the step that writes the appointment.
 */
@Injectable()
export class ReserveProviderTimeHandler {
  constructor(private readonly pipeline: CommandPipeline) {}

  /**
   * Reserves every slot in each month it touches, months in order. If a month refuses, the months
   * already reserved are given back before the refusal is passed on, so nothing stays half held.
   * `previous` is a rescheduled appointment's old slot: months it leaves are released at the end.
   */
  async reserve(
    context: CommandContext,
    providerId: string,
    slots: ProviderTimeSlot[],
    purpose: 'book' | 'reschedule',
    options: { known?: KnownCalendarMonth; previous?: Pick<ProviderTimeSlot, 'start' | 'end'> } = {},
  ): Promise<void> {
    const byMonth = new Map<string, ProviderTimeSlot[]>();
    for (const slot of slots) for (const month of calendarMonthsOf(slot)) byMonth.set(month, [...(byMonth.get(month) ?? []), slot]);
    const months = [...byMonth.keys()].sort();
    const held: string[] = [];
    try {
      for (const month of months) {
        const history = options.known?.month === month ? options.known.history : undefined;
        await this.reserveMonth(context, providerId, month, byMonth.get(month)!, purpose, history);
        held.push(month);
      }
    } catch (refusal) {
      for (const month of held) await this.release(context, providerId, month, byMonth.get(month)!.map((slot) => slot.appointmentId));
      throw refusal;
    }
    const left = options.previous ? calendarMonthsOf(options.previous).filter((month) => !byMonth.has(month)) : [];
    for (const month of left) await this.release(context, providerId, month, slots.map((slot) => slot.appointmentId));
  }

  /** Gives back the appointments' time in one month (a cancellation, or a reservation undone). */
  async release(context: CommandContext, providerId: string, month: string, appointmentIds: string[]): Promise<void> {
    await this.pipeline.handle({
      streamId: providerCalendarStreamId(providerId, month),
      decider: deciders.providerCalendar,
      context: { ...context, commandId: undefined },
      commandType: 'scheduling.ReleaseProviderTime',
      payload: { providerId, month, appointmentIds },
      decide: (state) => appointmentIds.flatMap((appointmentId) => decideReleaseProviderTime({ context, providerId, appointmentId }, state)),
      respond: ({ version }) => ({ providerId, version: version.toString() }),
    });
  }

  /**
   * A new appointment's time, held in the same append as the appointment itself (all or nothing, so
   * no time is ever held for an appointment that was not written): one calendar stream per month.
   */
  besideNewAppointment(context: CommandContext, providerId: string, slot: ProviderTimeSlot, known?: KnownCalendarMonth): AlongsideStream[] {
    return calendarMonthsOf(slot).map((month) => ({
      streamId: providerCalendarStreamId(providerId, month),
      decider: deciders.providerCalendar,
      history: known?.month === month ? known.history : undefined,
      decide: (state: ProviderCalendarState) => decideHold(context, providerId, [slot], 'book', state),
    }));
  }

  private async reserveMonth(
    context: CommandContext,
    providerId: string,
    month: string,
    slots: ProviderTimeSlot[],
    purpose: 'book' | 'reschedule',
    history?: EventEnvelope[],
  ): Promise<void> {
    await this.pipeline.handle({
      streamId: providerCalendarStreamId(providerId, month),
      decider: deciders.providerCalendar,
      context: { ...context, commandId: undefined },
      commandType: 'scheduling.ReserveProviderTime',
      payload: { providerId, month, slots },
      history,
      decide: (state) => decideHold(context, providerId, slots, purpose, state),
      respond: ({ version }) => ({ providerId, version: version.toString() }),
    });
  }
}

/** The no-double-booking decision for one month; a new booking may not move time its id already holds. */
function decideHold(
  context: CommandContext,
  providerId: string,
  slots: ProviderTimeSlot[],
  purpose: 'book' | 'reschedule',
  state: ProviderCalendarState,
): ProviderTimeReserved[] {
  const moved = slots.find((slot) => {
    const current = holdOf(state, slot.appointmentId);
    return current !== undefined && (current.start !== slot.start || current.end !== slot.end);
  });
  if (purpose === 'book' && moved) throw new AppointmentAlreadyBooked(moved.appointmentId);
  return decideReserveProviderTime({ context, providerId, slots }, state);
}
