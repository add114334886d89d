import type { CommandContext } from '@revcycle/kernel';

import type { ProviderTimeReleased } from '../provider-calendar.events';
import { holdOf, type ProviderCalendarState } from '../provider-calendar.state';

export interface ReleaseProviderTime {
  context: CommandContext;
  providerId: string;
  appointmentId: string;
}

/**
 * Frees the time of a cancelled appointment so it can be booked again. Issued by a policy on
 * `scheduling.AppointmentCancelled`; releasing what is not held writes nothing, so redelivery and
 * a booking abandoned before its appointment stream was written are both harmless.
 */
export function decideReleaseProviderTime(
  command: ReleaseProviderTime,
  state: ProviderCalendarState,
): ProviderTimeReleased[] {
  const { providerId, appointmentId } = command;
  if (!holdOf(state, appointmentId)) return [];
  return [{ type: 'scheduling.ProviderTimeReleased', data: { providerId, appointmentId } }];
}
