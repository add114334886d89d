import { Injectable } from '@nestjs/common';

import { EventConsumer, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';
import type { EncounterSigned } from '@revcycle/encounters';

import type { AppointmentEvent } from '../appointment/appointment.events';
import type { AuthorizationEvent } from '../authorization/authorization.events';

/**
 * Authorization utilization: units authorized, units counted from signed encounters, and sessions
 * booked but not yet signed (projected usage). Every write is keyed, so replaying an event twice
 * leaves the same rows. Attribution of booked sessions to an authorization happens at query time.
 */
@Injectable()
@EventConsumer()
export class AuthorizationUtilizationProjection implements Consumer {
  readonly name = 'scheduling.authorization-utilization';
  readonly version = 1;
  readonly handles = [
    'scheduling.AuthorizationRecorded',
    'scheduling.AuthorizationUsageCounted',
    'scheduling.AuthorizationUsageReversed',
    'scheduling.AppointmentBooked',
    'scheduling.AppointmentRescheduled',
    'scheduling.AppointmentCancelled',
    'scheduling.PatientNoShowRecorded',
    'encounters.EncounterSigned',
  ];

  async apply(stored: StoredEvent, tx: SqlConnection): Promise<void> {
    const tenant = stored.metadata.tenantId;
    const e = stored as unknown as AuthorizationEvent | AppointmentEvent | EncounterSigned;
    switch (e.type) {
      case 'scheduling.AuthorizationRecorded': {
        const t = e.data;
        await tx.query(
          `INSERT INTO scheduling.authorization_utilization_v1 (tenant_id, authorization_id, patient_id, payer_id, number,
             covered_service_codes, start_date, end_date, units_authorized)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [tenant, t.authorizationId, t.patientId, t.payerId, t.number, t.coveredServiceCodes, t.startDate, t.endDate, t.unitsAuthorized],
        );
        return;
      }
      case 'scheduling.AuthorizationUsageCounted':
        await tx.query(
          `INSERT INTO scheduling.authorization_usage_v1 (tenant_id, authorization_id, encounter_id, units)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [tenant, e.data.authorizationId, e.data.encounterId, e.data.units],
        );
        return;
      case 'scheduling.AuthorizationUsageReversed':
        await tx.query('DELETE FROM scheduling.authorization_usage_v1 WHERE tenant_id = $1 AND authorization_id = $2 AND encounter_id = $3', [
          tenant,
          e.data.authorizationId,
          e.data.encounterId,
        ]);
        return;
      case 'scheduling.AppointmentBooked': {
        const a = e.data;
        await tx.query(
          `INSERT INTO scheduling.authorization_pending_sessions_v1 (tenant_id, appointment_id, patient_id, service_code, date_of_service, units, pending)
           VALUES ($1, $2, $3, $4, $5, $6, true) ON CONFLICT DO NOTHING`,
          [tenant, a.appointmentId, a.patientId, a.serviceCode, a.dateOfService, a.plannedUnits],
        );
        return;
      }
      case 'scheduling.AppointmentRescheduled':
        await this.update(tx, tenant, e.data.appointmentId, 'date_of_service = $3', [e.data.dateOfService]);
        return;
      case 'scheduling.AppointmentCancelled':
      case 'scheduling.PatientNoShowRecorded':
        await this.update(tx, tenant, e.data.appointmentId, 'pending = false');
        return;
      case 'encounters.EncounterSigned':
        if (e.data.appointmentId !== null) await this.update(tx, tenant, e.data.appointmentId, 'pending = false');
        return;
    }
  }

  private async update(tx: SqlConnection, tenant: string, appointmentId: string, set: string, extra: unknown[] = []): Promise<void> {
    await tx.query(`UPDATE scheduling.authorization_pending_sessions_v1 SET ${set} WHERE tenant_id = $1 AND appointment_id = $2`, [
      tenant,
      appointmentId,
      ...extra,
    ]);
  }

  async reset(tx: SqlConnection): Promise<void> {
    for (const table of ['authorization_utilization_v1', 'authorization_usage_v1', 'authorization_pending_sessions_v1']) {
      await tx.query(`DELETE FROM scheduling.${table}`);
    }
  }
}
