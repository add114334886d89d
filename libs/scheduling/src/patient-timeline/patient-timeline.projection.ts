import { Injectable } from '@nestjs/common';

import { EventConsumer, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';
import type { EncountersPublicEvent } from '@revcycle/encounters';

import type { AppointmentEvent } from '../appointment/appointment.events';
import type { AuthorizationEvent } from '../authorization/authorization.events';
import type { GoodFaithEstimateIssued } from '../contracts/scheduling.public-events';
import type { CoverageEvent } from '../coverage/coverage.events';
import type { PatientRegistered } from '../patient/patient.events';

type TimelineEvent = AppointmentEvent | AuthorizationEvent | CoverageEvent | PatientRegistered | GoodFaithEstimateIssued | EncountersPublicEvent;

interface Entry {
  /** Known on events that name the patient; otherwise resolved through `ref`. */
  patientId: string | null;
  ref: string;
  appointmentId?: string;
  encounterId?: string;
  details: Record<string, unknown>;
}

/** Ids and codes only: demographics, member ids and note text never reach the timeline. */
function entryOf(e: TimelineEvent): Entry {
  switch (e.type) {
    case 'scheduling.PatientRegistered':
      return { patientId: e.data.patientId, ref: e.data.patientId, details: { part2: e.data.part2 !== null } };
    case 'scheduling.CoverageAdded': {
      const { coverageId, payerId, priority, effectiveFrom, effectiveTo } = e.data;
      return { patientId: e.data.patientId, ref: coverageId, details: { coverageId, payerId, priority, effectiveFrom, effectiveTo } };
    }
    case 'scheduling.CoverageEnded':
      return { patientId: null, ref: e.data.coverageId, details: { ...e.data } };
    case 'scheduling.EligibilityChecked':
      return { patientId: null, ref: e.data.coverageId, details: { coverageId: e.data.coverageId, checkedOn: e.data.checkedOn, active: e.data.outcome.active } };
    case 'scheduling.AuthorizationRecorded': {
      const { authorizationId, unitsAuthorized, startDate, endDate } = e.data;
      return { patientId: e.data.patientId, ref: authorizationId, details: { authorizationId, unitsAuthorized, startDate, endDate } };
    }
    case 'scheduling.AuthorizationUsageCounted':
    case 'scheduling.AuthorizationUsageRefused':
    case 'scheduling.AuthorizationUsageReversed':
      return { patientId: null, ref: e.data.authorizationId, encounterId: e.data.encounterId, details: { ...e.data } };
    case 'scheduling.AppointmentBooked': {
      const { appointmentId, providerId, serviceCode, start, dateOfService, seriesId } = e.data;
      return { patientId: e.data.patientId, ref: appointmentId, appointmentId, details: { providerId, serviceCode, start, dateOfService, seriesId } };
    }
    case 'scheduling.GoodFaithEstimateIssued': {
      const { estimateId, totalCents, period, issuedOnTime } = e.data;
      return { patientId: e.data.patientId, ref: estimateId, details: { estimateId, totalCents, period, issuedOnTime } };
    }
    case 'encounters.EncounterSigned': {
      const { encounterId, appointmentId, signedAt } = e.data;
      return { patientId: e.data.patientId, ref: encounterId, encounterId, appointmentId: appointmentId ?? undefined, details: { signedAt } };
    }
    case 'encounters.EncounterAddendumRecorded':
      return { patientId: null, ref: e.data.encounterId, encounterId: e.data.encounterId, details: { reason: e.data.reason, changedFields: e.data.changedFields } };
    case 'encounters.EncounterVoided':
      return { patientId: null, ref: e.data.encounterId, encounterId: e.data.encounterId, details: { reason: e.data.reason } };
    default: {
      const { appointmentId, ...rest } = e.data;
      return { patientId: null, ref: appointmentId, appointmentId, details: rest };
    }
  }
}

/** Everything that happened to one patient's scheduling and documentation, in log order. */
@Injectable()
@EventConsumer()
export class PatientTimelineProjection implements Consumer {
  readonly name = 'scheduling.patient-timeline';
  readonly version = 1;
  readonly handles = [
    'scheduling.PatientRegistered',
    'scheduling.CoverageAdded',
    'scheduling.CoverageEnded',
    'scheduling.EligibilityChecked',
    'scheduling.AuthorizationRecorded',
    'scheduling.AuthorizationUsageCounted',
    'scheduling.AuthorizationUsageRefused',
    'scheduling.AuthorizationUsageReversed',
    'scheduling.AppointmentBooked',
    'scheduling.AppointmentRescheduled',
    'scheduling.AppointmentCancelled',
    'scheduling.PatientNoShowRecorded',
    'scheduling.PatientCheckedIn',
    'scheduling.AppointmentCompleted',
    'scheduling.LateCancelFeeCharged',
    'scheduling.NoShowFeeCharged',
    'scheduling.MissedAppointmentFeeWaived',
    'scheduling.GoodFaithEstimateIssued',
    'encounters.EncounterSigned',
    'encounters.EncounterAddendumRecorded',
    'encounters.EncounterVoided',
  ];

  async apply(stored: StoredEvent, tx: SqlConnection): Promise<void> {
    const entry = entryOf(stored as unknown as TimelineEvent);
    const tenant = stored.metadata.tenantId;
    if (entry.patientId !== null) {
      await tx.query(
        'INSERT INTO scheduling.patient_timeline_refs_v1 (tenant_id, ref_id, patient_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [tenant, entry.ref, entry.patientId],
      );
    }
    await tx.query(
      `INSERT INTO scheduling.patient_timeline_v1 (tenant_id, event_id, patient_id, global_position, occurred_at, kind, appointment_id, encounter_id, details)
       SELECT $1, $2, patient_id, $4, $5, $6, $7, $8, $9
         FROM scheduling.patient_timeline_refs_v1 WHERE tenant_id = $1 AND ref_id = $3
       ON CONFLICT DO NOTHING`,
      [tenant, stored.eventId, entry.ref, stored.globalPosition.toString(), stored.metadata.occurredAt, stored.type,
        entry.appointmentId ?? null, entry.encounterId ?? null, JSON.stringify(entry.details)],
    );
  }

  async reset(tx: SqlConnection): Promise<void> {
    await tx.query('DELETE FROM scheduling.patient_timeline_v1');
    await tx.query('DELETE FROM scheduling.patient_timeline_refs_v1');
  }
}
