import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { Database } from '@revcycle/event-store';

export interface PatientTimelineRow {
  eventId: string;
  occurredAt: string;
  kind: string;
  appointmentId: string | null;
  encounterId: string | null;
  details: Record<string, unknown>;
}

export class GetPatientTimeline extends Query<PatientTimelineRow[]> {
  constructor(readonly tenantId: string, readonly patientId: string) {
    super();
  }
}

@QueryHandler(GetPatientTimeline)
export class GetPatientTimelineHandler implements IQueryHandler<GetPatientTimeline> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, patientId }: GetPatientTimeline): Promise<PatientTimelineRow[]> {
    const { rows } = await this.database.pool.query(
      `SELECT event_id, occurred_at, kind, appointment_id, encounter_id, details FROM scheduling.patient_timeline_v1
        WHERE tenant_id = $1 AND patient_id = $2 ORDER BY global_position LIMIT 1000`,
      [tenantId, patientId],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      occurredAt: (row.occurred_at as Date).toISOString(),
      kind: row.kind,
      appointmentId: row.appointment_id,
      encounterId: row.encounter_id,
      details: row.details,
    }));
  }
}
