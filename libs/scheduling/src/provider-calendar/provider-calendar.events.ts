import type { DomainEvent } from '@revcycle/event-store';

/** A half-open interval [start, end) of provider time held for one appointment; instants are ISO strings. */
export interface ProviderTimeSlot {
  appointmentId: string;
  start: string;
  end: string;
}

export type ProviderTimeReserved = DomainEvent<'scheduling.ProviderTimeReserved', { providerId: string } & ProviderTimeSlot>;
export type ProviderTimeReleased = DomainEvent<
  'scheduling.ProviderTimeReleased',
  { providerId: string; appointmentId: string }
>;

export type ProviderCalendarEvent = ProviderTimeReserved | ProviderTimeReleased;
