import { Injectable } from '@nestjs/common';

import { EventConsumer, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';

import type { AppointmentEvent } from '../appointment/appointment.events';

/** A provider's day: every appointment with its time and status. Keyed writes make replays harmless. */
@Injectable()
@EventConsumer()
export class ProviderDayCalendarProjection implements Consumer {
  readonly name = 'scheduling.provider-day-calendar';
  readonly version = 1;
  readonly handles = [
    'scheduling.AppointmentBooked',
    'scheduling.AppointmentRescheduled',
    'scheduling.AppointmentCancelled',
    'scheduling.PatientNoShowRecorded',
    'scheduling.PatientCheckedIn',
    'scheduling.AppointmentCompleted',
  ];

  async apply(stored: StoredEvent, tx: SqlConnection): Promise<void> {
    const tenant = stored.metadata.tenantId;
    const e = stored as unknown as AppointmentEvent;
    const set = (assignments: string, values: unknown[] = []) =>
      tx.query(`UPDATE scheduling.provider_day_calendar_v1 SET ${assignments} WHERE tenant_id = $1 AND appointment_id = $2`, [
        tenant,
        e.data.appointmentId,
        ...values,
      ]);
    switch (e.type) {
      case 'scheduling.AppointmentBooked': {
        const a = e.data;
        await tx.query(
          `INSERT INTO scheduling.provider_day_calendar_v1 (tenant_id, appointment_id, provider_id, patient_id, location_id,
             series_id, modality, service_code, date_of_service, start_at, end_at, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'booked') ON CONFLICT DO NOTHING`,
          [tenant, a.appointmentId, a.providerId, a.patientId, a.locationId, a.seriesId, a.modality, a.serviceCode, a.dateOfService, a.start, a.end],
        );
        return;
      }
      case 'scheduling.AppointmentRescheduled':
        await set('start_at = $3, end_at = $4, date_of_service = $5', [e.data.start, e.data.end, e.data.dateOfService]);
        return;
      case 'scheduling.AppointmentCancelled':
        await set(`status = 'cancelled', late_cancel = $3`, [e.data.late]);
        return;
      case 'scheduling.PatientNoShowRecorded':
        await set(`status = 'no_show'`);
        return;
      case 'scheduling.PatientCheckedIn':
        await set(`status = 'checked_in'`);
        return;
      case 'scheduling.AppointmentCompleted':
        await set(`status = 'completed'`);
        return;
    }
  }

  async reset(tx: SqlConnection): Promise<void> {
    await tx.query('DELETE FROM scheduling.provider_day_calendar_v1');
  }
}
