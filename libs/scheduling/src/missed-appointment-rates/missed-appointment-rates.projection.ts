import { Injectable } from '@nestjs/common';

import { EventConsumer, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';

import type { AppointmentEvent } from '../appointment/appointment.events';

/**
 * The latest outcome of every appointment by provider and month of service, the input of the
 * no-show and late-cancel rates practices watch. One row per appointment, so replays change nothing.
 */
@Injectable()
@EventConsumer()
export class MissedAppointmentRatesProjection implements Consumer {
  readonly name = 'scheduling.missed-appointment-rates';
  readonly version = 1;
  readonly handles = [
    'scheduling.AppointmentBooked',
    'scheduling.AppointmentRescheduled',
    'scheduling.AppointmentCancelled',
    'scheduling.PatientNoShowRecorded',
    'scheduling.PatientCheckedIn',
  ];

  async apply(stored: StoredEvent, tx: SqlConnection): Promise<void> {
    const tenant = stored.metadata.tenantId;
    const e = stored as unknown as AppointmentEvent;
    const update = (assignment: string, value: unknown) =>
      tx.query(`UPDATE scheduling.missed_appointment_outcomes_v1 SET ${assignment} WHERE tenant_id = $1 AND appointment_id = $2`, [
        tenant,
        e.data.appointmentId,
        value,
      ]);
    switch (e.type) {
      case 'scheduling.AppointmentBooked':
        await tx.query(
          `INSERT INTO scheduling.missed_appointment_outcomes_v1 (tenant_id, appointment_id, provider_id, service_month, outcome)
           VALUES ($1, $2, $3, date_trunc('month', $4::date), 'booked') ON CONFLICT DO NOTHING`,
          [tenant, e.data.appointmentId, e.data.providerId, e.data.dateOfService],
        );
        return;
      case 'scheduling.AppointmentRescheduled':
        await update(`service_month = date_trunc('month', $3::date)`, e.data.dateOfService);
        return;
      case 'scheduling.AppointmentCancelled':
        await update('outcome = $3', e.data.late ? 'late_cancel' : 'cancelled');
        return;
      case 'scheduling.PatientNoShowRecorded':
        await update('outcome = $3', 'no_show');
        return;
      case 'scheduling.PatientCheckedIn':
        await update('outcome = $3', 'kept');
        return;
    }
  }

  async reset(tx: SqlConnection): Promise<void> {
    await tx.query('DELETE FROM scheduling.missed_appointment_outcomes_v1');
  }
}
