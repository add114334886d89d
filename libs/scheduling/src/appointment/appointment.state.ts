import type { DomainEvent } from '@revcycle/event-store';

import type { AppointmentDetails, AppointmentEvent } from './appointment.events';

/** One appointment's lifecycle. Its provider time is held in the provider calendar, not here. */
export type AppointmentState =
  | { status: 'none' }
  | { status: 'booked'; appointment: AppointmentDetails }
  | { status: 'checked_in'; appointment: AppointmentDetails; checkedInAt: string }
  | { status: 'completed'; appointment: AppointmentDetails; completedAt: string }
  | { status: 'cancelled'; appointment: AppointmentDetails; late: boolean; feeSettled: boolean }
  | { status: 'no_show'; appointment: AppointmentDetails; feeSettled: boolean };

export const initialAppointmentState: AppointmentState = { status: 'none' };

export function appointmentStreamId(appointmentId: string): string {
  return `appointment-${appointmentId}`;
}

export function evolveAppointment(state: AppointmentState, event: DomainEvent): AppointmentState {
  const e = event as AppointmentEvent;
  if (e.type === 'scheduling.AppointmentBooked') return { status: 'booked', appointment: e.data };
  if (state.status === 'none') return state;
  const { appointment } = state;
  switch (e.type) {
    case 'scheduling.AppointmentRescheduled': {
      const { start, end, dateOfService } = e.data;
      return { status: 'booked', appointment: { ...appointment, start, end, dateOfService } };
    }
    case 'scheduling.PatientCheckedIn':
      return { status: 'checked_in', appointment, checkedInAt: e.data.checkedInAt };
    case 'scheduling.AppointmentCompleted':
      return { status: 'completed', appointment, completedAt: e.data.completedAt };
    case 'scheduling.AppointmentCancelled':
      return { status: 'cancelled', appointment, late: e.data.late, feeSettled: false };
    case 'scheduling.PatientNoShowRecorded':
      return { status: 'no_show', appointment, feeSettled: false };
    case 'scheduling.LateCancelFeeCharged':
    case 'scheduling.NoShowFeeCharged':
    case 'scheduling.MissedAppointmentFeeWaived':
      return state.status === 'cancelled' || state.status === 'no_show' ? { ...state, feeSettled: true } : state;
    default:
      return state;
  }
}
