import type { CommandContext } from '@revcycle/kernel';

import type { ProviderTimeReserved, ProviderTimeSlot } from '../provider-calendar.events';
import { InvalidTimeSlot, ProviderDoubleBooked } from '../provider-calendar.errors';
import { heldSlot, holdOf, slotsOverlap, type HeldSlot, type ProviderCalendarState } from '../provider-calendar.state';

export interface ReserveProviderTime {
  context: CommandContext;
  providerId: string;
  /** One slot for a booking or reschedule, every occurrence for a recurring series. */
  slots: ProviderTimeSlot[];
}

/**
 * Reserving again for an appointment that already holds time moves it (a reschedule), so its own
 * old slot never conflicts. The same slot again writes nothing: a retried booking is harmless.
 */
export function decideReserveProviderTime(
  command: ReserveProviderTime,
  state: ProviderCalendarState,
): ProviderTimeReserved[] {
  const { providerId, slots } = command;
  const held = state.status === 'active' ? state.holds : [];
  const events: ProviderTimeReserved[] = [];
  const accepted: HeldSlot[] = [];
  for (const slot of slots) {
    const wanted = heldSlot(slot);
    if (!(wanted.startMs < wanted.endMs)) throw new InvalidTimeSlot(slot.appointmentId);
    const current = holdOf(state, slot.appointmentId);
    if (current?.start === slot.start && current.end === slot.end) continue;
    const conflict =
      held.find((other) => other.appointmentId !== slot.appointmentId && slotsOverlap(wanted, other)) ??
      accepted.find((other) => other.appointmentId !== slot.appointmentId && slotsOverlap(wanted, other));
    if (conflict) throw new ProviderDoubleBooked(providerId, slot.appointmentId, conflict.appointmentId);
    accepted.push(wanted);
    events.push({ type: 'scheduling.ProviderTimeReserved', data: { providerId, ...slot } });
  }
  return events;
}
