import type { DomainEvent } from '@revcycle/event-store';

import type { AppointmentSeriesEvent, AppointmentSeriesScheduled } from './appointment-series.events';

export type AppointmentSeriesState =
  | { status: 'none' }
  | ({ status: 'scheduled' } & AppointmentSeriesScheduled['data']);

export const initialAppointmentSeriesState: AppointmentSeriesState = { status: 'none' };

export function appointmentSeriesStreamId(seriesId: string): string {
  return `appointment-series-${seriesId}`;
}

export function evolveAppointmentSeries(state: AppointmentSeriesState, event: DomainEvent): AppointmentSeriesState {
  const e = event as AppointmentSeriesEvent;
  return e.type === 'scheduling.AppointmentSeriesScheduled' ? { status: 'scheduled', ...e.data } : state;
}
